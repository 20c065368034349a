"""Teams, organizations (teams with ``isOrganization``) and memberships.

Only the lookups and permission checks team event types and bookings need live here; team
and organization routes register on this module's ``routes`` table.
"""

from __future__ import annotations

import re
from typing import Any

from cal_actions.sandbox.errors import Forbidden, NotFound
from cal_actions.sandbox.routing import Routes
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

ADMIN_ROLES = frozenset({"ADMIN", "OWNER"})


def slugify(name: str, fallback: str = "team") -> str:
    """Cal.com's slugs: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or fallback


def new_team(tx: Tx, name: str, slug: str, *, parent_id: int | None = None, organization: bool = False) -> Document:
    team_id = tx.next_id("team")
    team = {
        "id": team_id,
        "name": name,
        "slug": slug,
        "parentId": parent_id,
        "isOrganization": organization,
        "isPlatform": False,
        "bannerUrl": None,
        "logoUrl": None,
        "weekStart": "Monday",
        "brandColor": "#292929",
        "darkBrandColor": "#fafafa",
        "theme": None,
        "timeZone": "Europe/Berlin",
        "metadata": {},
    }
    tx.put("team", team_id, team)
    return team


def add_membership(tx: Tx, team_id: int, user_id: int, role: str = "MEMBER") -> Document:
    membership_id = tx.next_id("membership")
    membership = {
        "id": membership_id,
        "teamId": team_id,
        "userId": user_id,
        "role": role,
        "accepted": True,
        "disableImpersonation": False,
    }
    tx.put("membership", membership_id, membership)
    return membership


def membership(tx: Tx, team_id: int, user_id: int) -> Document | None:
    return next(
        (m for m in tx.all("membership") if m["teamId"] == team_id and m["userId"] == user_id and m["accepted"]), None
    )


def member_ids(tx: Tx, team_id: int) -> list[int]:
    return [m["userId"] for m in tx.all("membership") if m["teamId"] == team_id and m["accepted"]]


def load_team(tx: Tx, team_id: int, *, org_id: int | None = None) -> Document:
    """A team; with ``org_id``, only when it belongs to that organization."""
    team = tx.get("team", team_id)
    if team is None or team["isOrganization"] or (org_id is not None and team["parentId"] != org_id):
        raise NotFound(f"Team with id={team_id} not found")
    return team


def require_member(tx: Tx, team_id: int, user_id: int, *, admin: bool = False) -> None:
    """Members may read, admins and owners may change; organization admins may do both."""
    found = membership(tx, team_id, user_id)
    if found is not None and (not admin or found["role"] in ADMIN_ROLES):
        return
    team = tx.get("team", team_id)
    parent = team.get("parentId") if team else None
    org_membership = membership(tx, parent, user_id) if parent is not None else None
    if org_membership is not None and org_membership["role"] in ADMIN_ROLES:
        return
    raise Forbidden("User is not authorized to access this team" if not admin else "User must be a team admin or owner")


def require_org_member(tx: Tx, org_id: int, user_id: int) -> Document:
    org = tx.get("team", org_id)
    if org is None or not org["isOrganization"]:
        raise NotFound(f"Organization with id={org_id} not found")
    if membership(tx, org_id, user_id) is None:
        raise Forbidden("You are not a member of this organization")
    return org


def team_summary(team: Document) -> dict[str, Any]:
    keys = ("id", "slug", "bannerUrl", "name", "logoUrl", "weekStart", "brandColor", "darkBrandColor", "theme")
    return {key: team.get(key) for key in keys if team.get(key) is not None}
