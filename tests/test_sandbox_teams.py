"""Standalone teams and their memberships on the sandbox: lifecycle, roles, cascades and response shapes."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from cal_actions import Cal
from cal_actions.sandbox import Sandbox
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, OTHER_API_KEYS, TEAM_ID
from tests.support import PINNED_SPEC
from tests.test_sandbox_core import _components, assert_matches_spec, raw_client, without_unset

GRACE_KEY = OTHER_API_KEYS[GRACE_ID]


def assert_component(name: str, value: Any) -> None:
    """``value`` validates against one schema of the pinned document's components."""
    jsonschema.validate(value, {"$ref": f"#/components/schemas/{name}", "components": _components(PINNED_SPEC)})


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox() as client:
        yield client


def test_team_lifecycle_create_list_get_update_delete(cal: Cal) -> None:
    created = cal.execute("CAL_CREATE_TEAM", {"name": "Support Crew", "bio": "Helpdesk"})
    assert created.successful, created.error
    assert created.status_code == 201
    team_id = created.data["id"]
    assert created.data["slug"] == "support-crew"
    assert created.data["timeZone"] == "Europe/London" and created.data["weekStart"] == "Sunday"

    listed = cal.execute("CAL_LIST_TEAMS")
    assert team_id in [team["id"] for team in listed.data]
    assert cal.execute("CAL_GET_TEAM", {"teamId": team_id}).data["bio"] == "Helpdesk"
    memberships = cal.execute("CAL_LIST_TEAM_MEMBERSHIPS", {"teamId": team_id}).data
    assert [(m["userId"], m["role"], m["accepted"]) for m in memberships] == [(1, "OWNER", True)]

    updated = cal.execute("CAL_UPDATE_TEAM", {"teamId": team_id, "name": "Support", "brandColor": "#112233"})
    assert updated.successful, updated.error
    again = cal.execute("CAL_GET_TEAM", {"teamId": team_id})
    assert (again.data["name"], again.data["brandColor"]) == ("Support", "#112233")

    deleted = cal.execute("CAL_DELETE_TEAM", {"teamId": team_id})
    assert deleted.successful and deleted.data["id"] == team_id
    assert team_id not in [team["id"] for team in cal.execute("CAL_LIST_TEAMS").data]
    # Live API: the role guard runs first and the caller is no longer a member, so 403 rather than 404.
    gone = cal.execute("CAL_GET_TEAM", {"teamId": team_id})
    assert gone.status_code == 403 and f"not a member of the team with id={team_id}" in gone.error
    assert cal.emulator.read("team", team_id) is None


def test_deleting_a_team_removes_its_memberships_and_event_types(cal: Cal) -> None:
    assert any(e["teamId"] == TEAM_ID for e in cal.emulator.read("event_type"))
    assert cal.execute("CAL_DELETE_TEAM", {"teamId": TEAM_ID}).successful
    assert not [m for m in cal.emulator.read("membership") if m["teamId"] == TEAM_ID]
    assert not [e for e in cal.emulator.read("event_type") if e["teamId"] == TEAM_ID]


def test_create_team_without_auto_accept_leaves_the_owner_pending(cal: Cal) -> None:
    created = cal.execute("CAL_CREATE_TEAM", {"name": "Pending", "autoAcceptCreator": False})
    owner = next(m for m in cal.emulator.read("membership") if m["teamId"] == created.data["id"])
    assert (owner["role"], owner["accepted"]) == ("OWNER", False)
    # Only accepted memberships count as belonging to a team.
    assert created.data["id"] not in [team["id"] for team in cal.execute("CAL_LIST_TEAMS").data]


def test_team_slug_clash_and_bad_input_are_refused(cal: Cal) -> None:
    clash = cal.execute("CAL_CREATE_TEAM", {"name": "Other", "slug": "sandbox-team"})
    assert clash.status_code == 409 and "already exists" in clash.error
    with raw_client(Sandbox()) as client:
        missing = client.post("/v2/teams", json={"bio": "no name"})
        bad_zone = client.patch(f"/v2/teams/{TEAM_ID}", json={"timeZone": "Mars/Olympus"})
    assert missing.status_code == 400 and "name" in missing.json()["error"]["message"]
    assert bad_zone.status_code == 400


