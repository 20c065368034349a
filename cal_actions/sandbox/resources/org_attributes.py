"""``/v2/organizations/{orgId}/attributes``: custom user attributes, their options and assignments.

Members read, admins and owners change. Attribute and option ids are strings, as Cal.com's are.
An assignment links an organization member to one option; TEXT and NUMBER attributes get an
option holding the assigned value.
"""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound, RecordExists
from cal_actions.sandbox.resources import org_access, teams
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

_SELECT_TYPES = frozenset({"SINGLE_SELECT", "MULTI_SELECT"})
ASSIGNMENT = "attribute_assignment"


def option_output(option: Document) -> dict[str, Any]:
    return {
        "id": str(option["id"]),
        "attributeId": str(option["attributeId"]),
        "value": option["value"],
        "slug": option["slug"],
    }


def attribute_output(attribute: Document) -> dict[str, Any]:
    keys = ("teamId", "type", "name", "slug", "enabled", "usersCanEditRelation")
    return {
        "id": str(attribute["id"]),
        **{key: attribute[key] for key in keys},
        "options": [option_output(option) for option in attribute["options"]],
    }


def _attributes(tx: Tx, org_id: int) -> list[Document]:
    return [a for a in tx.all("attribute") if a["teamId"] == org_id]


def _find(tx: Tx, org_id: int, attribute_id: str) -> Document | None:
    found = tx.get("attribute", attribute_id)
    return found if found is not None and found["teamId"] == org_id else None


def _existing(call: Call, org_id: int) -> Document:
    """Update and delete of a missing attribute fail as a missing database row does."""
    found = _find(call.tx, org_id, call.params["attributeId"])
    if found is None:
        raise org_access.record_missing()
    return found


def _check_slug(tx: Tx, org_id: int, slug: str, skip: Any) -> None:
    if any(a["slug"] == slug and a["id"] != skip for a in _attributes(tx, org_id)):
        raise RecordExists()


def _new_option(tx: Tx, attribute: Document, value: str, slug: str) -> Document:
    option = {"id": tx.next_id("attribute_option"), "attributeId": attribute["id"], "value": value, "slug": slug}
    attribute["options"].append(option)
    return option


@routes.action("CAL_LIST_ORG_ATTRIBUTES")
def list_attributes(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "MEMBER")
    return [attribute_output(a) for a in page(call, _attributes(call.tx, org["id"]))]


