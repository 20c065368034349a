"""Every registry action, called through ``Cal.sandbox()`` with valid arguments, succeeds with a body the spec allows.

Bodies come from each action's schema (``tests.support.example_arguments``) with seeded ids filled in;
the raw response is checked against the operation's 2xx schema in the live (2025-10) document, or in the
pinned one for the legacy actions the live API no longer has.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from cal_actions import Cal, registry
from cal_actions.action import Action
from cal_actions.actions import verified_resources as verified
from cal_actions.sandbox import OAUTH_CLIENT_ID, Sandbox
from cal_actions.sandbox.resources.routing_forms import FORM_ID
from cal_actions.sandbox.resources.verified_resources import code_sent_to
from cal_actions.sandbox.seed import API_KEY, MANAGED_ACCESS_TOKEN, MANAGED_REFRESH_TOKEN
from tests.support import (
    LIVE_SPEC,
    PINNED_SPEC,
    REFERENCE,
    example_arguments,
    find_operation,
    load_spec,
    openapi_to_jsonschema,
)

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
ORG, TEAM, ORG_TEAM = {"orgId": 1}, {"teamId": 2}, {"orgId": 1, "teamId": 3}
CLIENT = {"clientId": OAUTH_CLIENT_ID}
_SLOT = {"eventTypeId": 2, "slotStart": "2030-03-07T08:00:00.000Z"}
_MEETING = {"eventTypeId": 2, "start": "2030-03-07T12:00:00Z", "attendee": {
    "name": "Grace", "email": "grace@example.com", "timeZone": "Europe/Berlin"}}  # fmt: skip
_UID = "__booking__"  # replaced by the seeded upcoming booking's uid
_PAST_UID = "__past_booking__"  # replaced by the seeded past booking's uid (its Cal Video meeting took place)
# Each scope's path ids and the id of its seeded verified email address and phone number.
_VERIFIED = {verified.USER: ({}, 1), verified.TEAM: (TEAM, 2), verified.ORG_TEAM: (ORG_TEAM, 3)}
_VERIFIED_KINDS = (verified.EMAIL_KIND, verified.PHONE_KIND)
_AWAY = {"start": "2030-04-01T00:00:00Z", "end": "2030-04-03T00:00:00Z"}
_DELEGATION = {"workspacePlatformSlug": "google", "domain": "example.com", "serviceAccountKey": {
    "private_key": "-----BEGIN PRIVATE KEY-----stand-in", "client_email": "sa@example.iam", "client_id": "1"}}
_FORM = {"routingFormId": FORM_ID}
_DEMO = {"start": "2030-03-05", "end": "2030-03-06", "answers": {"topic": "Product demo", "email": "grace@example.com"}}

# Arguments from the seed, merged over the schema's required-only example.
ARGUMENTS: dict[str, dict[str, Any]] = {
    "CAL_UPDATE_ME": {"name": "Ada L."},
    "CAL_GET_EVENT_TYPE": {"eventTypeId": 1}, "CAL_UPDATE_EVENT_TYPE": {"eventTypeId": 1, "title": "Chat"},
    "CAL_DELETE_EVENT_TYPE": {"eventTypeId": 1},
    "CAL_CREATE_EVENT_TYPE": {"slug": "contract-check"},
    **{name: TEAM for name in ("CAL_LIST_TEAM_EVENT_TYPES", "CAL_GET_TEAM", "CAL_UPDATE_TEAM", "CAL_DELETE_TEAM",
                               "CAL_LIST_TEAM_MEMBERSHIPS")},
    "CAL_CREATE_TEAM_EVENT_TYPE": {**TEAM, "slug": "team-contract", "schedulingType": "collective",
                                   "assignAllTeamMembers": True},
    "CAL_GET_TEAM_EVENT_TYPE": {**TEAM, "eventTypeId": 5}, "CAL_UPDATE_TEAM_EVENT_TYPE": {**TEAM, "eventTypeId": 5},
    "CAL_DELETE_TEAM_EVENT_TYPE": {**TEAM, "eventTypeId": 5},
    "CAL_CREATE_TEAM_EVENT_TYPE_PHONE_CALL": {**TEAM, "eventTypeId": 5},
    "CAL_CREATE_ORG_TEAM_EVENT_TYPE": {**ORG_TEAM, "slug": "org-contract", "schedulingType": "collective",
                                       "assignAllTeamMembers": True},
    **{name: {**ORG_TEAM, "eventTypeId": 6} for name in (
        "CAL_GET_ORG_TEAM_EVENT_TYPE", "CAL_UPDATE_ORG_TEAM_EVENT_TYPE", "CAL_DELETE_ORG_TEAM_EVENT_TYPE",
        "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PHONE_CALL")},
    "CAL_LIST_AVAILABLE_SLOTS": {"eventTypeId": 2, "start": "2030-03-05", "end": "2030-03-08"},
    "CAL_RESERVE_SLOT": _SLOT,
    "CAL_CREATE_BOOKING": _MEETING,
    **{name: {"bookingUid": _UID} for name in ("CAL_GET_BOOKING", "CAL_MARK_BOOKING_ABSENT",
                                               "CAL_REASSIGN_BOOKING", "CAL_CONFIRM_BOOKING", "CAL_DECLINE_BOOKING")},
    "CAL_CANCEL_BOOKING": {"bookingUid": _UID, "cancellationReason": "Plans changed"},  # the host gives a reason
    "CAL_RESCHEDULE_BOOKING": {"bookingUid": _UID, "start": "2030-03-07T15:00:00Z"},
    **{name: {"bookingUid": _UID} for name in ("CAL_GET_BOOKING_CALENDAR_LINKS", "CAL_LIST_BOOKING_REFERENCES")},
    **{name: {"bookingUid": _PAST_UID} for name in ("CAL_LIST_BOOKING_RECORDINGS", "CAL_LIST_BOOKING_TRANSCRIPTS")},
    "CAL_LIST_ORG_TEAM_BOOKINGS": ORG_TEAM,
    "CAL_LIST_ORG_TEAM_BOOKING_REFERENCES": {**ORG_TEAM, "bookingUid": _UID},
    "CAL_LIST_ORG_USER_BOOKINGS": {**ORG, "userId": 1},
    "CAL_UPDATE_SLOT_RESERVATION": {**_SLOT, "slotStart": "2030-03-07T12:30:00Z"},
    "CAL_UPDATE_CALENDAR_EVENT": {"title": "Renamed in the calendar"},
    "CAL_REASSIGN_BOOKING_TO_USER": {"bookingUid": _UID, "userId": 3},
    **{name: {"scheduleId": 1} for name in ("CAL_GET_SCHEDULE", "CAL_UPDATE_SCHEDULE", "CAL_DELETE_SCHEDULE")},
    "CAL_CREATE_SCHEDULE": {"timeZone": "Europe/Berlin"},
    **{name: {**ORG, "userId": 1} for name in ("CAL_CREATE_ORG_USER_SCHEDULE", "CAL_LIST_ORG_USER_SCHEDULES",
                                                "CAL_UPDATE_ORG_USER", "CAL_DELETE_ORG_USER",
                                                "CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS")},
    "CAL_CREATE_ORG_USER_SCHEDULE": {**ORG, "userId": 2, "timeZone": "Europe/Berlin"},
    "CAL_DELETE_ORG_USER": {**ORG, "userId": 2},
    **{name: {**ORG, "userId": 1, "scheduleId": 1} for name in (
        "CAL_GET_ORG_USER_SCHEDULE", "CAL_UPDATE_ORG_USER_SCHEDULE", "CAL_DELETE_ORG_USER_SCHEDULE")},
    "CAL_LIST_ORG_TEAM_USER_SCHEDULES": {**ORG_TEAM, "userId": 2},
    "CAL_LIST_TEAM_SCHEDULES": TEAM, "CAL_LIST_ORG_TEAM_SCHEDULES": ORG_TEAM,
    "CAL_SAVE_ICS_FEED": {"urls": ["https://example.com/feed.ics"]},
    "CAL_LIST_BUSY_TIMES": {"loggedInUsersTz": "Europe/Berlin", "dateFrom": "2030-03-04", "dateTo": "2030-03-10",
                            "calendarsToLoad": [{"credentialId": 1, "externalId": "ada@example.com"}]},
    "CAL_GET_CALENDAR_CONNECT_URL": {"calendar": "google"},
    "CAL_SAVE_CALENDAR_CREDENTIALS": {"calendar": "google", "state": f"accessToken={API_KEY}&origin=https://app.example.com"},
    "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS": {"state": f"accessToken={API_KEY}&origin=https://app.example.com"},
    "CAL_SYNC_CALENDAR_CREDENTIALS": {"username": "ada@me.com"},
    "CAL_CHECK_CALENDAR_CONNECTION": {"calendar": "google"},
    "CAL_DISCONNECT_CALENDAR": {"calendar": "office365", "id": 2},
    **{name: {"integration": "google_calendar", "externalId": "ada@example.com", "credentialId": 1}
       for name in ("CAL_ADD_SELECTED_CALENDAR", "CAL_REMOVE_SELECTED_CALENDAR")},
    "CAL_UPDATE_DESTINATION_CALENDAR": {"integration": "office365_calendar", "externalId": "ada@outlook.stand-in"},
    "CAL_SAVE_CONFERENCING_CREDENTIALS": {"state": json.dumps({"returnTo": "https://app.example.com/ok",
                                                               "accessToken": API_KEY})},
    "CAL_SET_DEFAULT_CONFERENCING_APP": {"app": "zoom"},
    "CAL_DISCONNECT_CONFERENCING_APP": {"app": "zoom"},
    "CAL_SAVE_STRIPE_CREDENTIALS": {"state": json.dumps({"returnTo": "https://app.example.com/paid",
                                                          "accessToken": API_KEY})},
    "CAL_CHECK_TEAM_STRIPE_CONNECTION": ORG_TEAM,
    **{name: {**CLIENT, "userId": 4} for name in ("CAL_GET_MANAGED_USER", "CAL_UPDATE_MANAGED_USER",
                                                  "CAL_DELETE_MANAGED_USER", "CAL_FORCE_REFRESH_MANAGED_USER_TOKENS")},
    "CAL_REFRESH_MANAGED_USER_TOKENS": {**CLIENT, "refreshToken": MANAGED_REFRESH_TOKEN},
    "CAL_CREATE_TEAM_MEMBERSHIP": {**TEAM, "userId": 4},
    **{name: ORG_TEAM for name in ("CAL_GET_ORG_TEAM", "CAL_UPDATE_ORG_TEAM", "CAL_DELETE_ORG_TEAM",
                                   "CAL_LIST_ORG_TEAM_EVENT_TYPES", "CAL_LIST_ORG_TEAM_MEMBERSHIPS")},
    "CAL_CREATE_ORG_TEAM_MEMBERSHIP": {**ORG_TEAM, "userId": 3},  # after joining the organization, below
    **{name: {**ORG_TEAM, "membershipId": 7} for name in (
        "CAL_GET_ORG_TEAM_MEMBERSHIP", "CAL_UPDATE_ORG_TEAM_MEMBERSHIP", "CAL_DELETE_ORG_TEAM_MEMBERSHIP")},
    "CAL_CREATE_ORG_MEMBERSHIP": {**ORG, "userId": 3},
    "CAL_CREATE_ORG_USER": {**ORG, "email": "new.member@example.com"},
    **{name: {**ORG, "attributeId": "1", "optionId": "1"} for name in (
        "CAL_GET_ORG_ATTRIBUTE", "CAL_LIST_ORG_ATTRIBUTE_OPTIONS", "CAL_UPDATE_ORG_ATTRIBUTE",
        "CAL_DELETE_ORG_ATTRIBUTE", "CAL_CREATE_ORG_ATTRIBUTE_OPTION",
        "CAL_UPDATE_ORG_ATTRIBUTE_OPTION", "CAL_DELETE_ORG_ATTRIBUTE_OPTION")},
    "CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER": {**ORG, "userId": 2, "attributeId": "1", "attributeOptionId": "2"},
    "CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER": {**ORG, "userId": 1, "attributeOptionId": "1"},
    **{name: ORG_TEAM for name in ("CAL_LIST_ORG_TEAM_ROUTING_FORMS", "CAL_LIST_ORG_TEAM_WORKFLOWS",
                                   "CAL_CREATE_ORG_TEAM_INVITE_LINK", "CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL")},
    "CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS": {**ORG_TEAM, "state": json.dumps({"returnTo": "https://app.example.com/paid",
                                                                              "accessToken": API_KEY})},
    "CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS": {**ORG_TEAM, "state": json.dumps({
        "returnTo": "https://app.example.com/ok", "accessToken": API_KEY})},
    **{name: {**ORG_TEAM, "app": "google-meet"} for name in (
        "CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", "CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP")},
    **{name: {**ORG_TEAM, "app": "daily-video"} for name in (
        "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP",
        "CAL_LIST_ORG_TEAM_CONFERENCING_APPS")},
    "CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL": ORG_TEAM,
    **{name: {**ORG_TEAM, "workflowId": 1} for name in (
        "CAL_GET_ORG_TEAM_WORKFLOW", "CAL_UPDATE_ORG_TEAM_WORKFLOW", "CAL_DELETE_ORG_TEAM_WORKFLOW")},
    "CAL_CREATE_ORG_TEAM_WORKFLOW": {**ORG_TEAM, "activation": {"isActiveOnAllEventTypes": False,
                                                                "activeOnEventTypeIds": [6]}},
    **{name: {**ORG_TEAM, **_FORM, **_DEMO} for name in (
        "CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", "CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE",
        "CAL_CALCULATE_ROUTING_FORM_SLOTS")},
    **{name: {**ORG_TEAM, **_FORM, "responseId": 1, "response": {"b1e2c3d4-0002-4a00-8000-000000000002": {
        "label": "Email", "value": "grace.hopper@example.com"}}} for name in (
        "CAL_LIST_ORG_ROUTING_FORM_RESPONSES", "CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE",
        "CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES", "CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE")},
    **{name: {"eventTypeId": 2} for name in (
        "CAL_LIST_EVENT_TYPE_PRIVATE_LINKS", "CAL_CREATE_EVENT_TYPE_PRIVATE_LINK", "CAL_UPDATE_EVENT_TYPE_PRIVATE_LINK",
        "CAL_DELETE_EVENT_TYPE_PRIVATE_LINK")},
    **{name: {**ORG_TEAM, "eventTypeId": 6} for name in (
        "CAL_LIST_ORG_TEAM_EVENT_TYPE_PRIVATE_LINKS", "CAL_CREATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK",
        "CAL_UPDATE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK", "CAL_DELETE_ORG_TEAM_EVENT_TYPE_PRIVATE_LINK")},
    **{name: {**ORG, "userId": 2, **_AWAY} for name in (
        "CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", "CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY",
        "CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY", "CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY")},
    "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS": {**ORG, "attributeId": "1"},
    "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG": {**ORG, "attributeSlug": "department"},
    "CAL_CREATE_ORG_DELEGATION_CREDENTIAL": _DELEGATION,
    **{name: {"eventTypeId": 2} for name in (
        "CAL_LIST_EVENT_TYPE_WEBHOOKS", "CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS", "CAL_GET_EVENT_TYPE_WEBHOOK",
        "CAL_UPDATE_EVENT_TYPE_WEBHOOK", "CAL_DELETE_EVENT_TYPE_WEBHOOK")},
    **{name(scope, kind): ids for scope, (ids, _) in _VERIFIED.items() for kind in _VERIFIED_KINDS
       for name in (verified.list_name, verified.send_name, verified.verify_name)},
    **{verified.get_name(scope, kind): {**ids, "id": seeded} for scope, (ids, seeded) in _VERIFIED.items()
       for kind in _VERIFIED_KINDS},
}  # fmt: skip
# The scope of the seeded webhook an action's ``webhookId`` names, by the name's scope word.
WEBHOOK_SCOPES = {"_EVENT_TYPE_WEBHOOK": "eventType", "_ORG_WEBHOOK": "org", "_OAUTH_CLIENT_WEBHOOK": "oauthClient"}

# The live document's response-schema errors, named as in reference/README.md ("Where the live document's response
# schemas are wrong"), each with why it is wrong; PATCHES below corrects each where it sits.
REASONS = {
    "webhook ids": "webhook ids are UUID strings, typed as numbers",
    "webhook triggers": "triggers are event names, their items typed as objects",
    "schedule times": "start and end times carry the placeholder pattern TIME_FORMAT_HH_MM",
    "schedule days": "the weekday enum sits on the days array instead of its items",
    "event-type locations": "an integration location matches two oneOf branches (every type enum lists all kinds)",
    "team event type hosts": "team event types list their hosts as objects, typed as strings",
    "event-type team": "an event type's team requires every profile field, though unset ones are left out",
    "membership lists": "team and organization membership lists are typed as one membership",
    "membership attributes": "text and single-select attributes have the same shape, so one matches two oneOf branches",
    "reassignment": "the reassignment data refers back to the whole response envelope",
    "destination calendar id": "the destination calendar's id is a number, typed as an object",
    "slots": "the slots answer lacks its envelope and types slot objects as strings",
    "stripe check": "the team Stripe check types status as an object; it is the string success",
    "verified resources": "the verified email and phone answers type their data as a schedule",
    "OAuth callbacks": "OAuth callbacks answer with a 301 to the app, not a 200 body",
    "success status": "the calendar-links and booking-references answers type status as an object",
    "reserved slot": "the reserved slot's data refers back to the whole response envelope",
    "assigned user ids": "the holders of an attribute option are user ids, numbers, typed as strings",
    "event-type users": "an event type's users are objects (id, name, username…), typed as strings",
    "redirect parameters": "forwardParamsSuccessRedirect is a boolean, typed as an object",
    "booking window": "an event type's booking window is one window (or disabled), typed as a list of them",
    "event-type seats": "an event type without seats answers seats disabled, which the document lacks",
    "unset fields": "a team's, a member's, a webhook's and a booking's unset fields are null, typed as never null",
    "routing form routes and fields": "a routing form's routes and fields are arrays, typed as objects",
    "routing form response lists": "the response lists are typed as one response",
    "routing form responses": "routedToBookingUid is null until the response leads to a booking",
    "routing form slots": "the slots alternatives are two empty objects, so every answer matches both and oneOf fails",
    "workflow answers": "one workflow is typed as a list of workflows",
    "workflow calendar-event flag": "a step's includeCalendarEvent is a boolean, typed as an object",
    "team conferencing apps": "an organization team's app belongs to no user: userId is null",
}
TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEBHOOK_OUTPUTS = ("UserWebhookOutputDto", "EventTypeWebhookOutputDto", "TeamWebhookOutputDto",
                   "OAuthClientWebhookOutputDto")
SCHEDULE_TIMES = [(schema, field) for schema in ("ScheduleAvailabilityInput_2024_06_11",
                                                 "ScheduleOverrideInput_2024_06_11")
                  for field in ("startTime", "endTime")]  # fmt: skip
BOOKING_OUTPUTS = [f"{kind}_2024_08_13" for kind in (
    "BookingOutput", "RecurringBookingOutput", "CreateSeatedBookingOutput", "CreateRecurringSeatedBookingOutput",
    "GetSeatedBookingOutput", "GetRecurringSeatedBookingOutput")]
DISABLED = {"type": "object", "required": ["disabled"], "properties": {"disabled": {"type": "boolean"}}}
BOOKING_WINDOW = {"anyOf": [
    {"$ref": f"#/components/schemas/{window}_2024_06_14"} for window in (
        "BusinessDaysWindow", "CalendarDaysWindow", "RangeWindow")] + [
    DISABLED]}
EVENT_TYPE_USER = {"type": "object", "required": ["id", "username"], "properties": {
    "id": {"type": "number"}, "name": {"type": ["string", "null"]}, "username": {"type": ["string", "null"]},
    "avatarUrl": {"type": ["string", "null"]}, "brandColor": {"type": ["string", "null"]},
    "darkBrandColor": {"type": ["string", "null"]}, "weekStart": {"type": "string"}, "metadata": {"type": "object"}}}
HOST = {"type": "object", "required": ["userId"], "properties": {
    "userId": {"type": "number"}, "name": {"type": "string"}, "avatarUrl": {"type": ["string", "null"]},
    "mandatory": {"type": "boolean"}, "priority": {"type": "string"}}}
REASSIGNED = {"type": "object", "required": ["bookingUid", "reassignedTo"], "properties": {
    "bookingUid": {"type": "string"}, "reassignedTo": {"$ref": "#/components/schemas/ReassignedToDto"}}}
SLOT = {"type": "object", "required": ["start"], "properties": {
    "start": {"type": "string"}, "end": {"type": "string"}, "attendeesCount": {"type": "number"},
    "bookingUid": {"type": "string"}}}
SUCCESS = {"type": "string", "enum": ["success"]}
RESERVED_SLOT = {"nullable": True, "type": "object", "required": [
    "eventTypeId", "slotStart", "slotEnd", "slotDuration", "reservationUid", "reservationUntil"], "properties": {
    "eventTypeId": {"type": "number"}, "slotStart": {"type": "string"}, "slotEnd": {"type": "string"},
    "slotDuration": {"type": "number"}, "reservationUid": {"type": "string"}, "reservationUntil": {"type": "string"}}}
SLOT_MAP = {"type": "object", "additionalProperties": {"type": "array", "items": SLOT}}
SLOTS = {"type": "object", "required": ["status", "data"], "properties": {
    "status": {"type": "string", "enum": ["success"]}, "data": SLOT_MAP}}
RESPONSE = "/components/schemas/RoutingFormResponseOutput"

def _verified(address: str, owner: str) -> dict[str, Any]:
    """A verified email address or phone number: a user's names its user, a team's its team (and maybe a user)."""
    properties = {"id": {"type": "number"}, address: {"type": "string"}, "userId": {"type": "number"}}
    if owner == "teamId":
        properties |= {"teamId": {"type": "number"}, "userId": {"type": "number", "nullable": True}}
    return {"type": "object", "required": ["id", address, owner], "properties": properties}


# (output schema, its record, whether data is a list of them)
VERIFIED_OUTPUTS = [(f"{scope}Verified{kind}{plural}Output", _verified(address, f"{scope.lower()}Id"), plural)
                    for scope in ("User", "Team") for kind, address in (("Email", "email"), ("Phone", "phoneNumber"))
                    for plural in ("", "s")]  # fmt: skip


def _all_nullable(properties: dict[str, Any]) -> dict[str, Any]:
    return {name: {**schema, "nullable": True} for name, schema in properties.items()}


def _one_of_as_any_of(node: dict[str, Any]) -> dict[str, Any]:
    return {**{key: value for key, value in node.items() if key != "oneOf"}, "anyOf": node["oneOf"]}


# (name in REASONS, JSON pointer in the live document, replacement or a function of the node it replaces)
PATCHES: list[tuple[str, str, Any]] = [
    *[("webhook ids", f"/components/schemas/{dto}/properties/id", {"type": "string", "format": "uuid"})
      for dto in WEBHOOK_OUTPUTS],
    *[("webhook triggers", f"/components/schemas/{dto}/properties/triggers/items", {"type": "string"})
      for dto in WEBHOOK_OUTPUTS],
    *[("schedule times", f"/components/schemas/{schema}/properties/{field}", TIME)
      for schema, field in SCHEDULE_TIMES],
    ("schedule days", "/components/schemas/ScheduleAvailabilityInput_2024_06_11/properties/days",
     {"type": "array", "items": {"type": "string", "enum": WEEKDAYS}}),
    *[("event-type locations", f"/components/schemas/{output}/properties/locations/items", _one_of_as_any_of)
      for output in ("EventTypeOutput_2024_06_14", "TeamEventTypeOutput_2024_06_14")],
    ("team event type hosts", "/components/schemas/TeamEventTypeOutput_2024_06_14/properties/hosts/items", HOST),
    ("event-type users", "/components/schemas/EventTypeOutput_2024_06_14/properties/users/items", EVENT_TYPE_USER),
    *[("redirect parameters", f"/components/schemas/{output}/properties/forwardParamsSuccessRedirect",
       {"type": "boolean", "nullable": True})
      for output in ("EventTypeOutput_2024_06_14", "TeamEventTypeOutput_2024_06_14")],
    *[("booking window", f"/components/schemas/{output}/properties/bookingWindow", BOOKING_WINDOW)
      for output in ("EventTypeOutput_2024_06_14", "TeamEventTypeOutput_2024_06_14")],
    *[("unset fields", f"/components/schemas/{output}/properties", _all_nullable)
      for output in ("OrgTeamOutputDto", "TeamOutputDto", "MembershipUserOutputDto")],
    *[("unset fields", f"/components/schemas/{dto}/properties/secret", {"type": "string", "nullable": True})
      for dto in WEBHOOK_OUTPUTS],
    *[("unset fields", f"/components/schemas/{output}/properties/rating", {"type": "number", "nullable": True})
      for output in BOOKING_OUTPUTS],
    *[("event-type seats", f"/components/schemas/{output}/properties/seats",
       {"anyOf": [{"$ref": "#/components/schemas/Seats_2024_06_14"}, DISABLED]})
      for output in ("EventTypeOutput_2024_06_14", "TeamEventTypeOutput_2024_06_14")],
    ("event-type team", "/components/schemas/EventTypeTeam/required", ["id"]),
    ("membership lists", "/components/schemas/GetTeamMembershipsOutput/properties/data",
     {"type": "array", "items": {"$ref": "#/components/schemas/TeamMembershipOutput"}}),
    ("membership lists", "/components/schemas/GetAllOrgMemberships/properties/data",
     {"type": "array", "items": {"$ref": "#/components/schemas/OrganizationMembershipOutput"}}),
    ("membership attributes", "/components/schemas/OrganizationMembershipOutput/properties/attributes/items",
     _one_of_as_any_of),
    ("reassignment", "/components/schemas/ReassignBookingOutput_2024_08_13/properties/data", REASSIGNED),
    ("destination calendar id", "/components/schemas/DestinationCalendar/properties/id", {"type": "number"}),
    ("slots", "/paths/~1v2~1slots/get/responses/200/content/application~1json/schema", SLOTS),
    ("stripe check", "/components/schemas/StripCredentialsCheckOutputResponseDto/properties/status",
     {"type": "string", "enum": ["success", "error"]}),
    *[("verified resources", f"/components/schemas/{output}/properties/data",
       {"type": "array", "items": record} if plural else record) for output, record, plural in VERIFIED_OUTPUTS],
    *[("success status", f"/components/schemas/{output}/properties/status", SUCCESS)
      for output in ("CalendarLinksOutput_2024_08_13", "BookingReferencesOutput_2024_08_13")],
    ("reserved slot", "/components/schemas/GetReservedSlotOutput_2024_09_04/properties/data", RESERVED_SLOT),
    ("assigned user ids", "/components/schemas/AssignedOptionOutput/properties/assignedUserIds/items",
     {"type": "number"}),
    *[("routing form routes and fields", f"/components/schemas/RoutingFormOutput/properties/{field}",
       {"type": "array", "items": {"type": "object"}, "nullable": True}) for field in ("routes", "fields")],
    ("routing form response lists", "/components/schemas/GetRoutingFormResponsesOutput/properties/data",
     {"type": "array", "items": {"$ref": f"#{RESPONSE}"}}),
    ("routing form responses", f"{RESPONSE}/properties/routedToBookingUid", {"type": "string", "nullable": True}),
    *[("routing form slots", f"/components/schemas/{output}/properties/slots", SLOT_MAP)
      for output in ("CreateRoutingFormResponseOutputData", "ResponseSlotsOutputData")],
    ("workflow answers", "/components/schemas/GetWorkflowOutput/properties/data",
     {"$ref": "#/components/schemas/WorkflowOutput"}),
    ("workflow calendar-event flag", "/components/schemas/WorkflowStepOutputDto/properties/includeCalendarEvent",
     {"type": "boolean"}),
    ("team conferencing apps", "/components/schemas/ConferencingAppsOutputDto/properties/userId",
     {"type": "number", "nullable": True}),
]  # fmt: skip
# The "OAuth callbacks": their success is a redirect, checked as such.
REDIRECTS = {"CAL_SAVE_CALENDAR_CREDENTIALS", "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS",
             "CAL_SAVE_CONFERENCING_CREDENTIALS", "CAL_SAVE_STRIPE_CREDENTIALS",
             "CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS", "CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS"}  # fmt: skip
# Actions a managed user's access token calls (the route checks the token belongs to the client).
AS_MANAGED_USER = {"CAL_VERIFY_PROVIDER_ACCESS_TOKEN"}
SPEC_URI = "urn:cal-actions:spec"


def _patch(spec: dict[str, Any], pointer: str, replacement: Any) -> None:
    """Replace the node at ``pointer``, which must exist (a patch to nothing means the list is stale)."""
    *parents, last = [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
    node: Any = spec
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    key = int(last) if isinstance(node, list) else last
    old = node[key]  # a KeyError here: the patch points at nothing
    node[key] = replacement(old) if callable(replacement) else replacement


@functools.cache
def _registry(live: bool) -> Registry:
    spec = copy.deepcopy(load_spec(LIVE_SPEC if live else PINNED_SPEC))
    for _, pointer, replacement in PATCHES if live else ():
        _patch(spec, pointer, replacement)
    resource = Resource.from_contents(openapi_to_jsonschema(spec), default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


@functools.cache
def _validator(live: bool, pointer: str) -> Draft202012Validator:
    """One validator per response schema, resolving references inside its (patched) document."""
    schema = {"$ref": f"{SPEC_URI}#{pointer}"}
    checker = Draft202012Validator.FORMAT_CHECKER  # webhook ids must be UUIDs, not just strings
    return Draft202012Validator(schema, registry=_registry(live), format_checker=checker)


def _on_live(action: Action) -> bool:
    """Whether the action's answer is checked against the live document: every action but the legacy ones."""
    return not action.legacy


