"""Bookings that organization admins read: the whole organization's, one team's and one user's.

They filter, sort and page like the caller's own list. Who is in scope follows Cal.com's query: a
booking belongs to the organization when a member hosts or attends it or one of its teams owns it.
"""

from __future__ import annotations

from cal_actions.sandbox.errors import BadRequest, TrpcBadRequest
from cal_actions.sandbox.resources import booking_list, org_access
from cal_actions.sandbox.resources.booking_records import KIND
from cal_actions.sandbox.resources.bookings import visible
from cal_actions.sandbox.routing import Call, Reply, Routes, to_int
from cal_actions.sandbox.store import Document

routes = Routes()

TEAM_TAKE_LIMIT = 250


def _involves(booking: Document, user_ids: set[int], emails: set[str]) -> bool:
    hosted = any(host in user_ids for host in booking["hostIds"])
    return hosted or any(attendee["email"].lower() in emails for attendee in booking["attendees"])


def _emails(call: Call, user_ids: set[int]) -> set[str]:
    users = (call.tx.get("user", user_id) for user_id in user_ids)
    return {user["email"].lower() for user in users if user is not None}


@routes.action("CAL_LIST_ORG_BOOKINGS")
def list_org_bookings(call: Call) -> Reply:
    org = org_access.require_org_role(call, "ADMIN")
    members = {m["userId"] for m in call.tx.all("membership") if m["teamId"] == org["id"]}
    wanted = {to_int(part.strip(), "userIds") for part in (call.query.get("userIds") or "").split(",") if part.strip()}
    if not wanted <= members:
        raise TrpcBadRequest()  # Cal.com refuses user ids outside the organization
    if wanted:
        scope = [b for b in call.tx.all(KIND) if _involves(b, wanted, _emails(call, wanted))]
    else:
        teams = {t["id"] for t in call.tx.all("team") if t.get("parentId") == org["id"]}
        emails = _emails(call, members)
        scope = [b for b in call.tx.all(KIND) if _involves(b, members, emails) or b.get("teamId") in teams]
    return booking_list.listed(call, scope)


@routes.action("CAL_LIST_ORG_TEAM_BOOKINGS")
def list_org_team_bookings(call: Call) -> Reply:
    team = org_access.require_org_team_role(call, "ADMIN")
    if call.query.get("take") and to_int(call.query["take"], "take") > TEAM_TAKE_LIMIT:
        raise BadRequest(f"take must not be greater than {TEAM_TAKE_LIMIT}")
    # Cal.com (May 2025) drops the team filter when the team has no event types and returns the caller's
    # whole list; the sandbox keeps to the team's event types.
    event_types = {e["id"] for e in call.tx.all("event_type") if e.get("teamId") == team["id"]}
    return booking_list.listed(call, [b for b in call.tx.all(KIND) if b["eventTypeId"] in event_types])


@routes.action("CAL_LIST_ORG_USER_BOOKINGS")
def list_org_user_bookings(call: Call) -> Reply:
    org = org_access.require_org_role(call, "ADMIN")
    user = org_access.require_org_user(call, org["id"])
    # What that user's own CAL_LIST_BOOKINGS shows.
    return booking_list.listed(call, [b for b in call.tx.all(KIND) if visible(call.tx, b, user["id"])])
