"""The options of an organization attribute that members hold, with their holders (by attribute id or slug).

Read from the assignments ``org_attributes`` keeps: an option is listed once someone holds it. The
``assignedOptionIds`` filter keeps the options held by users who hold one of those options; ``teamIds``
keeps the options held by members of those teams.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import NotFound
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.resources.org_attributes import ASSIGNMENT, option_output
from cal_actions.sandbox.routing import Call, Routes, page, to_int

routes = Routes()

_NOBODY = (
    "Options provided in assignedOptionIds are not assigned to anyone, or the users are not part of the teams "
    "specified in teamIds filter."
)


def _ids(call: Call, name: str) -> list[str] | None:
    raw = call.query.get(name)
    return [item for item in raw.split(",") if item] if raw else None


@routes.action("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS", "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG")
def list_assigned(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "MEMBER")
    in_org = [a for a in call.tx.all("attribute") if a["teamId"] == org["id"]]
    slug = call.params.get("attributeSlug")
    attributes = [a for a in in_org if (a["slug"] == slug if slug else str(a["id"]) == call.params["attributeId"])]
    holders: dict[str, set[int]] = {}
    for assignment in call.tx.all(ASSIGNMENT):
        holders.setdefault(str(assignment["attributeOptionId"]), set()).add(assignment["userId"])
    team_ids = _ids(call, "teamIds")
    in_teams = None
    if team_ids is not None:
        teams = {to_int(team_id, "teamIds") for team_id in team_ids}
        in_teams = {m["userId"] for m in call.tx.all("membership") if m["teamId"] in teams}
    options = [
        option for attribute in attributes for option in attribute["options"]
        if holders.get(str(option["id"])) and (in_teams is None or holders[str(option["id"])] & in_teams)
    ]  # fmt: skip
    options = page(call, options)
    chosen = _ids(call, "assignedOptionIds")
    if chosen is not None:
        known = {str(option["id"]) for attribute in in_org for option in attribute["options"]}
        users = {user for option_id in chosen if option_id in known for user in holders.get(option_id, set())}
        users = users if in_teams is None else users & in_teams
        if not users:
            raise NotFound(_NOBODY)
        options = [option for option in options if holders[str(option["id"])] & users]
    return [{**option_output(o), "assignedUserIds": sorted(holders[str(o["id"])])} for o in options]
