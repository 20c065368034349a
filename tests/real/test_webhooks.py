"""Webhooks of the user, of an event type and of the organization: create, list, get, update, delete."""

from __future__ import annotations

from typing import Any

import pytest

from tests.real.harness import TAG, Run

pytestmark = pytest.mark.real_calcom


def _hook(path: str) -> dict[str, Any]:
    return {"subscriberUrl": f"https://hooks.example.com/{TAG}/{path}", "triggers": ["BOOKING_CREATED"], "active": True}


FULL = {"triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED"], "payloadTemplate": '{"title": "{{title}}"}',
        "secret": "whsec-real-suite"}
PAGE = {"take": 50, "skip": 0}


def _sequence(run: Run, scope: dict[str, Any], names: dict[str, str]) -> None:
    """create (minimal, complete) → list → get → update → delete, for one scope's five actions."""
    path = names["create"].lower()
    made = run.both(names["create"], {**scope, **_hook(path)}, {**_hook(path + "-full"), **FULL},
                    undo=lambda hook: (names["delete"], {**scope, "webhookId": hook["id"]}))
    ids = [hook["id"] for hook in made]
    assert made[1]["triggers"] == FULL["triggers"] and made[1]["payloadTemplate"] == FULL["payloadTemplate"]
    listed = run.both(names["list"], scope, PAGE)
    assert all({hook["id"] for hook in page} >= set(ids) for page in listed)
    got = run.both(names["get"], {**scope, "webhookId": ids[0]})
    assert got[0]["id"] == ids[0] and got[0]["subscriberUrl"].endswith(names["create"].lower())
    run.minimal(names["update"], {**scope, "webhookId": ids[0]})
    updated = run.complete(
        names["update"], {**scope, "webhookId": ids[0]}, {**_hook("moved"), **FULL, "active": False}
    )
    assert updated["active"] is False and updated["subscriberUrl"].endswith("/moved")
    for webhook_id in ids:
        run.both(names["delete"], {**scope, "webhookId": webhook_id})
    remaining = {hook["id"] for hook in run.need(names["list"], {**scope, **PAGE})}
    assert not remaining & set(ids)


def _names(infix: str) -> dict[str, str]:
    return {verb: f"CAL_{verb.upper()}_{infix}WEBHOOK{'S' if verb == 'list' else ''}"
            for verb in ("create", "list", "get", "update", "delete")}


def test_user_webhooks(run: Run) -> None:
    _sequence(run, {}, _names(""))


def test_org_webhooks(run: Run, me: dict[str, int]) -> None:
    _sequence(run, {"orgId": me["orgId"]}, _names("ORG_"))


def test_event_type_webhooks(run: Run) -> None:
    event_type = run.need("CAL_CREATE_EVENT_TYPE", {"title": "Hooked", "slug": f"{TAG}-hooked", "lengthInMinutes": 30})
    run.later("CAL_DELETE_EVENT_TYPE", {"eventTypeId": event_type["id"]})
    scope = {"eventTypeId": event_type["id"]}
    _sequence(run, scope, _names("EVENT_TYPE_"))
    for path in ("one", "two"):
        run.need("CAL_CREATE_EVENT_TYPE_WEBHOOK", {**scope, **_hook(path)})
    run.both("CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS", scope)
    assert run.need("CAL_LIST_EVENT_TYPE_WEBHOOKS", scope) == []
