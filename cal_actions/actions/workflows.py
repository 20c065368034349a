"""Workflows of an organization team: reminders and follow-ups (email, SMS, WhatsApp) sent when a booking event
fires or at an offset from the meeting.

A trigger and each step are typed unions keyed by ``type`` and ``action``: a model sees every shape, and a step
with another shape's fields (an SMS with an HTML body, an offset on a new-booking trigger) is refused before
anything is sent.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Tag

from cal_actions.action import Params, Route, declare, literal_discriminator
from cal_actions.actions._paths import OrgTeamPath, Page

TAGS = ("workflows", "orgs", "teams")
PATH = "/v2/organizations/{orgId}/teams/{teamId}/workflows"


class TriggerOffset(Params):
    value: int = Field(ge=0)
    # Server: apps/api/v2/src/modules/workflows/inputs/workflow-trigger.input.ts takes hour, minute or day as a
    # string; the document types unit as an object.
    unit: Literal["hour", "minute", "day"]


class TimedTrigger(Params):
    type: Literal["beforeEvent", "afterEvent", "afterHostsCalVideoNoShow", "afterGuestsCalVideoNoShow"] = Field(
        description="Before/after the meeting's start/end, or after a Cal Video no-show"
    )
    offset: TriggerOffset


class BookingTrigger(Params):
    type: Literal[
        "newEvent", "eventCancelled", "rescheduleEvent", "bookingRequested", "bookingRejected",
        "bookingPaymentInitiated", "bookingPaid", "bookingNoShowUpdated",
    ] = Field(description="The booking change that fires the workflow at once")  # fmt: skip


Trigger = Annotated[
    Annotated[TimedTrigger, Tag("TimedTrigger")] | Annotated[BookingTrigger, Tag("BookingTrigger")],
    literal_discriminator("type", TimedTrigger, BookingTrigger),
]


class HtmlMessage(Params):
    subject: str
    html: str = Field(description="HTML; variables like {EVENT_NAME}, {ATTENDEE}")


class TextMessage(Params):
    subject: str
    text: str = Field(description="Text; variables like {EVENT_NAME}, {START_TIME_h:mma}")


class _Step(Params):
    stepNumber: int = Field(ge=1)
    recipient: Literal["const", "attendee", "email", "phone_number"] = Field(description="const is the host")
    template: Literal["reminder", "custom", "rescheduled", "completed", "rating", "cancelled"] = Field(
        description="custom: the message as written"
    )
    sender: str  # the sender's name


class EmailStep(_Step):
    action: Literal["email_host", "email_attendee"]
    # Server: workflow-step.input.ts validates a boolean; the document types it as an object.
    includeCalendarEvent: bool
    message: HtmlMessage


class EmailAddressStep(_Step):
    action: Literal["email_address"]
    verifiedEmailId: int = Field(description="From CAL_LIST_ORG_TEAM_VERIFIED_EMAILS")
    includeCalendarEvent: bool
    message: HtmlMessage


class TextStep(_Step):
    action: Literal["sms_attendee", "whatsapp_attendee"]
    message: TextMessage


class TextNumberStep(_Step):
    action: Literal["sms_number", "whatsapp_number"]
    verifiedPhoneId: int = Field(description="From CAL_LIST_ORG_TEAM_VERIFIED_PHONES")
    message: TextMessage


Step = Annotated[
    Annotated[EmailStep, Tag("EmailStep")]
    | Annotated[EmailAddressStep, Tag("EmailAddressStep")]
    | Annotated[TextStep, Tag("TextStep")]
    | Annotated[TextNumberStep, Tag("TextNumberStep")],
    literal_discriminator("action", EmailStep, EmailAddressStep, TextStep, TextNumberStep),
]


class _StepId(Params):
    id: int | None = Field(None, description="Existing step's id; omit for a new step")


class EmailStepUpdate(EmailStep, _StepId):
    pass


class EmailAddressStepUpdate(EmailAddressStep, _StepId):
    pass


class TextStepUpdate(TextStep, _StepId):
    pass


class TextNumberStepUpdate(TextNumberStep, _StepId):
    pass


StepUpdate = Annotated[
    Annotated[EmailStepUpdate, Tag("EmailStepUpdate")]
    | Annotated[EmailAddressStepUpdate, Tag("EmailAddressStepUpdate")]
    | Annotated[TextStepUpdate, Tag("TextStepUpdate")]
    | Annotated[TextNumberStepUpdate, Tag("TextNumberStepUpdate")],
    literal_discriminator("action", EmailStepUpdate, EmailAddressStepUpdate, TextStepUpdate, TextNumberStepUpdate),
]


class Activation(Params):
    isActiveOnAllEventTypes: bool = Field(description="Run for every event type of the team")
    activeOnEventTypeIds: list[int] | None = Field(
        None, description="Otherwise these, from CAL_LIST_ORG_TEAM_EVENT_TYPES"
    )


class WorkflowFields(Params):
    name: str
    activation: Activation = Field(description="Which event types it runs for")
    trigger: Trigger = Field(description="When it runs")
    steps: list[Step] = Field(min_length=1, description="What it sends, in stepNumber order")


class WorkflowUpdateFields(Params):
    name: str | None = None
    activation: Activation | None = Field(None, description="Which event types it runs for")
    trigger: Trigger | None = Field(None, description="When it runs")
    steps: list[StepUpdate] | None = Field(
        None, min_length=1, description="Replace all steps; keep a step's id to change it in place"
    )


class OrgTeamWorkflowPath(OrgTeamPath):
    workflowId: int = Field(description="From CAL_LIST_ORG_TEAM_WORKFLOWS")


class ListOrgTeamWorkflows(Page, OrgTeamPath):
    pass


CAL_LIST_ORG_TEAM_WORKFLOWS = declare(
    "CAL_LIST_ORG_TEAM_WORKFLOWS",
    description="List an organization team's workflows (automatic emails, SMS, WhatsApp) with triggers and steps.",
    params=ListOrgTeamWorkflows,
    route=Route("GET", PATH, auth="bearer_or_platform"),
    tags=TAGS,
    examples=({"orgId": 12, "teamId": 31},),
)


class CreateOrgTeamWorkflow(WorkflowFields, OrgTeamPath):
    pass


CAL_CREATE_ORG_TEAM_WORKFLOW = declare(
    "CAL_CREATE_ORG_TEAM_WORKFLOW",
    description="Create a workflow for an organization team: a trigger (a booking change, or an offset before or "
    "after the meeting) and steps that email, SMS or WhatsApp hosts, attendees or a verified address or number.",
    params=CreateOrgTeamWorkflow,
    route=Route("POST", PATH, auth="bearer_or_platform"),
    tags=TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "name": "Reminder a day before",
         "activation": {"isActiveOnAllEventTypes": False, "activeOnEventTypeIds": [88]},
         "trigger": {"type": "beforeEvent", "offset": {"value": 24, "unit": "hour"}},
         "steps": [{"stepNumber": 1, "action": "email_attendee", "recipient": "attendee", "template": "reminder",
                    "sender": "Acme Support", "includeCalendarEvent": True,
                    "message": {"subject": "Tomorrow: {EVENT_NAME}",
                                "html": "<p>Hi {ATTENDEE}, see you at {EVENT_TIME}.</p>"}},
                   {"stepNumber": 2, "action": "sms_attendee", "recipient": "attendee", "template": "reminder",
                    "sender": "Acme", "message": {"subject": "Reminder",
                                                  "text": "{EVENT_NAME} tomorrow at {START_TIME_h:mma}"}}]},
        {"orgId": 12, "teamId": 31, "name": "Notify the desk of new bookings",
         "activation": {"isActiveOnAllEventTypes": True}, "trigger": {"type": "newEvent"},
         "steps": [{"stepNumber": 1, "action": "email_address", "recipient": "email", "template": "custom",
                    "sender": "Cal.com", "verifiedEmailId": 3, "includeCalendarEvent": False,
                    "message": {"subject": "New booking: {EVENT_NAME}",
                                "html": "<p>{ATTENDEE} booked {EVENT_NAME}.</p>"}},
                   {"stepNumber": 2, "action": "whatsapp_number", "recipient": "phone_number", "template": "custom",
                    "sender": "Acme", "verifiedPhoneId": 4,
                    "message": {"subject": "New booking", "text": "{ATTENDEE} booked {EVENT_NAME}"}}]},
    ),
)  # fmt: skip


CAL_GET_ORG_TEAM_WORKFLOW = declare(
    "CAL_GET_ORG_TEAM_WORKFLOW",
    description="Get one organization team workflow with its step ids.",
    params=OrgTeamWorkflowPath,
    route=Route("GET", PATH + "/{workflowId}", auth="bearer_or_platform"),
    tags=TAGS,
    examples=({"orgId": 12, "teamId": 31, "workflowId": 15},),
)


class UpdateOrgTeamWorkflow(WorkflowUpdateFields, OrgTeamWorkflowPath):
    pass


CAL_UPDATE_ORG_TEAM_WORKFLOW = declare(
    "CAL_UPDATE_ORG_TEAM_WORKFLOW",
    description="Change an organization team workflow; fields left out stay, steps given replace all steps.",
    params=UpdateOrgTeamWorkflow,
    route=Route("PATCH", PATH + "/{workflowId}", auth="bearer_or_platform"),
    tags=TAGS,
    examples=(
        {"orgId": 12, "teamId": 31, "workflowId": 15, "name": "Reminder two hours before",
         "trigger": {"type": "beforeEvent", "offset": {"value": 2, "unit": "hour"}}},
        {"orgId": 12, "teamId": 31, "workflowId": 15,
         "trigger": {"type": "afterEvent", "offset": {"value": 1, "unit": "day"}},
         "steps": [{"id": 301, "stepNumber": 1, "action": "email_host", "recipient": "const", "template": "completed",
                    "sender": "Acme", "includeCalendarEvent": False,
                    "message": {"subject": "How did {EVENT_NAME} go?", "html": "<p>Add your notes.</p>"}}]},
    ),
)  # fmt: skip


CAL_DELETE_ORG_TEAM_WORKFLOW = declare(
    "CAL_DELETE_ORG_TEAM_WORKFLOW",
    description="Delete an organization team workflow and its scheduled reminders.",
    params=OrgTeamWorkflowPath,
    route=Route("DELETE", PATH + "/{workflowId}", auth="bearer_or_platform"),
    tags=TAGS,
    examples=({"orgId": 12, "teamId": 31, "workflowId": 15},),
)


ACTIONS = [
    CAL_LIST_ORG_TEAM_WORKFLOWS,
    CAL_CREATE_ORG_TEAM_WORKFLOW,
    CAL_GET_ORG_TEAM_WORKFLOW,
    CAL_UPDATE_ORG_TEAM_WORKFLOW,
    CAL_DELETE_ORG_TEAM_WORKFLOW,
]
