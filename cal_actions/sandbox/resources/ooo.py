"""Out-of-office entries of organization users; organization admins manage them.

An entry covers whole UTC days (Cal.com moves ``start`` to 00:00:00.000Z and ``end`` to 23:59:59.999Z) and
its user is unavailable then: ``scheduling.busy_by_host`` counts it as busy time, so slots and bookings skip
those days. ``toUserId``, a colleague sharing a team, is stored and returned; Cal.com's slot and booking API
does not change for it (its slot answer drops away slots with or without a redirect).
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from cal_actions.sandbox.errors import BadRequest, Conflict, Forbidden
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

KIND = "ooo"
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$")
_NAMESPACE = uuid.UUID("5b0c7d1e-0f4a-4e8b-9a26-3c1d2e4f6a80")


def ooo_output(entry: Document) -> dict[str, Any]:
    keys = ("userId", "toUserId", "id", "uuid", "start", "end", "notes", "reason")
    return {key: entry.get(key) for key in keys}


def _day(value: Any, *, end: bool) -> str:
    """The UTC day of a full ISO 8601 date-time, as Cal.com stores it; anything else is refused as it does."""
    found = _DATE_TIME.match(value) if isinstance(value, str) else None
    try:
        day = date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        day = None
    if day is None:
        raise BadRequest("Invalid Date.")
    return f"{day.isoformat()}T23:59:59.999Z" if end else f"{day.isoformat()}T00:00:00.000Z"


def _dates(body: dict[str, Any]) -> tuple[str | None, str | None]:
    start = _day(body["start"], end=False) if "start" in body else None
    end = _day(body["end"], end=True) if "end" in body else None
    if (start is None) != (end is None):
        raise BadRequest("Please specify both ooo start and end time.")
    if start is not None and end is not None and start > end:  # same format, so text order is time order
        raise BadRequest("Start date must be before end date.")
    return start, end


def _check(tx: Tx, user_id: int, body: dict[str, Any], start: str | None, end: str | None, skip: int | None) -> None:
    """Cal.com's checks, in its order: no redirect loop, no duplicate, no redirect to self, an eligible colleague."""
    to_user = body.get("toUserId")
    entries = tx.all(KIND)
    if start is not None and end is not None:
        loop = any(
            e["toUserId"] == user_id and (not to_user or e["userId"] == to_user) and e["start"] <= end
            and e["end"] >= start
            for e in entries
        )  # fmt: skip
        if loop:
            raise BadRequest("Booking redirect infinite not allowed.")
        if any(e["userId"] == user_id and (e["start"], e["end"]) == (start, end) and e["id"] != skip for e in entries):
            raise Conflict("Ooo entry already exists.")
    if to_user and to_user == user_id:
        raise BadRequest("Cannot redirect to self.")
    if to_user and not _share_a_team(tx, user_id, to_user):
        raise BadRequest("Cannot redirect to this user.")


def _share_a_team(tx: Tx, user_id: int, colleague_id: int) -> bool:
    """The colleague is in a team (organizations included) where the user is an accepted member."""
    memberships = tx.all("membership")
    teams_of_user = {m["teamId"] for m in memberships if m["userId"] == user_id and m["accepted"]}
    return any(m["userId"] == colleague_id and m["teamId"] in teams_of_user for m in memberships)


def _sorted(call: Call, entries: list[Document]) -> list[Document]:
    orders = {name: call.query.get(name) for name in ("sortStart", "sortEnd")}
    for name, order in orders.items():
        if order is not None and order not in ("asc", "desc"):
            raise BadRequest(f'{name[0].upper()}{name[1:]} must be either "asc" or "desc".')
    for name, field in (("sortEnd", "end"), ("sortStart", "start")):  # like Cal.com, sortEnd wins
        if orders[name] is not None:
            return sorted(entries, key=lambda e: (e[field], e["id"]), reverse=orders[name] == "desc")
    return sorted(entries, key=lambda e: e["id"])


def _org_user(call: Call) -> Document:
    """An organization admin acting on a user of the organization (Cal.com's IsUserInOrg guard)."""
    org = org_access.require_org_role(call, "ADMIN")
    user_id = call.int_param("userId")
    denied = f"IsUserInOrg - user with id={user_id} is not part of the organization with id={org['id']}."
    return org_access.require_org_user(call, org["id"], denied=denied)


def _entry(call: Call, user: Document) -> Document:
    found = call.tx.get(KIND, call.int_param("oooId"))
    if found is None or found["userId"] != user["id"]:
        raise Forbidden("This OOO entry does not belong to this user.")
    return found


@routes.action("CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES")
def list_org_entries(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "ADMIN")
    members = {m["userId"] for m in call.tx.all("membership") if m["teamId"] == org["id"]}
    email = call.query.get("email")
    if email:
        members = {u["id"] for u in call.tx.all("user") if u["id"] in members and u["email"] == email}
    entries = [e for e in call.tx.all(KIND) if e["userId"] in members]
    return [ooo_output(e) for e in page(call, _sorted(call, entries))]


@routes.action("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES")
def list_user_entries(call: Call) -> list[dict[str, Any]]:
    user = _org_user(call)
    entries = [e for e in call.tx.all(KIND) if e["userId"] == user["id"]]
    return [ooo_output(e) for e in page(call, _sorted(call, entries))]


@routes.action("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", status=201)
def create_entry(call: Call) -> dict[str, Any]:
    user, body = _org_user(call), call.body
    start, end = _dates(body)
    _check(call.tx, user["id"], body, start, end, skip=None)
    entry_id = call.tx.next_id(KIND)
    entry = {
        "id": entry_id, "uuid": str(uuid.uuid5(_NAMESPACE, f"ooo-{entry_id}")), "userId": user["id"],
        "toUserId": body.get("toUserId"), "start": start, "end": end, "notes": body.get("notes"),
        "reason": body.get("reason") or "unspecified",
    }  # fmt: skip
    call.tx.put(KIND, entry_id, entry)
    return ooo_output(entry)


@routes.action("CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY")
def update_entry(call: Call) -> dict[str, Any]:
    user = _org_user(call)
    entry, body = _entry(call, user), call.body
    start, end = _dates(body)
    # Cal.com also finds the entry itself a duplicate when its own dates are sent again; that is not kept here.
    _check(call.tx, user["id"], body, start, end, skip=entry["id"])
    if start is not None:
        entry.update(start=start, end=end)
    entry.update({key: body[key] for key in ("notes", "toUserId", "reason") if body.get(key) is not None})
    call.tx.put(KIND, entry["id"], entry)
    return ooo_output(entry)


@routes.action("CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY")
def delete_entry(call: Call) -> dict[str, Any]:
    entry = _entry(call, _org_user(call))
    call.tx.delete(KIND, entry["id"])
    return ooo_output(entry)