def test_membership_lifecycle_and_duplicate(cal: Cal) -> None:
    team_id = cal.execute("CAL_CREATE_TEAM", {"name": "Research"}).data["id"]
    added = cal.execute("CAL_CREATE_TEAM_MEMBERSHIP", {"teamId": team_id, "userId": GRACE_ID, "accepted": True})
    assert added.status_code == 201, added.error
    assert added.data["role"] == "MEMBER" and added.data["user"]["username"] == "grace"
    membership_id = added.data["id"]

    again = cal.execute("CAL_CREATE_TEAM_MEMBERSHIP", {"teamId": team_id, "userId": GRACE_ID})
    assert again.status_code == 409 and "already exists" in again.error
    nobody = cal.execute("CAL_CREATE_TEAM_MEMBERSHIP", {"teamId": team_id, "userId": 999})
    assert nobody.status_code == 400

    listed = cal.execute("CAL_LIST_TEAM_MEMBERSHIPS", {"teamId": team_id, "take": 1, "skip": 1})
    assert [m["userId"] for m in listed.data] == [GRACE_ID]
    fetched = cal.execute("CAL_GET_TEAM_MEMBERSHIP", {"teamId": team_id, "membershipId": membership_id})
    assert fetched.data["userId"] == GRACE_ID

    promoted = cal.execute(
        "CAL_UPDATE_TEAM_MEMBERSHIP", {"teamId": team_id, "membershipId": membership_id, "role": "ADMIN"}
    )
    assert promoted.data["role"] == "ADMIN" and promoted.data["accepted"] is True
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        assert grace.execute("CAL_LIST_TEAM_MEMBERSHIPS", {"teamId": team_id}).successful  # admins manage members
        assert grace.execute("CAL_UPDATE_TEAM", {"teamId": team_id, "name": "Mine"}).status_code == 403  # owner only

    removed = cal.execute("CAL_DELETE_TEAM_MEMBERSHIP", {"teamId": team_id, "membershipId": membership_id})
    assert removed.successful and removed.data["id"] == membership_id
    gone = cal.execute("CAL_GET_TEAM_MEMBERSHIP", {"teamId": team_id, "membershipId": membership_id})
    assert gone.status_code == 404 and "Organization's Team membership not found" in gone.error


def test_leaving_a_team_stops_hosting_its_event_types(cal: Cal) -> None:
    alan = next(m for m in cal.emulator.read("membership") if m["teamId"] == TEAM_ID and m["userId"] == ALAN_ID)
    cal.execute("CAL_DELETE_TEAM_MEMBERSHIP", {"teamId": TEAM_ID, "membershipId": alan["id"]})
    team_event = next(e for e in cal.emulator.read("event_type") if e["teamId"] == TEAM_ID)
    assert ALAN_ID not in [host["userId"] for host in team_event["hosts"]]


def test_roles_members_read_admins_manage_members_owners_change_the_team(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        assert grace.execute("CAL_GET_TEAM", {"teamId": TEAM_ID}).successful
        denied = grace.execute("CAL_UPDATE_TEAM", {"teamId": TEAM_ID, "name": "Hijacked"})
        listing = grace.execute("CAL_LIST_TEAM_MEMBERSHIPS", {"teamId": TEAM_ID})
        delete = grace.execute("CAL_DELETE_TEAM", {"teamId": TEAM_ID})
    assert denied.status_code == 403 and "minimum required role=TEAM_OWNER" in denied.error
    assert listing.status_code == 403 and "TEAM_ADMIN" in listing.error
    assert delete.status_code == 403
    assert cal.execute("CAL_GET_TEAM", {"teamId": TEAM_ID}).data["name"] == "Sandbox Team"
    stranger = cal.execute("CAL_GET_TEAM", {"teamId": 12345})
    assert stranger.status_code == 403 and "not a member of the team with id=12345" in stranger.error


def test_team_responses_match_the_pinned_document() -> None:
    with raw_client(Sandbox()) as client:
        created = client.post("/v2/teams", json={"name": "Shapes", "hideBranding": True})
        team_id = created.json()["data"]["id"]
        member = client.post(f"/v2/teams/{team_id}/memberships", json={"userId": GRACE_ID, "role": "ADMIN"})
        membership_id = member.json()["data"]["id"]
        memberships = client.get(f"/v2/teams/{team_id}/memberships")
        replies = [
            ("GET", "/v2/teams", client.get("/v2/teams")),
            ("GET", "/v2/teams/{teamId}", client.get(f"/v2/teams/{team_id}")),
            ("PATCH", "/v2/teams/{teamId}", client.patch(f"/v2/teams/{team_id}", json={"bio": "b"})),
            ("POST", "/v2/teams/{teamId}/memberships", member),
            ("GET", "/v2/teams/{teamId}/memberships/{membershipId}",
             client.get(f"/v2/teams/{team_id}/memberships/{membership_id}")),
            ("PATCH", "/v2/teams/{teamId}/memberships/{membershipId}",
             client.patch(f"/v2/teams/{team_id}/memberships/{membership_id}", json={"accepted": True})),
            ("DELETE", "/v2/teams/{teamId}/memberships/{membershipId}",
             client.delete(f"/v2/teams/{team_id}/memberships/{membership_id}")),
            ("DELETE", "/v2/teams/{teamId}", client.delete(f"/v2/teams/{team_id}")),
        ]  # fmt: skip
    for method, template, response in replies:
        assert response.status_code in (200, 201), (template, response.text)
        assert_matches_spec(method, template, response.status_code, without_unset(response.json()))
    # The create document's data is oneOf a payment answer (a dangling reference in the pinned
    # document) or the team; the sandbox never asks for payment, so the team shape is checked.
    assert created.status_code == 201
    assert_component("TeamOutputDto", without_unset(created.json()["data"]))
    # Both documents declare one membership as this list's data; the live API returns a list.
    assert memberships.status_code == 200
    for item in memberships.json()["data"]:
        assert_component("TeamMembershipOutput", without_unset(item))
