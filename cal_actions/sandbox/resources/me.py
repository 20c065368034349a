"""``/v2/me``: the caller's profile, including the organization it belongs to."""

from __future__ import annotations

from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import valid_zone

routes = Routes()

# bio and metadata are stored (a managed user's output shows them), not part of the /v2/me answer.
_PROFILE_FIELDS = ("timeFormat", "weekStart", "timeZone", "locale", "avatarUrl", "email", "name", "defaultScheduleId",
                   "bio", "metadata")  # fmt: skip


def profile(user: Document) -> dict[str, Any]:
    output = {
        "id": user["id"],
        "username": user["username"],
        "email": user["email"],
        "timeFormat": user["timeFormat"],
        "defaultScheduleId": user["defaultScheduleId"],
        "weekStart": user["weekStart"],
        "timeZone": user["timeZone"],
        "organizationId": user.get("organizationId"),
    }
    if user.get("organizationId") is not None:
        output["organization"] = {"id": user["organizationId"], "isPlatform": bool(user.get("isPlatformOrg"))}
    return output


def load_user(tx: Tx, user_id: int) -> Document:
    user = tx.get("user", user_id)
    if user is None:
        raise NotFound(f"User with id={user_id} not found")
    return user


@routes.action("CAL_GET_ME", "CAL_GET_MY_ORGANIZATION_ID")
def get_me(call: Call) -> dict[str, Any]:
    return profile(load_user(call.tx, call.user_id))


@routes.action("CAL_UPDATE_ME")
def update_me(call: Call) -> dict[str, Any]:
    user = load_user(call.tx, call.user_id)
    changes = {key: value for key, value in call.body.items() if key in _PROFILE_FIELDS}
    if "timeZone" in changes and not valid_zone(changes["timeZone"]):
        raise BadRequest("timeZone must be a valid IANA time zone")
    if "defaultScheduleId" in changes:
        schedule = call.tx.get("schedule", changes["defaultScheduleId"])
        if schedule is None or schedule["ownerId"] != user["id"]:
            raise NotFound(f"Schedule with id={changes['defaultScheduleId']} not found")
    user.update(changes)
    call.tx.put("user", user["id"], user)
    return profile(user)
