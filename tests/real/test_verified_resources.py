"""Verified emails and phone numbers, yours, a team's and an organization team's.

Cal.com verifies an address with a code it sends by email or text message; this server sends neither (no mail
server, no Twilio), so nothing can be verified here: the lists are read (empty), the codes requested, and the
rest recorded with the server's answers.
"""

from __future__ import annotations

from typing import Any

import pytest

from cal_actions.actions import verified_resources as verified
from tests.real.harness import TAG, Run

pytestmark = pytest.mark.real_calcom

PHONE = "+14155550123"
NO_EMAIL = "the code travels by email, and this server sends none (no mail server): nothing can be verified here"
NO_TEXT = "the code travels by text message through Twilio, a third party"


def _scope(run: Run, me: dict[str, int], scope: verified.Scope) -> dict[str, Any]:
    if scope is verified.USER:
        return {}
    if scope is verified.TEAM:
        team = run.need("CAL_CREATE_TEAM", {"name": f"{TAG} verified team"})
        run.later("CAL_DELETE_TEAM", {"teamId": team["id"]})
        return {"teamId": team["id"]}
    org = {"orgId": me["orgId"]}
    team = run.need("CAL_CREATE_ORG_TEAM", {**org, "name": f"{TAG} verified org team"})
    run.later("CAL_DELETE_ORG_TEAM", {**org, "teamId": team["id"]})
    return {**org, "teamId": team["id"]}


@pytest.mark.parametrize("scope", verified.SCOPES, ids=["user", "team", "org-team"])
def test_verified_resources(run: Run, me: dict[str, int], scope: verified.Scope) -> None:
    ids = _scope(run, me, scope)
    email, phone = verified.EMAIL_KIND, verified.PHONE_KIND
    for kind in (email, phone):
        assert run.both(verified.list_name(scope, kind), ids, {"take": 10, "skip": 0})[0] == []
    address = f"{TAG}-verify@example.com"
    assert run.both(verified.send_name(scope, email), {**ids, "email": address})
    run.note(verified.send_name(scope, email), "The server answers success; the email goes nowhere here.")
    run.cannot(verified.send_name(scope, phone), {**ids, "phone": PHONE}, status=400,
               says="Could not send verification code", why=NO_TEXT)
    run.cannot(verified.verify_name(scope, email), {**ids, "email": address, "code": "123456"}, status=400,
               says="Bad request", why=NO_EMAIL)
    run.cannot(verified.verify_name(scope, phone), {**ids, "phone": PHONE, "code": "123456"}, status=500,
               says="Internal server error", why=NO_TEXT + " (its log: 'Twilio credentials are missing')")
    for kind, why in ((email, NO_EMAIL), (phone, NO_TEXT)):
        run.cannot(verified.get_name(scope, kind), {**ids, "id": 999999}, status=200, says="null",
                   why=f"reads a verified {kind.singular.lower()}, which cannot exist here ({why}); for an id it does "
                   "not know the server answers success with no data")
