"""Teams of the organization: the team, its memberships, event types, members' schedules and private links."""

from __future__ import annotations

from typing import Any

import pytest

from tests.real.harness import SERVER_CODE, TAG, Run
from tests.real.test_teams import (
    CREATED,
    MEMBERSHIP,
    NAME_NEEDED,
    NAME_NOTE,
    PHONE_CALL,
    TIME_FORMAT,
    UPDATED,
    team_event_types,
)

pytestmark = pytest.mark.real_calcom
PAGE = {"take": 100, "skip": 0}


def test_org_teams(run: Run, me: dict[str, int], member: dict[str, Any]) -> None:
    org = {"orgId": me["orgId"]}
    made = run.both(
        "CAL_CREATE_ORG_TEAM", {**org, "name": f"{TAG} org team"},
        {**CREATED, "name": f"{TAG} org team, every field", "slug": f"{TAG}-org-team-full"},
        left_out=TIME_FORMAT, undo=lambda team: ("CAL_DELETE_ORG_TEAM", {**org, "teamId": team["id"]}),
    )
    ids = [team["id"] for team in made]
    assert all(team["parentId"] == me["orgId"] for team in made)
    assert all({team["id"] for team in page} >= set(ids) for page in run.both("CAL_LIST_ORG_TEAMS", org, PAGE))
    for page in run.both("CAL_LIST_MY_ORG_TEAMS", org, PAGE):
        assert {team["id"] for team in page} >= set(ids)  # autoAcceptCreator: the creator owns both
    assert run.both("CAL_GET_ORG_TEAM", {**org, "teamId": ids[1]})[0]["slug"] == f"{TAG}-org-team-full"
    run.minimal("CAL_UPDATE_ORG_TEAM", {**org, "teamId": ids[1], **NAME_NEEDED})
    run.note("CAL_UPDATE_ORG_TEAM", NAME_NOTE)
    updated = run.complete("CAL_UPDATE_ORG_TEAM", {**org, "teamId": ids[1]},
                           {**UPDATED, "name": f"{TAG} org team renamed", "slug": f"{TAG}-org-team-renamed"},
                           left_out=TIME_FORMAT)
    assert updated["bio"] == "Sales, worldwide"

    team = {**org, "teamId": ids[1]}
    _memberships(run, team, member["id"])
    _event_types(run, team, [me["userId"], member["id"]])
    run.cannot("CAL_CHECK_TEAM_STRIPE_CONNECTION", team, status=404, says="Credentials for stripe not found",
               why="checks the team's Stripe account: Stripe is a third party")
    for team_id in ids:
        run.both("CAL_DELETE_ORG_TEAM", {**org, "teamId": team_id})


def _memberships(run: Run, team: dict[str, Any], user_id: int) -> None:
    joined = run.minimal(
        "CAL_CREATE_ORG_TEAM_MEMBERSHIP", {**team, "userId": user_id, "role": "MEMBER"},
        undo=lambda made: ("CAL_DELETE_ORG_TEAM_MEMBERSHIP", {**team, "membershipId": made["id"]}),
    )
    for page in run.both("CAL_LIST_ORG_TEAM_MEMBERSHIPS", team, PAGE):
        assert joined["id"] in {membership["id"] for membership in page}
    got = run.both("CAL_GET_ORG_TEAM_MEMBERSHIP", {**team, "membershipId": joined["id"]})[0]
    assert got["userId"] == user_id
    run.minimal("CAL_UPDATE_ORG_TEAM_MEMBERSHIP", {**team, "membershipId": joined["id"]})
    promoted = run.complete("CAL_UPDATE_ORG_TEAM_MEMBERSHIP", {**team, "membershipId": joined["id"]},
                            {**MEMBERSHIP, "role": "ADMIN"})
    assert promoted["role"] == "ADMIN"
    schedules = run.both("CAL_LIST_ORG_TEAM_USER_SCHEDULES", {**team, "userId": user_id})[0]
    assert schedules and all(schedule["ownerId"] == user_id for schedule in schedules)
    run.both("CAL_DELETE_ORG_TEAM_MEMBERSHIP", {**team, "membershipId": joined["id"]})
    run.complete("CAL_CREATE_ORG_TEAM_MEMBERSHIP", {**team, "userId": user_id}, MEMBERSHIP)


def _event_types(run: Run, team: dict[str, Any], hosts: list[int]) -> None:
    ids = team_event_types(run, team, hosts, "ORG_TEAM")
    run.cannot("CAL_LIST_ORG_TEAMS_EVENT_TYPES", {"orgId": team["orgId"], **PAGE}, status=500,
               says="Internal server error",
               why="this server's code checks a team role on this route, which names no team (roles.guard.ts finds "
               "no teamId: Prisma's 'Argument `teamId` is missing'), so every call fails", kind=SERVER_CODE)
    run.cannot("CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL", {**team, "eventTypeId": ids[0], **PHONE_CALL},
               status=500, says="Internal server error",
               why="places the call through Cal.ai's phone provider, Retell AI, a third party (the server fails "
               "reaching it: 'retellAIService: Unable to Get Phone number')")
    link_scope = {**team, "eventTypeId": ids[0]}
    run.newer("CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", {**link_scope, "maxUsageCount": 3})
    run.newer("CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS", link_scope)
    run.newer("CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", {**link_scope, "linkId": "stand-in", "maxUsageCount": 5})
    run.newer("CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", {**link_scope, "linkId": "stand-in"})
    for event_type_id in ids:
        run.both("CAL_DELETE_ORG_TEAM_EVENT_TYPE", {**team, "eventTypeId": event_type_id})
