"""Who may call the team and organization routes, and the shapes those routes share.

The checks follow Cal.com's guard chain and its messages: an id that is not an organization
answers the organization guard's 403, then the role guard, then the team-in-organization guard (a team
that is not one of the organization's is not found) and the user-in-organization guard.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import Forbidden, NotFound, RecordExists
from cal_actions.sandbox.resources import teams
from cal_actions.sandbox.routing import Call
from cal_actions.sandbox.store import Document, Tx

# Lowest index = most rights; a role passes when it is at or above the minimum.
_ROLE_ORDER = ("OWNER", "ADMIN", "MEMBER")
DENIED = "Forbidden resource"  # Nest's answer when a guard returns false


def record_missing() -> NotFound:
    """An update or delete of a row that is not there, as the database error filter words it."""
    return NotFound("Invalid Query: The requested record was not found.")


def has_role(role: str, minimum: str) -> bool:
    return _ROLE_ORDER.index(role) <= _ROLE_ORDER.index(minimum)


def _any_membership(tx: Tx, team_id: int, user_id: int) -> Document | None:
    return next((m for m in tx.all("membership") if m["teamId"] == team_id and m["userId"] == user_id), None)


def _role_denied(user_id: int, minimum: str, where: str) -> Forbidden:
    return Forbidden(
        f"RolesGuard - user with id={user_id} does not have the minimum required role={minimum} within {where}."
    )


def require_team_role(call: Call, minimum: str) -> Document:
    """``/v2/teams/{teamId}`` routes: the caller's membership of that team must reach ``minimum``."""
    team_id = call.int_param("teamId")
    found = _any_membership(call.tx, team_id, call.user_id)
    if found is None:
        raise Forbidden(f"RolesGuard - User is not a member of the team with id={team_id}.")
    if not has_role(found["role"], minimum):
        raise _role_denied(call.user_id, f"TEAM_{minimum}", f"team with id={team_id}")
    team = call.tx.get("team", team_id)
    if team is None:
        raise NotFound(f"Team with id={team_id} not found")
    return team


def require_org_role(call: Call, minimum: str) -> Document:
    """Organization routes without a team: the caller's organization role must reach ``minimum``."""
    org = _organization(call)
    found = _any_membership(call.tx, org["id"], call.user_id)
    if found is None:
        raise Forbidden(f"RolesGuard - User is not a member of the organization with id={org['id']}.")
    if not has_role(found["role"], minimum):
        raise _role_denied(call.user_id, f"ORG_{minimum}", f"organization with id={org['id']}")
    return org


def require_org_team_role(call: Call, minimum: str) -> Document:
    """Organization team routes: organization admins pass; others need the team role; then the team
    must belong to the organization (404 when it does not exist, 403 when it is elsewhere)."""
    org = _organization(call)
    team_id = call.int_param("teamId")
    org_membership = _any_membership(call.tx, org["id"], call.user_id)
    if org_membership is None:
        raise Forbidden(f"RolesGuard - User is not part of the organization with id={org['id']}.")
    if not has_role(org_membership["role"], "ADMIN"):
        found = _any_membership(call.tx, team_id, call.user_id)
        if found is None:
            raise Forbidden(
                f"RolesGuard - User is not part of the team with id={team_id} and/or, is not an admin nor an "
                f"owner of the organization with id={org['id']}."
            )
        if not has_role(found["role"], minimum):
            where = f"organization with id={org['id']} team with id={team_id}"
            raise _role_denied(call.user_id, f"TEAM_{minimum}", where)
    team = call.tx.get("team", team_id)
    if team is None or team["parentId"] != org["id"]:  # Cal.com looks the team up among the organization's
        raise NotFound(f"IsTeamInOrg - Team ({team_id}) not found.")
    if team["isOrganization"]:
        raise Forbidden(f"IsTeamInOrg - Team with id={team_id} is not part of the organization with id={org['id']}.")
    return team


