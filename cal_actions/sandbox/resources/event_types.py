"""Event types: personal (``/v2/event-types``), team and organization-team ones, and phone calls."""

from __future__ import annotations

import hashlib
from typing import Any

from cal_actions.actions.team_event_types import camel_case
from cal_actions.sandbox.errors import BadRequest, Conflict, NotFound
from cal_actions.sandbox.resources import teams
from cal_actions.sandbox.routing import Call, Routes, page, to_int
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

DEFAULT_LOCATIONS = [{"type": "integration", "integration": "cal-video"}]
# Settings copied as given; lengths, hosts and scheduling are handled explicitly.
_SETTINGS = (
    "title", "slug", "description", "locations", "bookingFields", "disableGuests", "slotInterval",
    "minimumBookingNotice", "beforeEventBuffer", "afterEventBuffer", "scheduleId", "bookingLimitsCount",
    "onlyShowFirstAvailableSlot", "bookingLimitsDuration", "bookingWindow", "offsetStart", "bookerLayouts",
    "confirmationPolicy", "recurrence", "requiresBookerEmailVerification", "hideCalendarNotes",
    "lockTimeZoneToggleOnBookingPage", "color", "seats", "customName", "hidden", "assignAllTeamMembers",
    "useDestinationCalendarEmail", "hideCalendarEventDetails", "hideOrganizerEmail", "calVideoSettings",
    "bookingRequiresAuthentication", "successRedirectUrl", "destinationCalendar",
)  # fmt: skip


def new_event_type(tx: Tx, settings: dict[str, Any], *, owner_id: int | None, team_id: int | None = None) -> Document:
    event_type_id = tx.next_id("event_type")
    event_type: Document = {
        "id": event_type_id,
        "ownerId": owner_id,
        "teamId": team_id,
        "description": "",
        "locations": DEFAULT_LOCATIONS,
        "bookingFields": [],
        "disableGuests": False,
        "slotInterval": None,
        "minimumBookingNotice": 120,  # Cal.com's default: two hours
        "beforeEventBuffer": 0,
        "afterEventBuffer": 0,
        "scheduleId": None,
        "hidden": False,
        "bookingRequiresAuthentication": False,
        "successRedirectUrl": None,
        # Cal.com's server answers every setting, its defaults included.
        "onlyShowFirstAvailableSlot": False,
        "offsetStart": 0,
        "bookingWindow": {"disabled": True},
        "confirmationPolicy": {"disabled": True},
        "requiresBookerEmailVerification": False,
        "hideCalendarNotes": False,
        "seats": {"disabled": True},
        "useDestinationCalendarEmail": False,
        "hideCalendarEventDetails": False,
        "hideOrganizerEmail": False,
        "hosts": [],
        "schedulingType": None,
        "lengthInMinutesOptions": None,
    }
    apply_settings(event_type, settings)
    tx.put("event_type", event_type_id, event_type)
    return event_type


def apply_settings(event_type: Document, settings: dict[str, Any]) -> None:
    for key in (*_SETTINGS, "lengthInMinutes", "lengthInMinutesOptions", "hosts"):
        if key in settings:
            event_type[key] = settings[key]
    if "schedulingType" in settings:  # stored as answered: collective, roundRobin or managed
        event_type["schedulingType"] = camel_case(settings["schedulingType"])
    options = event_type.get("lengthInMinutesOptions")
    if options and event_type["lengthInMinutes"] not in options:
        raise BadRequest("lengthInMinutesOptions must include lengthInMinutes")


def requires_confirmation(event_type: Document) -> bool:
    policy = event_type.get("confirmationPolicy")
    return isinstance(policy, dict) and not policy.get("disabled") and policy.get("type") is not None


def host_ids(tx: Tx, event_type: Document) -> list[int]:
    """Who can take a booking: the owner, or the team hosts (all members when assigned to all)."""
    if event_type["teamId"] is None:
        return [event_type["ownerId"]]
    if event_type.get("assignAllTeamMembers"):
        return teams.member_ids(tx, event_type["teamId"])
    return [host["userId"] for host in event_type["hosts"]]