@routes.action("CAL_CREATE_ORG_ATTRIBUTE", status=201)
def create_attribute(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    body = call.body
    _check_slug(call.tx, org["id"], body["slug"], None)
    attribute_id = call.tx.next_id("attribute")
    attribute = {
        "id": attribute_id, "teamId": org["id"], "type": body["type"], "name": body["name"], "slug": body["slug"],
        "enabled": body.get("enabled", True), "usersCanEditRelation": False, "isLocked": False, "options": [],
    }  # fmt: skip
    for option in body["options"]:
        _new_option(call.tx, attribute, option["value"], option["slug"])
    call.tx.put("attribute", attribute_id, attribute)
    return attribute_output(attribute)


@routes.action("CAL_GET_ORG_ATTRIBUTE")
def get_attribute(call: Call) -> dict[str, Any] | None:
    org = org_access.require_org_role(call, "MEMBER")
    # Live API: an unknown id answers 200 with null data (the documents mark this data nullable).
    found = _find(call.tx, org["id"], call.params["attributeId"])
    return attribute_output(found) if found is not None else None


@routes.action("CAL_UPDATE_ORG_ATTRIBUTE")
def update_attribute(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    attribute = _existing(call, org["id"])
    if "slug" in call.body:
        _check_slug(call.tx, org["id"], call.body["slug"], attribute["id"])
    attribute.update({key: call.body[key] for key in ("name", "slug", "type", "enabled") if key in call.body})
    call.tx.put("attribute", attribute["id"], attribute)
    return attribute_output(attribute)


@routes.action("CAL_DELETE_ORG_ATTRIBUTE")
def delete_attribute(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    attribute = _existing(call, org["id"])
    option_ids = {option["id"] for option in attribute["options"]}
    for assignment in call.tx.all(ASSIGNMENT):
        if assignment["attributeOptionId"] in option_ids:
            call.tx.delete(ASSIGNMENT, _assignment_key(assignment["userId"], assignment["attributeOptionId"]))
    call.tx.delete("attribute", attribute["id"])
    return attribute_output(attribute)


# -- options -------------------------------------------------------------------------------------


def _option(call: Call, attribute: Document) -> Document:
    option_id = call.params["optionId"]
    found: Document | None = next((o for o in attribute["options"] if str(o["id"]) == option_id), None)
    if found is None:
        raise org_access.record_missing()
    return found


@routes.action("CAL_CREATE_ORG_ATTRIBUTE_OPTION", status=201)
def create_option(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    attribute = _existing(call, org["id"])
    if any(option["slug"] == call.body["slug"] for option in attribute["options"]):
        raise RecordExists()
    option = _new_option(call.tx, attribute, call.body["value"], call.body["slug"])
    call.tx.put("attribute", attribute["id"], attribute)
    return option_output(option)


@routes.action("CAL_LIST_ORG_ATTRIBUTE_OPTIONS")
def list_options(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "MEMBER")
    attribute = _find(call.tx, org["id"], call.params["attributeId"])
    return [option_output(option) for option in attribute["options"]] if attribute else []


@routes.action("CAL_UPDATE_ORG_ATTRIBUTE_OPTION")
def update_option(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    attribute = _existing(call, org["id"])
    option = _option(call, attribute)
    option.update({key: call.body[key] for key in ("value", "slug") if key in call.body})
    call.tx.put("attribute", attribute["id"], attribute)
    return option_output(option)


@routes.action("CAL_DELETE_ORG_ATTRIBUTE_OPTION")
def delete_option(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    attribute = _existing(call, org["id"])
    option = _option(call, attribute)
    attribute["options"] = [o for o in attribute["options"] if o["id"] != option["id"]]
    call.tx.put("attribute", attribute["id"], attribute)
    for assignment in call.tx.all(ASSIGNMENT):
        if assignment["attributeOptionId"] == option["id"]:
            call.tx.delete(ASSIGNMENT, _assignment_key(assignment["userId"], option["id"]))
    return option_output(option)


# -- assignments ---------------------------------------------------------------------------------


def _assignment_key(user_id: int, option_id: Any) -> str:
    return f"{user_id}:{option_id}"


def _assignment_output(tx: Tx, org_id: int, user_id: int, option_id: Any) -> dict[str, Any]:
    member = next(m for m in tx.all("membership") if m["teamId"] == org_id and m["userId"] == user_id)
    return {"id": _assignment_key(user_id, option_id), "memberId": member["id"], "attributeOptionId": str(option_id)}


@routes.action("CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER", status=201)
def assign(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    user_id, body = call.int_param("userId"), call.body
    attribute = _find(call.tx, org["id"], body["attributeId"])
    if attribute is None:
        raise NotFound("Attribute not found")
    member = next((m for m in call.tx.all("membership") if m["teamId"] == org["id"] and m["userId"] == user_id), None)
    if member is None or not member["accepted"]:
        raise NotFound("User is not a member of the organization")
    if attribute["type"] in _SELECT_TYPES:
        if body.get("value"):
            raise BadRequest("Attribute type does not support value")
        option = next((o for o in attribute["options"] if str(o["id"]) == str(body.get("attributeOptionId"))), None)
        if option is None:
            raise NotFound("Attribute option not found")
    elif body.get("value") is not None:
        option = _new_option(call.tx, attribute, body["value"], teams.slugify(body["value"], "value"))
        call.tx.put("attribute", attribute["id"], attribute)
    else:
        raise BadRequest("value is required for TEXT and NUMBER attributes")
    if attribute["type"] != "MULTI_SELECT":  # one value per user: the new one replaces the old
        own_ids = {o["id"] for o in attribute["options"]}
        for old in call.tx.all(ASSIGNMENT):
            if old["userId"] == user_id and old["attributeOptionId"] in own_ids:
                call.tx.delete(ASSIGNMENT, _assignment_key(user_id, old["attributeOptionId"]))
    assignment = {"userId": user_id, "attributeOptionId": option["id"]}
    call.tx.put(ASSIGNMENT, _assignment_key(user_id, option["id"]), assignment)
    return _assignment_output(call.tx, org["id"], user_id, option["id"])


@routes.action("CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS")
def list_user_options(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "MEMBER")
    user_id = call.int_param("userId")
    assigned = {a["attributeOptionId"] for a in call.tx.all(ASSIGNMENT) if a["userId"] == user_id}
    options = [o for a in _attributes(call.tx, org["id"]) for o in a["options"] if o["id"] in assigned]
    return [option_output(option) for option in options]


@routes.action("CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER")
def unassign(call: Call) -> dict[str, Any]:
    org = org_access.require_org_role(call, "ADMIN")
    user_id, option_id = call.int_param("userId"), call.params["attributeOptionId"]
    found = next(
        (a for a in call.tx.all(ASSIGNMENT) if a["userId"] == user_id and str(a["attributeOptionId"]) == option_id),
        None,
    )
    if found is None or not any(m["userId"] == user_id for m in call.tx.all("membership") if m["teamId"] == org["id"]):
        raise org_access.record_missing()
    output = _assignment_output(call.tx, org["id"], user_id, found["attributeOptionId"])
    call.tx.delete(ASSIGNMENT, _assignment_key(user_id, found["attributeOptionId"]))
    return output
