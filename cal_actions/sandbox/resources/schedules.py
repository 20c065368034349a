"""``/v2/schedules``: weekly availability and date overrides, the input of slot computation."""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import valid_zone

routes = Routes()

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
DEFAULT_AVAILABILITY = [{"days": list(WEEKDAYS), "startTime": "09:00", "endTime": "17:00"}]


def new_schedule(
    tx: Tx,
    owner_id: int,
    name: str,
    time_zone: str,
    availability: list[dict[str, Any]] | None = None,
    overrides: list[dict[str, Any]] | None = None,
) -> Document:
    schedule_id = tx.next_id("schedule")
    schedule = {
        "id": schedule_id,
        "ownerId": owner_id,
        "name": name,
        "timeZone": time_zone,
        "availability": availability if availability is not None else DEFAULT_AVAILABILITY,
        "overrides": overrides or [],
    }
    tx.put("schedule", schedule_id, schedule)
    return schedule


def schedule_output(tx: Tx, schedule: Document) -> dict[str, Any]:
    owner = tx.get("user", schedule["ownerId"])
    is_default = owner is not None and owner.get("defaultScheduleId") == schedule["id"]
    return {**schedule, "isDefault": is_default}


def owned_schedule(tx: Tx, user_id: int, schedule_id: int) -> Document:
    schedule = tx.get("schedule", schedule_id)
    if schedule is None or schedule["ownerId"] != user_id:
        raise NotFound(f"Schedule with ID={schedule_id} does not exist.")
    return schedule


def _set_default(tx: Tx, user_id: int, schedule_id: int | None) -> None:
    user = tx.get("user", user_id)
    if user is not None:
        user["defaultScheduleId"] = schedule_id
        tx.put("user", user_id, user)


def _check_zone(body: dict[str, Any]) -> None:
    if "timeZone" in body and not valid_zone(body["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")


@routes.action("CAL_CREATE_SCHEDULE", status=201)
def create_schedule(call: Call) -> dict[str, Any]:
    _check_zone(call.body)
    body = call.body
    schedule = new_schedule(
        call.tx, call.user_id, body["name"], body["timeZone"], body.get("availability"), body.get("overrides")
    )
    user = call.tx.get("user", call.user_id)
    if body["isDefault"] or (user is not None and user.get("defaultScheduleId") is None):
        _set_default(call.tx, call.user_id, schedule["id"])
    return schedule_output(call.tx, schedule)


@routes.action("CAL_LIST_SCHEDULES")
def list_schedules(call: Call) -> list[dict[str, Any]]:
    return [schedule_output(call.tx, s) for s in call.tx.all("schedule") if s["ownerId"] == call.user_id]


@routes.action("CAL_GET_DEFAULT_SCHEDULE")
def get_default_schedule(call: Call) -> dict[str, Any] | None:
    user = call.tx.get("user", call.user_id)
    default_id = user.get("defaultScheduleId") if user else None
    schedule = call.tx.get("schedule", default_id) if default_id is not None else None
    return schedule_output(call.tx, schedule) if schedule else None


@routes.action("CAL_GET_SCHEDULE")
def get_schedule(call: Call) -> dict[str, Any]:
    return schedule_output(call.tx, owned_schedule(call.tx, call.user_id, call.int_param("scheduleId")))


@routes.action("CAL_UPDATE_SCHEDULE")
def update_schedule(call: Call) -> dict[str, Any]:
    schedule = owned_schedule(call.tx, call.user_id, call.int_param("scheduleId"))
    _check_zone(call.body)
    for key in ("name", "timeZone", "availability", "overrides"):
        if key in call.body:
            schedule[key] = call.body[key]
    call.tx.put("schedule", schedule["id"], schedule)
    if call.body.get("isDefault") is True:
        _set_default(call.tx, call.user_id, schedule["id"])
    return schedule_output(call.tx, schedule)


@routes.action("CAL_DELETE_SCHEDULE")
def delete_schedule(call: Call) -> Reply:
    schedule = owned_schedule(call.tx, call.user_id, call.int_param("scheduleId"))
    call.tx.delete("schedule", schedule["id"])
    user = call.tx.get("user", call.user_id)
    if user is not None and user.get("defaultScheduleId") == schedule["id"]:
        _set_default(call.tx, call.user_id, None)
    return Reply(NO_DATA)
