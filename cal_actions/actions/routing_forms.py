"""Routing forms of an organization and its teams: list forms, submit answers (routed to an event type with its
free slots, a message or an external URL), read and correct stored responses, and preview a routing."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictFloat, StrictInt

from cal_actions.action import Params, Route, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath, Page
from cal_actions.actions.slots import SlotWindow

ORG_TAGS = ("routing-forms", "orgs")
TEAM_TAGS = ("routing-forms", "orgs", "teams")
ISO = "ISO 8601"

# Strict numbers: a JSON boolean must not pass as 1 or 0.
AnswerValue = str | StrictInt | StrictFloat | list[str]


class _Filters(Page):
    sortCreatedAt: Literal["asc", "desc"] | None = Field(None, description="Sort by creation")
    sortUpdatedAt: Literal["asc", "desc"] | None = Field(None, description="Sort by last update")
    afterCreatedAt: str | None = Field(None, description=f"Created at or after; {ISO}")
    beforeCreatedAt: str | None = Field(None, description=f"Created at or before; {ISO}")
    afterUpdatedAt: str | None = Field(None, description=f"Updated at or after; {ISO}")
    beforeUpdatedAt: str | None = Field(None, description=f"Updated at or before; {ISO}")


# Server: apps/api/v2/src/modules/organizations/routing-forms/inputs/get-routing-form-responses-params.input.ts
# declares routedToBookingUid on the form lists too, but their repositories ignore it.
class _FormFilters(_Filters):
    routedToBookingUid: str | None = Field(None, description="Accepted but ignored for forms")


class _ResponseFilters(_Filters):
    routedToBookingUid: str | None = Field(None, description="The response that led to this booking uid")


class ListOrgRoutingForms(_FormFilters, OrgPath):
    teamIds: list[int] | None = Field(None, description="Forms of these organization teams")


CAL_LIST_ORG_ROUTING_FORMS = declare(
    "CAL_LIST_ORG_ROUTING_FORMS",
    description="List the routing forms of every team in an organization, with their fields (ids, identifiers, "
    "options) and routes (admin). For one team use CAL_LIST_ORG_TEAM_ROUTING_FORMS.",
    params=ListOrgRoutingForms,
    route=Route("GET", "/v2/organizations/{orgId}/routing-forms"),
    tags=ORG_TAGS,
    examples=({"orgId": 12}, {"orgId": 12, "teamIds": [31], "sortCreatedAt": "desc", "take": 10}),
)


class OrgRoutingFormPath(OrgPath):
    routingFormId: str = Field(description="From CAL_LIST_ORG_ROUTING_FORMS")


class ListOrgRoutingFormResponses(_ResponseFilters, OrgRoutingFormPath):
    pass


CAL_LIST_ORG_ROUTING_FORM_RESPONSES = declare(
    "CAL_LIST_ORG_ROUTING_FORM_RESPONSES",
    description="List the stored responses of an organization's routing form: answers keyed by field id (admin).",
    params=ListOrgRoutingFormResponses,
    route=Route("GET", "/v2/organizations/{orgId}/routing-forms/{routingFormId}/responses"),
    tags=ORG_TAGS,
    examples=(
        {"orgId": 12, "routingFormId": "0f9c3e1a-7b2d-4e58-9a61-3c4d5e6f7a8b", "afterCreatedAt": "2027-03-01T00:00:00Z",
         "sortCreatedAt": "desc"},
        {"orgId": 12, "routingFormId": "0f9c3e1a-7b2d-4e58-9a61-3c4d5e6f7a8b", "routedToBookingUid": "bk_8f2c41d9e7a3"},
    ),
)  # fmt: skip


# A form's answers and the slot window of the event type they may route to.
class _Submission(SlotWindow):
    # Server: the controller reads the raw body as the answers (getRoutedUrl's query); the document declares none.
    answers: dict[str, AnswerValue] = Field(
        description="Keyed by each field's identifier (its label if it has none); options by label or id"
    )


_SLOT_QUERY = frozenset({"start", "end", "duration", "format", "timeZone", "bookingUidToReschedule"})


class _Queued(Params):
    queueResponse: bool | None = Field(None, description="Hold the response until a booking is made")


class CreateOrgRoutingFormResponse(_Queued, _Submission, OrgRoutingFormPath):
    pass


SUBMIT = (
    "Submit answers to a routing form and store the response; returns where it routes: an event type id with its "
    "free slots (book with CAL_CREATE_BOOKING), a custom message or an external URL."
)

CAL_CREATE_ORG_ROUTING_FORM_RESPONSE = declare(
    "CAL_CREATE_ORG_ROUTING_FORM_RESPONSE",
    description=f"{SUBMIT} Organization-wide form; to preview without storing use CAL_CALCULATE_ROUTING_FORM_SLOTS.",
    params=CreateOrgRoutingFormResponse,
    route=Route(
        "POST",
        "/v2/organizations/{orgId}/routing-forms/{routingFormId}/responses",
        query=_SLOT_QUERY | {"queueResponse"},
        body_map="answers",
    ),
    tags=ORG_TAGS,
    examples=(
        {"orgId": 12, "routingFormId": "0f9c3e1a-7b2d-4e58-9a61-3c4d5e6f7a8b", "start": "2027-03-04",
         "end": "2027-03-08", "timeZone": "Europe/Berlin",
         "answers": {"email": "ravi@northwind.io", "company-size": "51-200", "interests": ["Billing", "API"]}},
    ),
)  # fmt: skip


class FieldAnswer(Params):
    label: str | None = Field(None, description="The field's label")
    value: AnswerValue = Field(description="Text, number, option id, or option ids for multi-select")


class _Correction(Params):
    response: dict[str, FieldAnswer] | None = Field(None, description="Replaces every answer; keyed by field id")


class OrgRoutingFormResponsePath(OrgRoutingFormPath):
    responseId: int = Field(description="From CAL_LIST_ORG_ROUTING_FORM_RESPONSES")


class UpdateOrgRoutingFormResponse(_Correction, OrgRoutingFormResponsePath):
    pass


CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE = declare(
    "CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE",
    description="Overwrite the stored answers of an organization routing form's response (admin); it is not "
    "routed again.",
    params=UpdateOrgRoutingFormResponse,
    route=Route("PATCH", "/v2/organizations/{orgId}/routing-forms/{routingFormId}/responses/{responseId}"),
    tags=ORG_TAGS,
    examples=(
        {"orgId": 12, "routingFormId": "0f9c3e1a-7b2d-4e58-9a61-3c4d5e6f7a8b", "responseId": 915,
         "response": {"5a1b2c3d-0001-4e00-8000-00000000e3a1": {"label": "Email", "value": "ravi.patel@northwind.io"}}},
    ),
)  # fmt: skip


class ListOrgTeamRoutingForms(_FormFilters, OrgTeamPath):
    pass


CAL_LIST_ORG_TEAM_ROUTING_FORMS = declare(
    "CAL_LIST_ORG_TEAM_ROUTING_FORMS",
    description="List one organization team's routing forms with their fields and routes (team admin).",
    params=ListOrgTeamRoutingForms,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/routing-forms"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31},),
)


class OrgTeamRoutingFormPath(OrgTeamPath):
    routingFormId: str = Field(description="From CAL_LIST_ORG_TEAM_ROUTING_FORMS")


class ListOrgTeamRoutingFormResponses(_ResponseFilters, OrgTeamRoutingFormPath):
    pass


CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES = declare(
    "CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES",
    description="List the stored responses of an organization team's routing form, answers keyed by field id "
    "(team admin).",
    params=ListOrgTeamRoutingFormResponses,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31, "routingFormId": "6d2e8f40-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "take": 20},),
)


class CreateOrgTeamRoutingFormResponse(_Queued, _Submission, OrgTeamRoutingFormPath):
    pass


CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE = declare(
    "CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE",
    description=f"{SUBMIT} Form of one organization team; any team member may submit.",
    params=CreateOrgTeamRoutingFormResponse,
    route=Route(
        "POST",
        "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses",
        query=_SLOT_QUERY | {"queueResponse"},
        body_map="answers",
    ),
    tags=TEAM_TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "routingFormId": "6d2e8f40-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
         "start": "2027-03-04T00:00:00Z", "end": "2027-03-06T00:00:00Z", "queueResponse": True,
         "answers": {"email": "kenji.sato@example.jp", "seats": 40, "region": "APAC"}},
    ),
)  # fmt: skip


class OrgTeamRoutingFormResponsePath(OrgTeamRoutingFormPath):
    responseId: int = Field(description="From CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES")


class UpdateOrgTeamRoutingFormResponse(_Correction, OrgTeamRoutingFormResponsePath):
    pass


CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE = declare(
    "CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE",
    description="Overwrite the stored answers of an organization team routing form's response (team admin).",
    params=UpdateOrgTeamRoutingFormResponse,
    route=Route(
        "PATCH", "/v2/organizations/{orgId}/teams/{teamId}/routing-forms/{routingFormId}/responses/{responseId}"
    ),
    tags=TEAM_TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "routingFormId": "6d2e8f40-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "responseId": 922,
         "response": {"7c8d9e0f-0002-4e00-8000-00000000b2c4": {"label": "Seats", "value": 55}}},
    ),
)  # fmt: skip


class RoutingFormPath(Params):
    routingFormId: str = Field(description="From CAL_LIST_ORG_ROUTING_FORMS or CAL_LIST_ORG_TEAM_ROUTING_FORMS")


class CalculateRoutingFormSlots(_Submission, RoutingFormPath):
    pass


# Live API: Cal.com's controller has no auth guard (the May 2025 server answers without credentials); the
# document asks for the bearer header, which is sent.
CAL_CALCULATE_ROUTING_FORM_SLOTS = declare(
    "CAL_CALCULATE_ROUTING_FORM_SLOTS",
    description="Preview a routing form without storing a response: the event type the answers route to and its "
    "free slots. Fails when they route to a message or an external URL.",
    params=CalculateRoutingFormSlots,
    route=Route("POST", "/v2/routing-forms/{routingFormId}/calculate-slots", query=_SLOT_QUERY, body_map="answers"),
    tags=("routing-forms",),
    read_only=True,
    idempotent=True,
    hints_note="a POST that only computes: it stores nothing and returns the same routing for the same answers",
    examples=(
        {"routingFormId": "0f9c3e1a-7b2d-4e58-9a61-3c4d5e6f7a8b", "start": "2027-03-04", "end": "2027-03-05",
         "answers": {"email": "ravi@northwind.io", "company-size": "1-50"}},
    ),
)  # fmt: skip


ACTIONS = [
    CAL_LIST_ORG_ROUTING_FORMS,
    CAL_LIST_ORG_ROUTING_FORM_RESPONSES,
    CAL_CREATE_ORG_ROUTING_FORM_RESPONSE,
    CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE,
    CAL_LIST_ORG_TEAM_ROUTING_FORMS,
    CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES,
    CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE,
    CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE,
    CAL_CALCULATE_ROUTING_FORM_SLOTS,
]