def _response(action: Action) -> tuple[int, str | None]:
    """The documented success status and the JSON pointer of its body schema (None: the document gives none)."""
    spec = load_spec(LIVE_SPEC if _on_live(action) else PINNED_SPEC)
    found = find_operation(spec, action.method, action.path)
    assert found is not None
    template, operation = found
    code, response = next((code, r) for code, r in operation["responses"].items() if code.startswith("2"))
    if "schema" not in response.get("content", {}).get("application/json", {}):
        return int(code), None
    escaped = template.replace("~", "~0").replace("/", "~1")
    return int(code), f"/paths/{escaped}/{action.method.lower()}/responses/{code}/content/application~1json/schema"


def _arguments(action: Action, emulator: Sandbox) -> dict[str, Any]:
    arguments = {**example_arguments(action.json_schema()), **CLIENT, **ORG}
    arguments.update(ARGUMENTS.get(action.name, {}))
    arguments = {key: value for key, value in arguments.items() if key in action.placement}
    pending = action.name in ("CAL_CONFIRM_BOOKING", "CAL_DECLINE_BOOKING")
    wanted = "pending" if pending else "accepted"
    upcoming = next(b for b in emulator.read("booking") if b["status"] == wanted and b["start"] > "2030-03-04")
    if arguments.get("bookingUid") == _UID:
        arguments["bookingUid"] = upcoming["uid"]
    if "eventUid" in action.placement:  # the upcoming booking's event in the connected Google Calendar
        arguments["eventUid"] = next(r["uid"] for r in upcoming["references"] if r["type"] == "google_calendar")
    if arguments.get("bookingUid") == _PAST_UID:
        past = next(b for b in emulator.read("booking") if b["status"] == "accepted" and b["end"] < "2030-03-04")
        arguments["bookingUid"] = past["uid"]
    if "webhookId" in action.placement:
        scope = next((scope for word, scope in WEBHOOK_SCOPES.items() if action.name.endswith(word)), "user")
        arguments["webhookId"] = next(hook["id"] for hook in emulator.read("webhook") if hook["scope"] == scope)
    if action.name in ("CAL_REASSIGN_BOOKING", "CAL_REASSIGN_BOOKING_TO_USER"):  # a round-robin booking
        arguments["bookingUid"] = _prepare(emulator, "CAL_CREATE_BOOKING", {**_MEETING, "eventTypeId": 5})["uid"]
    if action.name == "CAL_CREATE_ORG_TEAM_MEMBERSHIP":
        _prepare(emulator, "CAL_CREATE_ORG_MEMBERSHIP", {**ORG, "userId": 3, "role": "MEMBER", "accepted": True})
    if action.name == "CAL_CHECK_ICS_FEED":
        _prepare(emulator, "CAL_SAVE_ICS_FEED", ARGUMENTS["CAL_SAVE_ICS_FEED"])
    if "verified-resources" in action.tags and "code" in action.placement:  # the code the send action delivered
        send = action.name.replace("CAL_VERIFY_", "CAL_SEND_") + "_VERIFICATION_CODE"
        _prepare(emulator, send, {key: value for key, value in arguments.items() if key != "code"})
        arguments["code"] = code_sent_to(emulator, arguments.get("email") or arguments["phone"])
    if action.name in ("CAL_LIST_ORG_TEAM_CONFERENCING_APPS", "CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP"):
        _prepare(emulator, "CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**ORG_TEAM, "app": "google-meet"})
    if action.name == "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP":
        _prepare(emulator, "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", {**ORG_TEAM, "app": "daily-video"})
    if action.name in ("CAL_GET_SLOT_RESERVATION", "CAL_UPDATE_SLOT_RESERVATION", "CAL_DELETE_SLOT_RESERVATION"):
        arguments["uid"] = _prepare(emulator, "CAL_RESERVE_SLOT", _SLOT)["reservationUid"]
    if "linkId" in action.placement:  # the seeded link of that event type
        links = emulator.read("private_link")
        arguments["linkId"] = next(link["id"] for link in links if link["eventTypeId"] == arguments["eventTypeId"])
    if "oooId" in action.placement:
        created = _prepare(emulator, "CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**ORG, "userId": 2, **_AWAY})
        arguments["oooId"] = created["id"]
        if "start" in action.placement:  # other days: the same ones again are a duplicate
            arguments.update(start="2030-05-01T00:00:00Z", end="2030-05-02T00:00:00Z")
    if "managedOrganizationId" in action.placement:
        arguments["managedOrganizationId"] = _prepare(emulator, "CAL_CREATE_MANAGED_ORG", {**ORG, "name": "Acme"})["id"]
    if action.name == "CAL_UPDATE_ORG_DELEGATION_CREDENTIAL":
        created = _prepare(emulator, "CAL_CREATE_ORG_DELEGATION_CREDENTIAL", {**ORG, **_DELEGATION})
        arguments["credentialId"] = created["id"]
    return arguments


def _prepare(emulator: Sandbox, name: str, arguments: dict[str, Any]) -> Any:
    """A prerequisite call; it must succeed for the call under test to mean anything."""
    result = Cal.sandbox(emulator).execute(name, arguments)
    assert result.successful, result.error
    return result.data


def validate_answer(name: str, emulator: Sandbox, arguments: dict[str, Any], **settings: Any) -> None:
    """Call the action on ``emulator``; it must succeed with the raw answer its document describes."""
    action = registry.get(name)
    answers: list[httpx.Response] = []
    handle = emulator.handle

    def recording(request: httpx.Request) -> httpx.Response:
        answers.append(handle(request))
        return answers[-1]

    emulator.handle = recording  # type: ignore[method-assign]
    try:
        result = Cal.sandbox(emulator, **settings).execute(name, arguments)
    finally:
        emulator.handle = handle  # type: ignore[method-assign]
    assert result.successful, result.error
    raw = answers[-1]
    if name in REDIRECTS:
        assert raw.status_code == 301 and raw.headers["location"].startswith("https://")
        return
    status, pointer = _response(action)
    assert raw.status_code == status
    if pointer is not None:
        _validator(_on_live(action), pointer).validate(json.loads(raw.content))


@pytest.mark.parametrize("action", list(registry), ids=lambda action: action.name)
def test_action_is_served_as_documented(action: Action) -> None:
    emulator = Sandbox(now=NOW, deliver=False)
    settings = {"api_key": "", "access_token": MANAGED_ACCESS_TOKEN} if action.name in AS_MANAGED_USER else {}
    validate_answer(action.name, emulator, _arguments(action, emulator), **settings)


def test_every_patch_is_a_listed_error_of_the_document() -> None:
    readme = (REFERENCE / "README.md").read_text()
    section = readme.split("## Where the live document's response schemas are wrong", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^- \*\*(.+?)\*\*", section, flags=re.MULTILINE))
    assert listed == set(REASONS)
    assert {name for name, *_ in PATCHES} == set(REASONS) - {"OAuth callbacks"}
    for live in (False, True):
        _registry.__wrapped__(live)  # every pointer reaches an existing node, or this raises
