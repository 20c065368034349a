"""``/v2/organizations/{orgId}/teams``: teams inside an organization and their memberships.

Organization admins and owners manage every team; a team admin manages only that team's
memberships and invite links; any organization member lists the teams they belong to.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from cal_actions.sandbox.errors import Unprocessable
from cal_actions.sandbox.resources import org_access, teams_admin
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import iso_utc

routes = Routes()


@routes.action("CAL_LIST_ORG_TEAMS")
def list_teams(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "ADMIN")
    found = [t for t in call.tx.all("team") if t["parentId"] == org["id"] and not t["isOrganization"]]
    return [org_access.team_output(team) for team in page(call, found)]


@routes.action("CAL_CREATE_ORG_TEAM", status=201)
def create_team(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    return org_access.team_output(teams_admin.create_team(call.tx, call.body, call.user_id, org["id"]))


@routes.action("CAL_LIST_MY_ORG_TEAMS")
def list_my_teams(call: Call) -> list[dict[str, Any]]:
    """Organization admins see every team of the organization; others the teams they belong to.
    Each team carries the caller's role and acceptance where the caller is a member."""
    org = org_access.require_org_role(call, "MEMBER")
    mine = {m["teamId"]: m for m in call.tx.all("membership") if m["userId"] == call.user_id}
    is_admin = org_access.has_role(mine[org["id"]]["role"], "ADMIN")
    found = [
        t
        for t in call.tx.all("team")
        if t["parentId"] == org["id"] and not t["isOrganization"] and (is_admin or t["id"] in mine)
    ]
    output = []
    for team in page(call, found):
        me = mine.get(team["id"])
        extra = {"role": me["role"], "accepted": me["accepted"]} if me else {}
        output.append({**org_access.team_output(team), **extra})
    return output


@routes.action("CAL_GET_ORG_TEAM")
def get_team(call: Call) -> dict[str, Any]:
    return org_access.team_output(org_access.require_org_team_role(call, "ADMIN"))


@routes.action("CAL_UPDATE_ORG_TEAM")
def update_team(call: Call) -> dict[str, Any]:
    org_access.require_org_role(call, "ADMIN")
    team = org_access.require_org_team_role(call, "ADMIN")
    return org_access.team_output(teams_admin.apply_profile(call.tx, team, call.body))


@routes.action("CAL_DELETE_ORG_TEAM")
def delete_team(call: Call) -> dict[str, Any]:
    org_access.require_org_role(call, "ADMIN")
    team = org_access.require_org_team_role(call, "ADMIN")
    org_access.delete_team(call.tx, team)
    return org_access.team_output(team)


# -- memberships ---------------------------------------------------------------------------------


def _membership(call: Call) -> Document:
    team = org_access.require_org_team_role(call, "ADMIN")
    return org_access.find_membership(call.tx, team["id"], call.int_param("membershipId"))


@routes.action("CAL_LIST_ORG_TEAM_MEMBERSHIPS")
def list_memberships(call: Call) -> list[dict[str, Any]]:
    team = org_access.require_org_team_role(call, "ADMIN")
    found = [m for m in call.tx.all("membership") if m["teamId"] == team["id"]]
    return [org_access.membership_output(call.tx, m) for m in page(call, found)]


@routes.action("CAL_CREATE_ORG_TEAM_MEMBERSHIP", status=201)
def create_membership(call: Call) -> dict[str, Any]:
    team = org_access.require_org_team_role(call, "ADMIN")
    user_id = call.body["userId"]
    org_membership = next(
        (m for m in call.tx.all("membership") if m["teamId"] == team["parentId"] and m["userId"] == user_id), None
    )
    if org_membership is None:
        raise Unprocessable("User is not part of the Organization")
    created = org_access.add_membership(call.tx, team["id"], user_id, call.body)
    return org_access.membership_output(call.tx, created)


@routes.action("CAL_GET_ORG_TEAM_MEMBERSHIP")
def get_membership(call: Call) -> dict[str, Any]:
    return org_access.membership_output(call.tx, _membership(call))


@routes.action("CAL_UPDATE_ORG_TEAM_MEMBERSHIP")
def update_membership(call: Call) -> dict[str, Any]:
    updated = org_access.update_membership(call.tx, _membership(call), call.body)
    return org_access.membership_output(call.tx, updated)


@routes.action("CAL_DELETE_ORG_TEAM_MEMBERSHIP")
def delete_membership(call: Call) -> dict[str, Any]:
    membership = _membership(call)
    output = org_access.membership_output(call.tx, membership)
    call.tx.delete("membership", membership["id"])
    teams_admin.drop_from_hosts(call.tx, membership["teamId"], membership["userId"])
    return output


@routes.action("CAL_CREATE_ORG_TEAM_INVITE_LINK")
def create_invite_link(call: Call) -> dict[str, str]:
    """A new week-long token each time; inside an organization the link opens the sign-up page."""
    team = org_access.require_org_team_role(call, "ADMIN")
    number = call.tx.next_id("team_invite")
    token = hashlib.sha256(f"team-invite-{number}".encode()).hexdigest()  # 64 hex digits, like Cal.com's
    invite = {"token": token, "teamId": team["id"], "expires": iso_utc(call.now + timedelta(days=7))}
    call.tx.put("team_invite", token, invite)
    link = stand_in_url("cal", "signup", token=token, callbackUrl="/getting-started")
    return {"token": token, "inviteLink": link}