def event_type_output(tx: Tx, event_type: Document, hosts_limit: int | None = None) -> dict[str, Any]:
    output = {key: value for key, value in event_type.items() if key not in ("teamId", "hosts", "schedulingType")}
    options = event_type.get("lengthInMinutesOptions")
    output.update(
        recurrence=event_type.get("recurrence"),
        # Cal.com keeps the lengths a booker may pick in the event type's metadata, and answers it.
        metadata={"multipleDuration": options} if options else {},
        price=0,
        currency="usd",
        lockTimeZoneToggleOnBookingPage=bool(event_type.get("lockTimeZoneToggleOnBookingPage")),
        forwardParamsSuccessRedirect=True,
        isInstantEvent=False,
    )
    if not options:
        output.pop("lengthInMinutesOptions", None)
    if event_type["teamId"] is None:
        owner = tx.get("user", event_type["ownerId"])
        # Spec: both documents type `users` as strings; Cal.com's server answers the owner as an object.
        output["users"] = [_user_summary(owner)] if owner else []
        return output
    team = tx.get("team", event_type["teamId"]) or {"id": event_type["teamId"]}
    output.update(
        teamId=event_type["teamId"], schedulingType=event_type["schedulingType"], team=teams.team_summary(team)
    )
    output["hosts"] = [_host_output(tx, user_id, event_type) for user_id in host_ids(tx, event_type)][:hosts_limit]
    return output


def _user_summary(user: Document) -> dict[str, Any]:
    summary = {key: user.get(key) for key in ("id", "name", "username", "avatarUrl", "brandColor", "darkBrandColor",
                                              "weekStart")}
    return {**summary, "metadata": user.get("metadata") or {}}


def _host_output(tx: Tx, user_id: int, event_type: Document) -> dict[str, Any]:
    user = tx.get("user", user_id) or {"name": "", "avatarUrl": None}
    declared: dict[str, Any] = next((h for h in event_type["hosts"] if h["userId"] == user_id), {})
    return {
        "userId": user_id,
        "name": user["name"],
        "avatarUrl": user.get("avatarUrl"),
        "mandatory": bool(declared.get("mandatory", False)),
        "priority": declared.get("priority", "medium"),
    }


def load_event_type(tx: Tx, event_type_id: int) -> Document:
    event_type = tx.get("event_type", event_type_id)
    if event_type is None:
        raise NotFound(f"Event type with id {event_type_id} not found")
    return event_type


def _own(call: Call) -> Document:
    event_type = load_event_type(call.tx, call.int_param("eventTypeId"))
    if event_type["ownerId"] != call.user_id or event_type["teamId"] is not None:
        raise NotFound(f"Event type with id {event_type['id']} not found")
    return event_type


def _team_event_type(call: Call, *, admin: bool = False) -> Document:
    team_id = _team_id(call, admin=admin)
    event_type = load_event_type(call.tx, call.int_param("eventTypeId"))
    if event_type["teamId"] != team_id:
        raise NotFound(f"Event type with id {event_type['id']} not found")
    return event_type


def _team_id(call: Call, *, admin: bool = False) -> int:
    org_id = call.int_param("orgId") if "orgId" in call.params else None
    team = teams.load_team(call.tx, call.int_param("teamId"), org_id=org_id)
    teams.require_member(call.tx, team["id"], call.user_id, admin=admin)
    return int(team["id"])


def _check_unique_slug(tx: Tx, slug: str, *, owner_id: int | None, team_id: int | None, skip: int | None) -> None:
    for other in tx.all("event_type"):
        if (
            other["slug"] == slug
            and other["ownerId"] == owner_id
            and other["teamId"] == team_id
            and other["id"] != skip
        ):
            raise Conflict(f"Event type with slug {slug} already exists")


@routes.action("CAL_CREATE_EVENT_TYPE", status=201)
def create_event_type(call: Call) -> dict[str, Any]:
    _check_unique_slug(call.tx, call.body["slug"], owner_id=call.user_id, team_id=None, skip=None)
    return event_type_output(call.tx, new_event_type(call.tx, call.body, owner_id=call.user_id))


@routes.action("CAL_LIST_EVENT_TYPES")
def list_event_types(call: Call) -> list[dict[str, Any]]:
    username, slug = call.query.get("username"), call.query.get("eventSlug")
    owner_id = call.user_id
    if username is not None:
        owner = next((u for u in call.tx.all("user") if u["username"] == username), None)
        if owner is None:
            return []
        owner_id = owner["id"]
    found = [e for e in call.tx.all("event_type") if e["ownerId"] == owner_id and e["teamId"] is None]
    if slug is not None:
        found = [e for e in found if e["slug"] == slug]
    return [event_type_output(call.tx, e) for e in found]


@routes.action("CAL_GET_EVENT_TYPE")
def get_event_type(call: Call) -> dict[str, Any]:
    return event_type_output(call.tx, _own(call))


