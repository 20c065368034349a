"""How connected calendars are used: busy times, calendars checked for conflicts, the destination calendar."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound, validation_error
from cal_actions.sandbox.resources import credentials
from cal_actions.sandbox.resources.calendars import BY_TYPE, calendar_credential, selected_key
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import parse_instant, valid_zone

routes = Routes()

_BUSY_STATUSES = ("accepted", "pending")


def _calendar_entry(credential: Document, external_id: str) -> dict[str, Any]:
    entry: dict[str, Any] | None = next((e for e in credential["calendars"] if e["externalId"] == external_id), None)
    if entry is None:
        raise NotFound(f"Calendar with externalId={external_id} not found for credential {credential['id']}")
    return entry


def set_destination(
    tx: Tx, user_id: int, credential: Document, external_id: str, delegation: str | None = None
) -> Document:
    entry = _calendar_entry(credential, external_id)
    previous = tx.get("destination_calendar", user_id)
    destination = {
        "id": previous["id"] if previous else tx.next_id("destination_calendar"),
        "integration": credential["type"],
        "externalId": external_id,
        "primaryEmail": entry.get("email"),
        "userId": user_id,
        "eventTypeId": None,
        "credentialId": credential["id"],
        "delegationCredentialId": delegation,
        "name": entry["name"],
        "primary": bool(entry["primary"]),
        "readOnly": entry["readOnly"],
        "email": entry.get("email") or "",
        "integrationTitle": BY_TYPE[credential["type"]].title,
    }
    tx.put("destination_calendar", user_id, destination)
    return destination


def _overlaps(item: dict[str, Any], start: datetime, end: datetime) -> bool:
    return parse_instant(item["start"], "start") < end and parse_instant(item["end"], "end") > start


def _calendars_to_load(call: Call) -> list[tuple[int, str]]:
    """``calendarsToLoad[i][credentialId]`` / ``[externalId]`` pairs, the way the live API reads them."""
    pattern = re.compile(r"^calendarsToLoad\[(\d+)\]\[(credentialId|externalId)\]$")
    found: dict[int, dict[str, str]] = {}
    for key, value in call.query.multi_items():
        match = pattern.match(key)
        if match:
            found.setdefault(int(match.group(1)), {})[match.group(2)] = value
    if not found:
        raise BadRequest("calendarsToLoad must be an array")
    pairs = []
    for index in sorted(found):
        item = found[index]
        if not item.get("externalId"):
            raise BadRequest(f"calendarsToLoad.{index}.externalId must be a string")
        try:
            pairs.append((int(item.get("credentialId", "")), item["externalId"]))
        except ValueError:
            raise BadRequest(f"calendarsToLoad.{index}.credentialId must be a number") from None
    return pairs


@routes.action("CAL_LIST_BUSY_TIMES")
def busy_times(call: Call) -> list[dict[str, Any]]:
    time_zone = credentials.query_text(call, "loggedInUsersTz") or ""
    if not valid_zone(time_zone):
        raise BadRequest("loggedInUsersTz must be a valid IANA time zone")
    date_from, date_to = call.query.get("dateFrom"), call.query.get("dateTo")
    missing = [name for name, value in (("dateFrom", date_from), ("dateTo", date_to)) if not value]
    if missing:  # busy-times.input.ts requires both (IsDateString, not optional)
        raise validation_error([f"{name} must be a valid ISO 8601 date string" for name in missing])
    calendars = []
    for credential_id, external_id in _calendars_to_load(call):
        credential = calendar_credential(call.tx, call.user_id, credential_id)
        _calendar_entry(credential, external_id)
        calendars.append((credential, external_id))
    start = parse_instant(date_from, "dateFrom")
    end = parse_instant(date_to, "dateTo", end_of_day=True)
    busy: list[dict[str, Any]] = []
    for credential, external_id in calendars:
        busy += _busy_in(call, credential, external_id, start, end)
    return sorted(busy, key=lambda item: item["start"])  # every instant is stored as UTC ISO text


def _busy_in(call: Call, credential: Document, external_id: str, start: datetime, end: datetime) -> list[Any]:
    source = credential["type"]
    busy = [
        {"start": e["start"], "end": e["end"], "source": source}
        for e in credential["events"]
        if e["externalId"] == external_id and _overlaps(e, start, end)
    ]
    destination = call.tx.get("destination_calendar", call.user_id)
    if destination is not None and (destination["credentialId"], destination["externalId"]) == (
        credential["id"],
        external_id,
    ):
        # Bookings are written to the destination calendar, so they are busy there too.
        busy += [
            {"start": b["start"], "end": b["end"], "source": source}
            for b in call.tx.all("booking")
            if call.user_id in b.get("hostIds", []) and b["status"] in _BUSY_STATUSES and _overlaps(b, start, end)
        ]
    return busy


def _selected_output(selected: Document) -> dict[str, Any]:
    return {key: selected[key] for key in ("userId", "integration", "externalId", "credentialId")}


def _selection(call: Call, source: Any) -> tuple[str, Document]:
    integration, external_id = str(source["integration"]), str(source["externalId"])
    try:
        credential_id = int(source["credentialId"])
    except (TypeError, ValueError):
        raise BadRequest("credentialId must be an integer number") from None
    credential = calendar_credential(call.tx, call.user_id, credential_id)
    if credential["type"] != integration:
        raise BadRequest(f"Credential {credential_id} is not a {integration} connection")
    _calendar_entry(credential, external_id)
    selected = {"userId": call.user_id, "integration": integration, "externalId": external_id,
                "credentialId": credential_id}  # fmt: skip
    selected["delegationCredentialId"] = source.get("delegationCredentialId")
    return selected_key(call.user_id, integration, external_id), selected


@routes.action("CAL_ADD_SELECTED_CALENDAR", status=201)
def add_selected(call: Call) -> dict[str, Any]:
    key, selected = _selection(call, call.body)
    call.tx.put("selected_calendar", key, selected)  # selecting twice keeps one selection, as upstream upserts
    return _selected_output(selected)


@routes.action("CAL_REMOVE_SELECTED_CALENDAR")
def remove_selected(call: Call) -> dict[str, Any]:
    fields = {name: credentials.query_text(call, name) for name in ("integration", "externalId", "credentialId")}
    fields["delegationCredentialId"] = call.query.get("delegationCredentialId")
    key, selected = _selection(call, fields)
    if not call.tx.delete("selected_calendar", key):
        raise NotFound("Selected calendar not found")
    return _selected_output(selected)


@routes.action("CAL_UPDATE_DESTINATION_CALENDAR")
def update_destination(call: Call) -> dict[str, Any]:
    integration, external_id = call.body["integration"], call.body["externalId"]
    owned = credentials.of_user(call.tx, call.user_id, integration)
    credential = next((c for c in owned if any(e["externalId"] == external_id for e in c["calendars"])), None)
    if credential is None:
        raise NotFound(f"No connected {integration} calendar with externalId={external_id}")
    delegation = call.body.get("delegationCredentialId")
    destination = set_destination(call.tx, call.user_id, credential, external_id, delegation)
    return {key: destination[key] for key in ("userId", "integration", "externalId", "credentialId")}
