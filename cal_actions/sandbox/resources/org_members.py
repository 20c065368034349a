"""The organization's own memberships and its users (accounts created inside the organization).

Every route needs the caller to be an admin or owner of that organization. Users of an
organization are the users holding a membership of it.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, Conflict, NotFound
from cal_actions.sandbox.resources import org_access, org_attributes
from cal_actions.sandbox.routing import Call, Routes, csv_values, page, to_int
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, valid_zone

routes = Routes()


# -- memberships ---------------------------------------------------------------------------------


def _membership(call: Call) -> Document:
    org = org_access.require_org_role(call, "ADMIN")
    membership_id = call.int_param("membershipId")
    found = call.tx.get("membership", membership_id)
    if found is None or found["teamId"] != org["id"]:
        raise NotFound(f"Membership with id={membership_id} not found in organization with id={org['id']}")
    return found


def _output(tx: Tx, membership: Document) -> dict[str, Any]:
    """An organization membership carries the member's attributes in that organization (live document)."""
    output = org_access.membership_output(tx, membership)
    output["attributes"] = org_attributes.user_attributes(tx, membership["teamId"], membership["userId"])
    return output


@routes.action("CAL_LIST_ORG_MEMBERSHIPS")
def list_memberships(call: Call) -> list[dict[str, Any]]:
    # Both documents declare a single membership here; the live API returns the list.
    org = org_access.require_org_role(call, "ADMIN")
    found = [m for m in call.tx.all("membership") if m["teamId"] == org["id"]]
    return [_output(call.tx, m) for m in page(call, found)]


