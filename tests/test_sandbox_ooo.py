"""Out-of-office entries on the sandbox: whole days away that slots and bookings respect, and Cal.com's checks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, MANAGED_ID, ORG_ID, OTHER_API_KEYS, USER_ID

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)  # a Monday
ADA = {"orgId": ORG_ID, "userId": USER_ID}
GRACE = {"orgId": ORG_ID, "userId": GRACE_ID}
WEDNESDAY = {"start": "2030-03-06T10:30:00Z", "end": "2030-03-06T11:00:00.000Z"}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=NOW) as client:
        yield client


def _slot_days(cal: Cal, event_type_id: int) -> set[str]:
    slots = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": event_type_id, "start": "2030-03-05",
                                                     "end": "2030-03-07", "timeZone": "UTC"})  # fmt: skip
    assert slots.successful, slots.error
    return set(slots.data)


def test_an_entry_blocks_its_days_for_slots_and_bookings_until_deleted(cal: Cal) -> None:
    assert _slot_days(cal, 2) == {"2030-03-05", "2030-03-06", "2030-03-07"}
    created = cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ADA, **WEDNESDAY, "reason": "vacation"})
    assert created.status_code == 201, created.error
    entry = created.data
    # Cal.com keeps whole UTC days, whatever the times sent.
    assert {k: entry[k] for k in ("userId", "start", "end", "reason", "toUserId", "notes")} == {
        "userId": USER_ID, "start": "2030-03-06T00:00:00.000Z", "end": "2030-03-06T23:59:59.999Z",
        "reason": "vacation", "toUserId": None, "notes": None}  # fmt: skip
    assert _slot_days(cal, 2) == {"2030-03-05", "2030-03-07"}

    booking = {"eventTypeId": 2, "start": "2030-03-06T10:00:00Z",
               "attendee": {"name": "Kim", "email": "kim@example.com", "timeZone": "UTC"}}  # fmt: skip
    refused = cal.execute("CAL_CREATE_BOOKING", booking)
    assert refused.status_code == 400 and "not available" in refused.error
    assert cal.execute("CAL_CREATE_BOOKING", {**booking, "start": "2030-03-07T10:00:00Z"}).successful

    where = {**ADA, "oooId": entry["id"]}
    assert cal.execute("CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY", where).data["id"] == entry["id"]
    assert "2030-03-06" in _slot_days(cal, 2)
    assert cal.execute("CAL_CREATE_BOOKING", booking).successful


def test_a_collective_event_type_loses_the_days_any_host_is_away(cal: Cal) -> None:
    assert "2030-03-06" in _slot_days(cal, 6)  # Ada and Grace host it together
    assert cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**GRACE, **WEDNESDAY}).successful
    assert "2030-03-06" not in _slot_days(cal, 6)


def test_dates_are_checked_as_cal_com_checks_them(cal: Cal) -> None:
    def create(**body: Any) -> Any:
        return cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ADA, **body})

    date_only = create(start="2030-03-06", end="2030-03-07")
    assert date_only.status_code == 400 and "Invalid Date." in date_only.error
    backwards = create(start="2030-03-08T00:00:00Z", end="2030-03-06T00:00:00Z")
    assert backwards.status_code == 400 and "Start date must be before end date." in backwards.error
    assert create(**WEDNESDAY).successful
    duplicate = create(start="2030-03-06T00:00:00Z", end="2030-03-06T22:00:00Z")  # the same day
    assert duplicate.status_code == 409 and "Ooo entry already exists." in duplicate.error

    entry = cal.execute("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", ADA).data[0]
    half = cal.execute("CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ADA, "oooId": entry["id"],
                                                                   "start": "2030-03-09T00:00:00Z"})  # fmt: skip
    assert half.status_code == 400 and "Please specify both ooo start and end time." in half.error
    moved = cal.execute("CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ADA, "oooId": entry["id"], "notes": "Ski",
                        "start": "2030-03-09T00:00:00Z", "end": "2030-03-10T00:00:00Z"})  # fmt: skip
    assert moved.data["start"] == "2030-03-09T00:00:00.000Z" and moved.data["notes"] == "Ski"
    assert moved.data["reason"] == "unspecified"


def test_a_redirect_goes_to_a_colleague_and_never_in_a_loop(cal: Cal) -> None:
    def create(who: dict[str, Any], **body: Any) -> Any:
        return cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**who, **WEDNESDAY, **body})

    to_self = create(ADA, toUserId=USER_ID)
    assert to_self.status_code == 400 and "Cannot redirect to self." in to_self.error
    stranger = create(ADA, toUserId=MANAGED_ID)  # shares no team with Ada
    assert stranger.status_code == 400 and "Cannot redirect to this user." in stranger.error
    covered = create(ADA, toUserId=GRACE_ID)
    assert covered.data["toUserId"] == GRACE_ID
    loop = create(GRACE, toUserId=USER_ID)
    assert loop.status_code == 400 and "Booking redirect infinite not allowed." in loop.error


def test_listing_filters_sorts_and_pages(cal: Cal) -> None:
    for who, day in ((ADA, "2030-03-12"), (GRACE, "2030-03-10"), (ADA, "2030-03-08")):
        body = {**who, "start": f"{day}T00:00:00Z", "end": f"{day}T00:00:00Z"}
        assert cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", body).successful
    everyone = cal.execute("CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES", {"orgId": ORG_ID, "sortStart": "asc"}).data
    assert [e["start"][:10] for e in everyone] == ["2030-03-08", "2030-03-10", "2030-03-12"]
    grace = cal.execute("CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES", {"orgId": ORG_ID, "email": "grace@example.com"}).data
    assert [e["userId"] for e in grace] == [GRACE_ID]
    page = cal.execute("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", {**ADA, "sortEnd": "desc", "take": 1, "skip": 1})
    assert [e["start"][:10] for e in page.data] == ["2030-03-08"]


def test_only_organization_admins_manage_entries_of_its_users(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # an organization member
        denied = grace.execute("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", GRACE)
    assert denied.status_code == 403 and "ORG_ADMIN" in denied.error
    outsider = cal.execute("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", {"orgId": ORG_ID, "userId": ALAN_ID})
    assert outsider.status_code == 403
    assert f"IsUserInOrg - user with id={ALAN_ID} is not part of the organization with id={ORG_ID}." in outsider.error
    entry = cal.execute("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**GRACE, **WEDNESDAY}).data
    not_hers = cal.execute("CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ADA, "oooId": entry["id"]})
    assert not_hers.status_code == 403 and "This OOO entry does not belong to this user." in not_hers.error
    # The OAuth client's headers work too, as the organization's owner.
    with Cal.sandbox(cal.emulator, api_key="") as platform:
        assert [e["id"] for e in platform.execute("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", GRACE).data] == [
            entry["id"]]  # fmt: skip
