"""Private links of event types: secret booking URLs, time-based (``expiresAt``) or usage-based (``maxUsageCount``).

Cal.com's booking API (2024-08-13) takes no private-link hash, so no booking here goes through a link:
``usageCount`` stays at what was stored, and ``isExpired`` is the link's own state as Cal.com computes it —
a time-based link expires after ``expiresAt``, a usage-based one once ``usageCount`` reaches ``maxUsageCount``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from cal_actions.sandbox.app import SANDBOX_BASE_URL
from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, parse_instant

routes = Routes()

KIND = "private_link"


def is_expired(link: Document, now: datetime) -> bool:
    if link["expiresAt"] is not None:
        return now > parse_instant(link["expiresAt"], "expiresAt")
    return bool(link["usageCount"] >= link["maxUsageCount"])


def link_output(link: Document, now: datetime) -> dict[str, Any]:
    """Cal.com answers one of two shapes: time-based when the link has an expiry, usage-based otherwise."""
    base = {
        "linkId": link["id"],
        "eventTypeId": link["eventTypeId"],
        "isExpired": is_expired(link, now),
        "bookingUrl": link["bookingUrl"],
    }
    if link["expiresAt"] is not None:
        return {**base, "expiresAt": link["expiresAt"]}
    return {**base, "maxUsageCount": link["maxUsageCount"], "usageCount": link["usageCount"]}


def _event_type(call: Call) -> Document:
    """Personal routes: the caller's own event type (Cal.com's ownership guard answers 404 for another's).
    Organization routes: a team admin (or an organization admin), and an event type of that team."""
    team = org_access.require_org_team_role(call, "ADMIN") if "orgId" in call.params else None
    event_type_id = call.int_param("eventTypeId")
    found = call.tx.get("event_type", event_type_id)
    if team is not None:
        ours = found is not None and found["teamId"] == team["id"]
    else:
        ours = found is not None and found["ownerId"] == call.user_id and found["teamId"] is None
    if found is None or not ours:
        raise NotFound(f"Event type with id {event_type_id} not found")
    return found


def _expiry(body: dict[str, Any]) -> str | None:
    value = body.get("expiresAt")
    return None if value is None else iso_utc(parse_instant(value, "expiresAt"))


def _links(tx: Tx, event_type: Document) -> list[Document]:
    return [link for link in tx.all(KIND) if link["eventTypeId"] == event_type["id"]]


def _link(call: Call, event_type: Document, missing: str) -> Document:
    found = call.tx.get(KIND, call.params["linkId"])
    if found is None or found["eventTypeId"] != event_type["id"]:
        raise NotFound(missing)
    return found


def new_link(
    tx: Tx, event_type: Document, *, expires_at: str | None, max_usage: int | None, used: int = 0
) -> Document:
    # Deterministic, URL-safe hashes: the same sandbox history always yields the same links.
    link_id = hashlib.sha256(f"private-link-{tx.next_id(KIND)}".encode()).hexdigest()[:22]
    link = {
        "id": link_id,
        "eventTypeId": event_type["id"],
        "expiresAt": expires_at,
        "maxUsageCount": max_usage or 1,  # Cal.com's default: one booking
        "usageCount": used,
        "bookingUrl": f"{SANDBOX_BASE_URL}/d/{link_id}/{event_type['slug']}",
    }
    tx.put(KIND, link_id, link)
    return link


@routes.action("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", status=201)
def create_link(call: Call) -> dict[str, Any]:
    event_type = _event_type(call)
    if call.body.get("expiresAt") is not None and call.body.get("maxUsageCount") is not None:
        raise BadRequest("Provide only one of expiresAt or maxUsageCount")
    link = new_link(call.tx, event_type, expires_at=_expiry(call.body), max_usage=call.body.get("maxUsageCount"))
    return link_output(link, call.now)


@routes.action("CAL_LIST_EVENT_TYPE_PRIVATE_LINKS", "CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS")
def list_links(call: Call) -> list[dict[str, Any]]:
    return [link_output(link, call.now) for link in _links(call.tx, _event_type(call))]


@routes.action("CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK", "CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK")
def update_link(call: Call) -> dict[str, Any]:
    link = _link(call, _event_type(call), "Updated link not found")
    # As Cal.com's update does: the expiry is replaced by what was sent (so cleared when absent), the
    # booking allowance only when sent.
    link["expiresAt"] = _expiry(call.body)
    if call.body.get("maxUsageCount") is not None:
        link["maxUsageCount"] = call.body["maxUsageCount"]
    call.tx.put(KIND, link["id"], link)
    return link_output(link, call.now)


@routes.action("CAL_DELETE_EVENT_TYPE_PRIVATE_LINK", "CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK")
def delete_link(call: Call) -> dict[str, Any]:
    link = _link(call, _event_type(call), "Deleted link not found")
    call.tx.delete(KIND, link["id"])
    return {"linkId": link["id"], "message": "Private link deleted successfully"}