def require_org_user(call: Call, org_id: int, *, denied: str | None = None) -> Document:
    """The ``{userId}`` of the path must be a user of the organization (Cal.com's IsUserInOrg guard; guards
    that throw their own message pass it as ``denied``)."""
    user_id = call.int_param("userId")
    user = call.tx.get("user", user_id)
    if user is None or _any_membership(call.tx, org_id, user_id) is None:
        message = f"IsUserInOrg - user with id={user_id} is not part of the organization with id={org_id}."
        raise Forbidden(denied or message)
    return user


def _organization(call: Call) -> Document:
    org = call.tx.get("team", call.int_param("orgId"))
    if org is None or not org["isOrganization"]:
        org_id = call.params["orgId"]
        raise Forbidden(f"IsOrgGuard - provided organization id={org_id} does not represent any existing organization.")
    return org


# -- shapes ------------------------------------------------------------------------------------

_FLAGS = ("hideBranding", "isOrganization", "isPrivate", "hideBookATeamMember")
_TEAM_FIELDS = (
    "id", "parentId", "name", "slug", "logoUrl", "calVideoLogo", "appLogo", "appIconLogo", "bio", "hideBranding",
    "isOrganization", "isPrivate", "hideBookATeamMember", "metadata", "theme", "brandColor", "darkBrandColor",
    "bannerUrl", "timeFormat", "timeZone", "weekStart",
)  # fmt: skip


def team_output(team: Document) -> dict[str, Any]:
    """The team as Cal.com's server returns it: every profile field, null when unset (booleans false), and its
    metadata as a JSON object when it has any (the pinned document declared a string)."""
    output = {key: team.get(key, False if key in _FLAGS else None) for key in _TEAM_FIELDS if key != "metadata"}
    if team.get("metadata"):
        output["metadata"] = team["metadata"]
    return output


def membership_output(tx: Tx, membership: Document) -> dict[str, Any]:
    user = tx.get("user", membership["userId"]) or {}
    # As Cal.com's server answers it: unset profile fields are null, metadata only when the user has some.
    summary = {key: user.get(key) for key in ("avatarUrl", "bio", "username", "name", "email")}
    if user.get("metadata"):
        summary["metadata"] = user["metadata"]
    return {
        **{key: membership[key] for key in ("id", "userId", "teamId", "accepted", "role", "disableImpersonation")},
        "user": summary,
    }


def find_membership(tx: Tx, team_id: int, membership_id: int) -> Document:
    found = tx.get("membership", membership_id)
    if found is None or found["teamId"] != team_id:
        raise NotFound("Organization's Team membership not found")  # Cal.com's words, at team scope too
    return found


def add_membership(tx: Tx, team_id: int, user_id: int, body: dict[str, Any]) -> Document:
    """A new membership from a create body; a second membership of the same user is a unique-key clash."""
    if _any_membership(tx, team_id, user_id) is not None:
        raise RecordExists()
    created = teams.add_membership(tx, team_id, user_id, body.get("role", "MEMBER"))
    created["accepted"] = bool(body.get("accepted", False))
    created["disableImpersonation"] = bool(body.get("disableImpersonation", False))
    tx.put("membership", created["id"], created)
    return created


def update_membership(tx: Tx, membership: Document, body: dict[str, Any]) -> Document:
    for key in ("accepted", "role", "disableImpersonation"):
        if body.get(key) is not None:
            membership[key] = body[key]
    tx.put("membership", membership["id"], membership)
    return membership


def delete_team(tx: Tx, team: Document) -> None:
    """A team goes with its memberships, event types, routing forms and workflows, as Cal.com's cascade does."""
    for kind in ("membership", "event_type", "routing_form", "workflow"):
        for owned in tx.all(kind):
            if owned.get("teamId") == team["id"]:
                tx.delete(kind, owned["id"])
    tx.delete("team", team["id"])