@routes.action("CAL_CREATE_ORG_MEMBERSHIP", status=201)
def create_membership(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    user = call.tx.get("user", call.body["userId"])
    if user is None:
        raise BadRequest("Invalid input: The referenced data does not exist.")
    created = org_access.add_membership(call.tx, org["id"], user["id"], call.body)
    if user.get("organizationId") is None:
        user["organizationId"] = org["id"]
        call.tx.put("user", user["id"], user)
    return _output(call.tx, created)


@routes.action("CAL_GET_ORG_MEMBERSHIP")
def get_membership(call: Call) -> dict[str, Any]:
    return _output(call.tx, _membership(call))


@routes.action("CAL_UPDATE_ORG_MEMBERSHIP")
def update_membership(call: Call) -> dict[str, Any]:
    updated = org_access.update_membership(call.tx, _membership(call), call.body)
    return _output(call.tx, updated)


@routes.action("CAL_DELETE_ORG_MEMBERSHIP")
def delete_membership(call: Call) -> dict[str, Any]:
    membership = _membership(call)
    output = _output(call.tx, membership)
    call.tx.delete("membership", membership["id"])
    user = call.tx.get("user", membership["userId"])
    if user is not None and user.get("organizationId") == membership["teamId"]:
        user["organizationId"] = None
        call.tx.put("user", user["id"], user)
    return output


# -- users ---------------------------------------------------------------------------------------

_USER_FIELDS = (
    "email", "username", "brandColor", "darkBrandColor", "bio", "metadata", "hideBranding", "timeZone", "theme",
    "appTheme", "timeFormat", "defaultScheduleId", "locale", "avatarUrl",
)  # fmt: skip
_NULLABLE = (
    "username", "name", "emailVerified", "bio", "avatarUrl", "appTheme", "theme", "defaultScheduleId", "locale",
    "timeFormat", "brandColor", "darkBrandColor", "allowDynamicBooking", "verified", "invitedTo",
)  # fmt: skip


def user_output(tx: Tx, user: Document, org_id: int) -> dict[str, Any]:
    seeded = (tx.get("meta", "seed") or {}).get("seededAt")
    output: dict[str, Any] = {key: user.get(key) for key in _NULLABLE}
    output.update(
        id=user["id"],
        email=user["email"],
        timeZone=user["timeZone"],
        weekStart=user["weekStart"],
        hideBranding=bool(user.get("hideBranding", False)),
        createdDate=user.get("createdDate") or seeded,
        profile={"id": user["id"], "organizationId": org_id, "userId": user["id"], "username": user["username"]},
    )
    return output


def _org_users(tx: Tx, org_id: int) -> list[Document]:
    member_ids = {m["userId"] for m in tx.all("membership") if m["teamId"] == org_id}
    return [user for user in tx.all("user") if user["id"] in member_ids]


def _check_profile(tx: Tx, body: dict[str, Any], skip: int | None) -> None:
    if "timeZone" in body and not valid_zone(body["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")
    for key in ("email", "username"):
        if key in body and any(u[key] == body[key] and u["id"] != skip for u in tx.all("user")):
            raise Conflict(f"User with the provided {'e-mail' if key == 'email' else 'username'} already exists")
    if body.get("defaultScheduleId") is not None:
        schedule = tx.get("schedule", body["defaultScheduleId"])
        if schedule is None or schedule["ownerId"] != skip:
            raise NotFound(f"Schedule with id={body['defaultScheduleId']} not found")


@routes.action("CAL_LIST_ORG_USERS")
def list_users(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "ADMIN")
    users = _org_users(call.tx, org["id"])
    emails = csv_values(call.query, "emails")
    if emails:
        users = [user for user in users if user["email"] in emails]
    team_ids = {to_int(value, "teamIds") for value in csv_values(call.query, "teamIds")}
    if team_ids:
        in_teams = {m["userId"] for m in call.tx.all("membership") if m["teamId"] in team_ids and m["accepted"]}
        users = [user for user in users if user["id"] in in_teams]
    wanted = set(csv_values(call.query, "assignedOptionIds"))
    if wanted:
        users = [user for user in users if _holds(call, user["id"], wanted)]
    return [user_output(call.tx, user, org["id"]) for user in page(call, users)]


def _holds(call: Call, user_id: int, wanted: set[str]) -> bool:
    """Whether a user's attribute options pass the filter: all of them (AND, the default), any (OR) or none (NONE)."""
    held = wanted & org_attributes.held_option_ids(call.tx, user_id)
    operator = call.query.get("attributeQueryOperator", "AND")
    if operator not in ("AND", "OR", "NONE"):
        raise BadRequest("attributeQueryOperator must be one of the following values: OR, AND, NONE")
    return {"AND": held == wanted, "OR": bool(held), "NONE": not held}[operator]


@routes.action("CAL_CREATE_ORG_USER", status=201)
def create_user(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    body = call.body
    username = body.get("username") or body["email"].split("@", 1)[0].lower()
    _check_profile(call.tx, {**body, "username": username}, None)
    user_id = call.tx.next_id("user")
    user = {
        "id": user_id, "name": None, "timeZone": "Europe/London", "timeFormat": 12, "weekStart": "Sunday",
        "locale": "en", "avatarUrl": None, "defaultScheduleId": None, "oauthClientId": None,
        "organizationId": org["id"], "createdDate": iso_utc(call.now), "hideBranding": False,
    }  # fmt: skip
    user.update({key: body[key] for key in _USER_FIELDS if key in body and key != "defaultScheduleId"})
    user["username"] = username
    if "weekday" in body:  # the create body names the week start "weekday"
        user["weekStart"] = body["weekday"]
    call.tx.put("user", user_id, user)
    membership = {"role": body.get("organizationRole", "MEMBER"), "accepted": body.get("autoAccept", True)}
    org_access.add_membership(call.tx, org["id"], user_id, membership)
    return user_output(call.tx, user, org["id"])


@routes.action("CAL_UPDATE_ORG_USER")
def update_user(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    user = org_access.require_org_user(call, org["id"])
    _check_profile(call.tx, call.body, user["id"])
    user.update({key: call.body[key] for key in _USER_FIELDS if key in call.body})
    if "weekday" in call.body:
        user["weekStart"] = call.body["weekday"]
    call.tx.put("user", user["id"], user)
    return user_output(call.tx, user, org["id"])


@routes.action("CAL_DELETE_ORG_USER")
def delete_user(call: Call) -> dict[str, Any]:
    """The account itself goes, with its memberships and schedules."""
    org = org_access.require_org_role(call, "ADMIN")
    user = org_access.require_org_user(call, org["id"])
    output = user_output(call.tx, user, org["id"])
    for membership in call.tx.all("membership"):
        if membership["userId"] == user["id"]:
            call.tx.delete("membership", membership["id"])
    for schedule in call.tx.all("schedule"):
        if schedule["ownerId"] == user["id"]:
            call.tx.delete("schedule", schedule["id"])
    call.tx.delete("user", user["id"])
    return output
