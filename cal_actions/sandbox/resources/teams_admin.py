"""``/v2/teams``: standalone teams (outside any organization) and their memberships.

Roles as Cal.com's guards check them: any member reads the team, owners change or delete it,
admins and owners manage its memberships. The creator becomes the team's owner.
"""

from __future__ import annotations

import json
from typing import Any

from cal_actions.sandbox.errors import BadRequest, RecordExists
from cal_actions.sandbox.resources import org_access, teams
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import valid_zone

routes = Routes()

_PROFILE_FIELDS = (
    "name", "slug", "logoUrl", "calVideoLogo", "appLogo", "appIconLogo", "bio", "hideBranding", "isPrivate",
    "hideBookATeamMember", "theme", "brandColor", "darkBrandColor", "bannerUrl", "timeFormat", "timeZone", "weekStart",
    "bookingLimits", "includeManagedEventsInLimits",
)  # fmt: skip


def _check_slug(tx: Tx, slug: str, parent_id: int | None, skip: int | None) -> None:
    """Slugs are unique among the teams of one parent (a unique key in Cal.com's database)."""
    for other in tx.all("team"):
        if other["slug"] == slug and other["parentId"] == parent_id and other["id"] != skip:
            raise RecordExists()


def apply_profile(tx: Tx, team: Document, body: dict[str, Any]) -> Document:
    """Write the sent profile fields (the update semantics: only what is sent changes)."""
    if "timeZone" in body and not valid_zone(body["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")
    if "slug" in body:
        _check_slug(tx, body["slug"], team["parentId"], team["id"])
    for key in _PROFILE_FIELDS:
        if key in body:
            team[key] = body[key]
    if "metadata" in body:
        # The declaration carries metadata as a JSON string (the pinned document); it is stored as the object.
        try:
            metadata = json.loads(body["metadata"])
        except ValueError:
            metadata = None
        if not isinstance(metadata, dict):
            raise BadRequest("metadata must be a JSON object")
        team["metadata"] = metadata
    tx.put("team", team["id"], team)
    return team


def create_team(tx: Tx, body: dict[str, Any], creator_id: int, parent_id: int | None) -> Document:
    """A new team with Cal.com's defaults, the creator as owner (pending unless autoAcceptCreator)."""
    slug = body.get("slug") or teams.slugify(body["name"])
    _check_slug(tx, slug, parent_id, None)
    team = teams.new_team(tx, body["name"], slug, parent_id=parent_id)
    team.update({"timeZone": "Europe/London", "weekStart": "Sunday", "hideBranding": False})
    apply_profile(tx, team, {**body, "slug": slug})
    owner = teams.add_membership(tx, team["id"], creator_id, "OWNER")
    owner["accepted"] = body.get("autoAcceptCreator", True) is not False
    tx.put("membership", owner["id"], owner)
    return team


@routes.action("CAL_CREATE_TEAM", status=201)
def create(call: Call) -> dict[str, Any]:
    return org_access.team_output(create_team(call.tx, call.body, call.user_id, None))


@routes.action("CAL_LIST_TEAMS")
def list_teams(call: Call) -> list[dict[str, Any]]:
    mine = {m["teamId"] for m in call.tx.all("membership") if m["userId"] == call.user_id and m["accepted"]}
    found = [t for t in call.tx.all("team") if t["id"] in mine and not t["isOrganization"] and t["parentId"] is None]
    return [org_access.team_output(team) for team in found]


@routes.action("CAL_GET_TEAM")
def get_team(call: Call) -> dict[str, Any]:
    return org_access.team_output(org_access.require_team_role(call, "MEMBER"))


@routes.action("CAL_UPDATE_TEAM")
def update_team(call: Call) -> dict[str, Any]:
    team = org_access.require_team_role(call, "OWNER")
    return org_access.team_output(apply_profile(call.tx, team, call.body))


@routes.action("CAL_DELETE_TEAM")
def delete_team(call: Call) -> dict[str, Any]:
    team = org_access.require_team_role(call, "OWNER")
    org_access.delete_team(call.tx, team)
    return org_access.team_output(team)


# -- memberships ---------------------------------------------------------------------------------


def _membership(call: Call) -> Document:
    team = org_access.require_team_role(call, "ADMIN")
    return org_access.find_membership(call.tx, team["id"], call.int_param("membershipId"))


@routes.action("CAL_CREATE_TEAM_MEMBERSHIP", status=201)
def create_membership(call: Call) -> dict[str, Any]:
    team = org_access.require_team_role(call, "ADMIN")
    user_id = call.body["userId"]
    if call.tx.get("user", user_id) is None:
        # A membership row referencing no user: the database's foreign key refuses it.
        raise BadRequest("Invalid input: The referenced data does not exist.")
    created = org_access.add_membership(call.tx, team["id"], user_id, call.body)
    return org_access.membership_output(call.tx, created)


@routes.action("CAL_LIST_TEAM_MEMBERSHIPS")
def list_memberships(call: Call) -> list[dict[str, Any]]:
    # Both documents declare a single membership here; the live API returns the list.
    team = org_access.require_team_role(call, "ADMIN")
    found = [m for m in call.tx.all("membership") if m["teamId"] == team["id"]]
    return [org_access.membership_output(call.tx, m) for m in page(call, found)]


@routes.action("CAL_GET_TEAM_MEMBERSHIP")
def get_membership(call: Call) -> dict[str, Any]:
    return org_access.membership_output(call.tx, _membership(call))


@routes.action("CAL_UPDATE_TEAM_MEMBERSHIP")
def update_membership(call: Call) -> dict[str, Any]:
    updated = org_access.update_membership(call.tx, _membership(call), call.body)
    return org_access.membership_output(call.tx, updated)


@routes.action("CAL_DELETE_TEAM_MEMBERSHIP")
def delete_membership(call: Call) -> dict[str, Any]:
    membership = _membership(call)
    output = org_access.membership_output(call.tx, membership)
    call.tx.delete("membership", membership["id"])
    drop_from_hosts(call.tx, membership["teamId"], membership["userId"])
    return output


def drop_from_hosts(tx: Tx, team_id: int, user_id: int) -> None:
    """A member who leaves stops hosting the team's event types, as Cal.com does on removal."""
    for event_type in tx.all("event_type"):
        hosts = event_type.get("hosts") or []
        if event_type.get("teamId") == team_id and any(host.get("userId") == user_id for host in hosts):
            event_type["hosts"] = [host for host in hosts if host.get("userId") != user_id]
            tx.put("event_type", event_type["id"], event_type)

