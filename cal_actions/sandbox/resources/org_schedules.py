"""Schedules managed by admins: every organization user's, one user's, a team's or an organization team's
members' (one member's too).

They are the same schedule documents as ``/v2/schedules`` (so a change here shows there and in
slot computation); only who may reach them differs.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, Forbidden
from cal_actions.sandbox.resources import org_access, schedules, teams
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes, page
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import valid_zone

routes = Routes()


def _org_user(call: Call) -> Document:
    org = org_access.require_org_role(call, "ADMIN")
    return org_access.require_org_user(call, org["id"])


def _schedule(call: Call) -> Document:
    user = _org_user(call)
    return schedules.owned_schedule(call.tx, user["id"], call.int_param("scheduleId"))


def _set_default(tx: Tx, user: Document, schedule_id: int | None) -> None:
    user["defaultScheduleId"] = schedule_id
    tx.put("user", user["id"], user)


def _check_zone(body: dict[str, Any]) -> None:
    if "timeZone" in body and not valid_zone(body["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")


def _outputs(tx: Tx, found: list[Document]) -> list[dict[str, Any]]:
    return [schedules.schedule_output(tx, schedule) for schedule in found]


@routes.action("CAL_LIST_ORG_SCHEDULES")
def list_org_schedules(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "ADMIN")
    users = {m["userId"] for m in call.tx.all("membership") if m["teamId"] == org["id"]}
    found = [s for s in call.tx.all("schedule") if s["ownerId"] in users]
    return _outputs(call.tx, page(call, found))


@routes.action("CAL_CREATE_ORG_USER_SCHEDULE", status=201)
def create_user_schedule(call: Call) -> dict[str, Any]:
    user = _org_user(call)
    body = call.body
    _check_zone(body)
    schedule = schedules.new_schedule(
        call.tx, user["id"], body["name"], body["timeZone"], body.get("availability"), body.get("overrides")
    )
    if body["isDefault"] or user.get("defaultScheduleId") is None:
        _set_default(call.tx, user, schedule["id"])
    return schedules.schedule_output(call.tx, schedule)


@routes.action("CAL_LIST_ORG_USER_SCHEDULES")
def list_user_schedules(call: Call) -> list[dict[str, Any]]:
    user = _org_user(call)
    return _outputs(call.tx, [s for s in call.tx.all("schedule") if s["ownerId"] == user["id"]])


@routes.action("CAL_GET_ORG_USER_SCHEDULE")
def get_user_schedule(call: Call) -> dict[str, Any]:
    return schedules.schedule_output(call.tx, _schedule(call))


@routes.action("CAL_UPDATE_ORG_USER_SCHEDULE")
def update_user_schedule(call: Call) -> dict[str, Any]:
    schedule = _schedule(call)
    _check_zone(call.body)
    for key in ("name", "timeZone", "availability", "overrides"):
        if key in call.body:
            schedule[key] = call.body[key]
    call.tx.put("schedule", schedule["id"], schedule)
    owner = call.tx.get("user", schedule["ownerId"])
    if call.body.get("isDefault") is True and owner is not None:
        _set_default(call.tx, owner, schedule["id"])
    return schedules.schedule_output(call.tx, schedule)


@routes.action("CAL_DELETE_ORG_USER_SCHEDULE")
def delete_user_schedule(call: Call) -> Reply:
    schedule = _schedule(call)
    call.tx.delete("schedule", schedule["id"])
    owner = call.tx.get("user", schedule["ownerId"])
    if owner is not None and owner.get("defaultScheduleId") == schedule["id"]:
        _set_default(call.tx, owner, None)
    return Reply(NO_DATA)


@routes.action("CAL_LIST_ORG_TEAM_USER_SCHEDULES")
def list_team_user_schedules(call: Call) -> list[dict[str, Any]]:
    team = org_access.require_org_team_role(call, "ADMIN")
    user_id = call.int_param("userId")
    if not any(m["teamId"] == team["id"] and m["userId"] == user_id for m in call.tx.all("membership")):
        raise Forbidden(org_access.DENIED)
    return _outputs(call.tx, [s for s in call.tx.all("schedule") if s["ownerId"] == user_id])


def _members_schedules(call: Call, team_id: int) -> list[dict[str, Any]]:
    members = set(teams.member_ids(call.tx, team_id))
    found = sorted((s for s in call.tx.all("schedule") if s["ownerId"] in members), key=lambda s: s["id"])
    return _outputs(call.tx, page(call, found))


@routes.action("CAL_LIST_TEAM_SCHEDULES")
def list_team_schedules(call: Call) -> list[dict[str, Any]]:
    return _members_schedules(call, org_access.require_team_role(call, "ADMIN")["id"])


@routes.action("CAL_LIST_ORG_TEAM_SCHEDULES")
def list_org_team_schedules(call: Call) -> list[dict[str, Any]]:
    return _members_schedules(call, org_access.require_org_team_role(call, "ADMIN")["id"])
