"""Organization, team and user booking lists for organization admins, and a team booking's references."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS, TEAM_ID, USER_ID
from tests.support import ok

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
GRACE_KEY, ALAN_KEY = OTHER_API_KEYS[GRACE_ID], OTHER_API_KEYS[ALAN_ID]
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}
ENG_SYNC = 6  # the organization team's collective event type: Ada (Berlin) and Grace (New York) both work 14–16 UTC


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=MONDAY_MORNING) as client:
        yield client


def uids(listed: dict[str, Any]) -> set[str]:
    return {booking["uid"] for booking in listed["data"]}


def book(cal: Cal, event_type_id: int, start: str, attendee: dict[str, str] = MARY) -> str:
    arguments = {"eventTypeId": event_type_id, "start": start, "attendee": attendee}
    return str(ok(cal, "CAL_CREATE_BOOKING", arguments)["uid"])


def alans_booking(cal: Cal) -> str:
    """A booking outside the organization: Alan's own event type, booked by someone outside it."""
    with Cal.sandbox(cal.emulator, api_key=ALAN_KEY) as alan:
        event_type = ok(alan, "CAL_CREATE_EVENT_TYPE", {"title": "Office hours", "slug": "office-hours",
                                                         "lengthInMinutes": 30})  # fmt: skip
        return book(alan, event_type["id"], "2030-01-08T10:00:00Z")


def test_org_bookings_cover_members_and_org_teams_and_filter_like_the_user_list(cal: Cal) -> None:
    own = uids(ok(cal, "CAL_LIST_BOOKINGS", {}))
    outside = alans_booking(cal)
    team = book(cal, ENG_SYNC, "2030-01-08T14:00:00Z")
    listed = ok(cal, "CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID})
    assert uids(listed) == own | {team} and outside not in uids(listed)
    assert listed["pagination"]["totalItems"] == len(own) + 1

    upcoming = ok(cal, "CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID, "status": ["upcoming"], "sortStart": "desc"})
    starts = [booking["start"] for booking in upcoming["data"]]
    assert starts == sorted(starts, reverse=True) and all(
        b["status"] in ("accepted", "pending") for b in upcoming["data"]
    )
    paged = ok(cal, "CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID, "take": 2, "skip": 2})
    assert len(paged["data"]) == 2 and paged["pagination"]["currentPage"] == 2
    one = ok(cal, "CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID, "bookingUid": team})
    assert uids(one) == {team}


def test_org_bookings_by_user_ids_stay_inside_the_organization(cal: Cal) -> None:
    team = book(cal, ENG_SYNC, "2030-01-08T14:00:00Z")
    graces = ok(cal, "CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID, "userIds": str(GRACE_ID)})
    assert uids(graces) == {team}  # Grace co-hosts only the team booking
    foreign = cal.execute("CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID, "userIds": f"{GRACE_ID},{ALAN_ID}"})
    assert foreign.status_code == 400 and "TRPCError" in (foreign.error or "")


def test_org_bookings_are_for_admins_of_that_organization(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        member = grace.execute("CAL_LIST_ORG_BOOKINGS", {"orgId": ORG_ID})
        user = grace.execute("CAL_LIST_ORG_USER_BOOKINGS", {"orgId": ORG_ID, "userId": USER_ID})
    assert member.status_code == user.status_code == 403 and "minimum required role=ORG_ADMIN" in (member.error or "")
    assert cal.execute("CAL_LIST_ORG_BOOKINGS", {"orgId": TEAM_ID}).status_code == 403  # not an organization


def test_team_bookings_are_those_of_the_team_event_types(cal: Cal) -> None:
    team = book(cal, ENG_SYNC, "2030-01-08T14:00:00Z")
    listed = ok(cal, "CAL_LIST_ORG_TEAM_BOOKINGS", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID})
    assert uids(listed) == {team}
    by_attendee = ok(cal, "CAL_LIST_ORG_TEAM_BOOKINGS", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID,
                                                          "attendeeEmail": "nobody@example.com"})  # fmt: skip
    assert by_attendee["data"] == []
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:  # a plain member of the team
        denied = grace.execute("CAL_LIST_ORG_TEAM_BOOKINGS", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID})
    assert denied.status_code == 403 and "TEAM_ADMIN" in (denied.error or "")
    foreign = cal.execute("CAL_LIST_ORG_TEAM_BOOKINGS", {"orgId": ORG_ID, "teamId": TEAM_ID})
    assert foreign.status_code == 404 and f"IsTeamInOrg - Team ({TEAM_ID}) not found." in (foreign.error or "")


def test_team_bookings_take_at_most_250(cal: Cal) -> None:
    refused = cal.execute("CAL_LIST_ORG_TEAM_BOOKINGS", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID, "take": 251})
    assert not refused.successful and "take" in (refused.error or "") and refused.status_code is None  # local
    raw = cal.emulator.handle(_request(f"/v2/organizations/{ORG_ID}/teams/{ORG_TEAM_ID}/bookings?take=251"))
    assert raw.status_code == 400 and raw.json()["error"]["message"] == "take must not be greater than 250"


def _request(path: str) -> Any:
    import httpx

    from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL

    return httpx.Request("GET", SANDBOX_BASE_URL + path, headers={"authorization": f"Bearer {API_KEY}"})


def test_team_booking_references_for_team_admins(cal: Cal) -> None:
    team = book(cal, ENG_SYNC, "2030-01-08T14:00:00Z")
    where = {"orgId": ORG_ID, "teamId": ORG_TEAM_ID, "bookingUid": team}
    references = ok(cal, "CAL_LIST_ORG_TEAM_BOOKING_REFERENCES", where)
    assert references == ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": team})
    assert {r["type"] for r in references} == {"google_calendar", "daily_video"}
    missing = cal.execute("CAL_LIST_ORG_TEAM_BOOKING_REFERENCES", {**where, "bookingUid": "nope"})
    assert missing.status_code == 404 and "Booking with uid nope not found" in (missing.error or "")
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        assert grace.execute("CAL_LIST_ORG_TEAM_BOOKING_REFERENCES", where).status_code == 403


def test_user_bookings_are_what_that_user_lists(cal: Cal) -> None:
    team = book(cal, ENG_SYNC, "2030-01-08T14:00:00Z")
    graces = ok(cal, "CAL_LIST_ORG_USER_BOOKINGS", {"orgId": ORG_ID, "userId": GRACE_ID})
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        assert uids(graces) == uids(ok(grace, "CAL_LIST_BOOKINGS", {})) == {team}
    past = ok(cal, "CAL_LIST_ORG_USER_BOOKINGS", {"orgId": ORG_ID, "userId": USER_ID, "status": ["past"]})
    assert len(past["data"]) == 1 and past["data"][0]["end"] < "2030-01-07"
    outsider = cal.execute("CAL_LIST_ORG_USER_BOOKINGS", {"orgId": ORG_ID, "userId": ALAN_ID})
    assert outsider.status_code == 403
    assert f"IsUserInOrg - user with id={ALAN_ID} is not part of the organization with id={ORG_ID}." in (
        outsider.error or ""
    )