@routes.action("CAL_UPDATE_EVENT_TYPE")
def update_event_type(call: Call) -> dict[str, Any]:
    event_type = _own(call)
    if "slug" in call.body:
        _check_unique_slug(call.tx, call.body["slug"], owner_id=call.user_id, team_id=None, skip=event_type["id"])
    apply_settings(event_type, call.body)
    call.tx.put("event_type", event_type["id"], event_type)
    return event_type_output(call.tx, event_type)


@routes.action("CAL_DELETE_EVENT_TYPE")
def delete_event_type(call: Call) -> dict[str, Any]:
    event_type = _own(call)
    call.tx.delete("event_type", event_type["id"])
    return {key: event_type[key] for key in ("id", "lengthInMinutes", "title", "slug")}


@routes.action("CAL_CREATE_TEAM_EVENT_TYPE", "CAL_CREATE_ORG_TEAM_EVENT_TYPE", status=201)
def create_team_event_type(call: Call) -> dict[str, Any]:
    team_id = _team_id(call, admin=True)
    members = set(teams.member_ids(call.tx, team_id))
    strangers = [host["userId"] for host in call.body.get("hosts", []) if host["userId"] not in members]
    if strangers:
        raise BadRequest(f"Hosts {strangers} are not members of team {team_id}")
    _check_unique_slug(call.tx, call.body["slug"], owner_id=None, team_id=team_id, skip=None)
    return event_type_output(call.tx, new_event_type(call.tx, call.body, owner_id=None, team_id=team_id))


@routes.action("CAL_LIST_TEAM_EVENT_TYPES", "CAL_LIST_ORG_TEAM_EVENT_TYPES")
def list_team_event_types(call: Call) -> list[dict[str, Any]]:
    # A standalone team's event types are public (no guard; an unknown team has none); an organization team's need a
    # member.
    team_id = _team_id(call) if "orgId" in call.params else call.int_param("teamId")
    slug = call.query.get("eventSlug")
    found = [e for e in call.tx.all("event_type") if e["teamId"] == team_id and slug in (None, e["slug"])]
    limit = call.query.get("hostsLimit")
    hosts_limit = None if limit is None else to_int(limit, "hostsLimit")
    return [event_type_output(call.tx, e, hosts_limit) for e in found]


@routes.action("CAL_LIST_ORG_TEAMS_EVENT_TYPES")
def list_org_teams_event_types(call: Call) -> list[dict[str, Any]]:
    org_id = call.int_param("orgId")
    teams.require_org_member(call.tx, org_id, call.user_id)
    team_ids = {t["id"] for t in call.tx.all("team") if t["parentId"] == org_id}
    found = [e for e in call.tx.all("event_type") if e["teamId"] in team_ids]
    return [event_type_output(call.tx, e) for e in page(call, found)]


@routes.action("CAL_GET_TEAM_EVENT_TYPE", "CAL_GET_ORG_TEAM_EVENT_TYPE")
def get_team_event_type(call: Call) -> dict[str, Any]:
    return event_type_output(call.tx, _team_event_type(call))


@routes.action("CAL_UPDATE_TEAM_EVENT_TYPE", "CAL_UPDATE_ORG_TEAM_EVENT_TYPE")
def update_team_event_type(call: Call) -> dict[str, Any]:
    event_type = _team_event_type(call, admin=True)
    if "slug" in call.body:
        _check_unique_slug(
            call.tx, call.body["slug"], owner_id=None, team_id=event_type["teamId"], skip=event_type["id"]
        )
    apply_settings(event_type, call.body)
    call.tx.put("event_type", event_type["id"], event_type)
    return event_type_output(call.tx, event_type)


@routes.action("CAL_DELETE_TEAM_EVENT_TYPE", "CAL_DELETE_ORG_TEAM_EVENT_TYPE")
def delete_team_event_type(call: Call) -> dict[str, Any]:
    event_type = _team_event_type(call, admin=True)
    call.tx.delete("event_type", event_type["id"])
    return {key: event_type[key] for key in ("id", "lengthInMinutes", "title", "slug")}


@routes.action("CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL", "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL", status=201)
def create_phone_call(call: Call) -> dict[str, Any]:
    event_type = _team_event_type(call, admin=True)
    # No phone agent exists here: the call is recorded and given stable ids.
    call_id = call.tx.next_id("phone_call")
    record = {"id": call_id, "eventTypeId": event_type["id"], "numberToCall": call.body["numberToCall"]}
    call.tx.put("phone_call", call_id, record)
    digest = hashlib.sha256(f"call-{call_id}".encode()).hexdigest()
    return {"callId": f"call_{digest[:24]}", "agentId": f"agent_{digest[24:48]}"}
