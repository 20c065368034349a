"""Private links of event types on the sandbox: the two kinds, expiry by time and by use, and their guards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import GRACE_ID, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
MEETING = {"eventTypeId": 2}  # Ada's; the seed gave it a one-use link, already used
ENG_SYNC = {"orgId": ORG_ID, "teamId": ORG_TEAM_ID, "eventTypeId": 6}  # the organization team's


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=NOW) as client:
        yield client


def _links(cal: Cal, where: dict[str, Any]) -> dict[str, dict[str, Any]]:
    name = "CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS" if "orgId" in where else "CAL_LIST_EVENT_TYPE_PRIVATE_LINKS"
    listed = cal.execute(name, where)
    assert listed.successful, listed.error
    return {link["linkId"]: link for link in listed.data}


def test_a_time_based_link_expires_with_the_clock(cal: Cal) -> None:
    tomorrow = (NOW + timedelta(days=1)).isoformat()
    created = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {**MEETING, "expiresAt": tomorrow})
    assert created.status_code == 201, created.error
    link = created.data
    assert set(link) == {"linkId", "eventTypeId", "isExpired", "bookingUrl", "expiresAt"}
    assert link["eventTypeId"] == 2 and link["isExpired"] is False and link["expiresAt"] == "2030-03-05T08:00:00.000Z"
    assert link["bookingUrl"].endswith(f"/d/{link['linkId']}/meeting")

    cal.emulator.clock.advance(timedelta(days=1, seconds=1))
    assert _links(cal, MEETING)[link["linkId"]]["isExpired"] is True


def test_a_usage_based_link_is_expired_once_its_uses_are_spent(cal: Cal) -> None:
    # The seeded one-use link has been used: Cal.com's booking API takes no link, so its count is the seed's.
    (used,) = _links(cal, MEETING).values()
    assert used["maxUsageCount"] == 1 and used["usageCount"] == 1 and used["isExpired"] is True
    where = {**MEETING, "linkId": used["linkId"]}
    raised = cal.execute("CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK", {**where, "maxUsageCount": 2})
    assert raised.data == {**used, "maxUsageCount": 2, "isExpired": False}

    fresh = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {**MEETING, "maxUsageCount": 5}).data
    assert {k: fresh[k] for k in ("maxUsageCount", "usageCount", "isExpired")} == {
        "maxUsageCount": 5, "usageCount": 0, "isExpired": False}  # fmt: skip


def test_neither_kind_given_makes_a_one_use_link_and_both_are_refused(cal: Cal) -> None:
    one_use = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", MEETING).data
    assert one_use["maxUsageCount"] == 1 and "expiresAt" not in one_use
    both = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {**MEETING, "expiresAt": "2030-04-01T00:00:00Z",
                                                              "maxUsageCount": 2})  # fmt: skip
    assert both.status_code == 400 and "Provide only one of expiresAt or maxUsageCount" in both.error
    zero = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {**MEETING, "maxUsageCount": 0})
    assert zero.status_code is None and "maxUsageCount" in zero.error  # refused before any request


def test_an_update_replaces_the_expiry_as_cal_com_does(cal: Cal) -> None:
    link = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {**MEETING, "maxUsageCount": 3}).data
    where = {**MEETING, "linkId": link["linkId"]}
    timed = cal.execute("CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK", {**where, "expiresAt": "2030-06-01T12:00:00Z"}).data
    assert timed["expiresAt"] == "2030-06-01T12:00:00.000Z" and "maxUsageCount" not in timed
    # Without expiresAt the expiry is cleared: the link is usage-based again, its allowance kept.
    back = cal.execute("CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK", {**where, "maxUsageCount": 4}).data
    assert "expiresAt" not in back and back["maxUsageCount"] == 4

    deleted = cal.execute("CAL_DELETE_EVENT_TYPE_PRIVATE_LINK", where)
    assert deleted.data == {"linkId": link["linkId"], "message": "Private link deleted successfully"}
    assert link["linkId"] not in _links(cal, MEETING)
    again = cal.execute("CAL_DELETE_EVENT_TYPE_PRIVATE_LINK", where)
    assert again.status_code == 404 and "Deleted link not found" in again.error
    missing = cal.execute("CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK", {**where, "maxUsageCount": 2})
    assert missing.status_code == 404 and "Updated link not found" in missing.error


def test_links_belong_to_their_event_type_and_its_owner(cal: Cal) -> None:
    (seeded,) = _links(cal, MEETING)
    other = cal.execute("CAL_DELETE_EVENT_TYPE_PRIVATE_LINK", {"eventTypeId": 1, "linkId": seeded})
    assert other.status_code == 404 and "Deleted link not found" in other.error
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        foreign = grace.execute("CAL_LIST_EVENT_TYPE_PRIVATE_LINKS", MEETING)
    assert foreign.status_code == 404 and "Event type with id 2 not found" in foreign.error
    team_owned = cal.execute("CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", {"eventTypeId": 6})
    assert team_owned.status_code == 404


def test_organization_team_links_need_a_team_admin(cal: Cal) -> None:
    (seeded,) = _links(cal, ENG_SYNC).values()
    assert seeded["expiresAt"] == "2030-04-03T08:00:00.000Z" and seeded["isExpired"] is False
    created = cal.execute("CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", {**ENG_SYNC, "maxUsageCount": 2})
    assert created.status_code == 201 and created.data["bookingUrl"].endswith("/eng-sync")
    # The 2025-10 document forgets this body; the route takes it.
    updated = cal.execute("CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK",
                          {**ENG_SYNC, "linkId": created.data["linkId"], "maxUsageCount": 9})  # fmt: skip
    assert updated.data["maxUsageCount"] == 9

    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # a member of the team, no admin
        denied = grace.execute("CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS", ENG_SYNC)
    assert denied.status_code == 403 and "TEAM_ADMIN" in denied.error
    elsewhere = cal.execute("CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS", {**ENG_SYNC, "eventTypeId": 5})
    assert elsewhere.status_code == 404 and "Event type with id 5 not found" in elsewhere.error
    # The OAuth client's headers work too: the client acts as its organization's owner.
    with Cal.sandbox(cal.emulator, api_key="") as platform:
        assert len(platform.execute("CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS", ENG_SYNC).data) == 2
