"""Webhooks of a user, an event type and an organization, and the webhook fields shared with OAuth-client ones."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from cal_actions.action import SENSITIVE, Params, Route, all_optional, declare
from cal_actions.actions._paths import EventTypePath, OrgPath, Page

WebhookTrigger = Literal[
    "BOOKING_CREATED",
    "BOOKING_PAYMENT_INITIATED",
    "BOOKING_PAID",
    "BOOKING_RESCHEDULED",
    "BOOKING_REQUESTED",
    "BOOKING_CANCELLED",
    "BOOKING_REJECTED",
    "BOOKING_NO_SHOW_UPDATED",
    "FORM_SUBMITTED",
    "MEETING_ENDED",
    "MEETING_STARTED",
    "RECORDING_READY",
    "INSTANT_MEETING",
    "RECORDING_TRANSCRIPTION_GENERATED",
    "OOO_CREATED",
    "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
    "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
    "FORM_SUBMITTED_NO_EVENT",
]


# Body of a new webhook, the same in all four scopes (class comments, not docstrings: a
# docstring would land in the tool schema of the actions that use these models directly).
class WebhookCreateFields(Params):
    subscriberUrl: str = Field(description="HTTPS URL receiving POSTed events")
    # Spec: `triggers` is typed as a single enum string (its own example is an array). Server: webhook.input.ts
    # declares it an array (IsEnum each); a lone string is refused ("triggers must be an array").
    triggers: list[WebhookTrigger] = Field(min_length=1, description="Events that fire it")
    active: bool = Field(description="false pauses delivery")
    payloadTemplate: str | None = Field(
        None,
        description="JSON with {{variables}}; omit for the default",
    )
    secret: Annotated[str | None, SENSITIVE] = Field(
        None, description="Secret that signs each delivery (X-Cal-Signature-256)"
    )


#: Body of a webhook update: the same fields, none required; only those sent change.
@all_optional
class WebhookUpdateFields(WebhookCreateFields):
    """The same fields, none required."""


# take/skip pagination of the webhook lists.
# Spec: the path `webhookId` is a string (Webhook ids are UUIDs); the outputs type `id` as a
# number, which they are not. GET/DELETE by id forget the parameter; the path is authoritative.
class UserWebhookPath(Params):
    webhookId: str = Field(description="From CAL_LIST_WEBHOOKS")


class EventTypeWebhookPath(EventTypePath):
    webhookId: str = Field(description="From CAL_LIST_EVENT_TYPE_WEBHOOKS")


class OrgWebhookPath(OrgPath):
    webhookId: str = Field(description="From CAL_LIST_ORG_WEBHOOKS")


# --- the authenticated user's own webhooks -------------------------------------------------


CAL_CREATE_WEBHOOK = declare(
    "CAL_CREATE_WEBHOOK",
    description="Create your own webhook, firing for all your event types.",
    params=WebhookCreateFields,
    route=Route("POST", "/v2/webhooks"),
    tags=("webhooks",),
    aliases=("CAL_POST_WEBHOOK_EVENT",),
    examples=(
        {"subscriberUrl": "https://hooks.acme.com/cal", "triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED",
                                                                     "BOOKING_RESCHEDULED"],
         "active": True, "secret": "whsec_5b8e2f0c9a7d4e13"},
        {"subscriberUrl": "https://hooks.acme.com/cal/meetings", "triggers": ["MEETING_ENDED"], "active": True,
         "payloadTemplate": '{"title":"{{title}}","start":"{{startTime}}"}'},
    ),
)  # fmt: skip


CAL_LIST_WEBHOOKS = declare(
    "CAL_LIST_WEBHOOKS",
    description="List your own webhooks (not event-type, organization or OAuth-client ones).",
    params=Page,
    route=Route("GET", "/v2/webhooks"),
    tags=("webhooks",),
    aliases=("CAL_RETRIEVE_WEBHOOKS_LIST",),
    examples=({}, {"take": 20, "skip": 20}),
)


CAL_GET_WEBHOOK = declare(
    "CAL_GET_WEBHOOK",
    description="Get one of your own webhooks.",
    params=UserWebhookPath,
    route=Route("GET", "/v2/webhooks/{webhookId}"),
    tags=("webhooks",),
    aliases=("CAL_GET_WEBHOOK_BY_ID",),
    examples=({"webhookId": "4f1c2a9e-7b3d-4c8e-9a61-2d5e8f0b7c33"},),
)


class UpdateWebhook(WebhookUpdateFields, UserWebhookPath):
    pass


CAL_UPDATE_WEBHOOK = declare(
    "CAL_UPDATE_WEBHOOK",
    description="Partially update one of your own webhooks.",
    params=UpdateWebhook,
    route=Route("PATCH", "/v2/webhooks/{webhookId}"),
    tags=("webhooks",),
    aliases=("CAL_UPDATE_WEBHOOK_BY_ID",),
    examples=(
        {"webhookId": "4f1c2a9e-7b3d-4c8e-9a61-2d5e8f0b7c33", "active": False},
        {"webhookId": "4f1c2a9e-7b3d-4c8e-9a61-2d5e8f0b7c33", "triggers": ["BOOKING_CREATED", "BOOKING_PAID"],
         "subscriberUrl": "https://hooks.acme.com/cal/v2"},
    ),
)  # fmt: skip


CAL_DELETE_WEBHOOK = declare(
    "CAL_DELETE_WEBHOOK",
    description="Delete one of your own webhooks.",
    params=UserWebhookPath,
    route=Route("DELETE", "/v2/webhooks/{webhookId}"),
    tags=("webhooks",),
    aliases=("CAL_DELETE_WEBHOOK_BY_ID",),
    examples=({"webhookId": "4f1c2a9e-7b3d-4c8e-9a61-2d5e8f0b7c33"},),
)


# --- webhooks of one event type ------------------------------------------------------------


class CreateEventTypeWebhook(WebhookCreateFields, EventTypePath):
    pass


CAL_CREATE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_CREATE_EVENT_TYPE_WEBHOOK",
    description="Create a webhook firing only for one event type.",
    params=CreateEventTypeWebhook,
    route=Route("POST", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_CREATE_WEBHOOK_FOR_EVENT_TYPE",),
    examples=(
        {"eventTypeId": 42, "subscriberUrl": "https://hooks.acme.com/cal/intro", "triggers": ["BOOKING_CREATED"],
         "active": True},
    ),
)  # fmt: skip


class ListEventTypeWebhooks(Page, EventTypePath):
    pass


CAL_LIST_EVENT_TYPE_WEBHOOKS = declare(
    "CAL_LIST_EVENT_TYPE_WEBHOOKS",
    description="List the webhooks of one event type.",
    params=ListEventTypeWebhooks,
    route=Route("GET", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_RETRIEVE_WEBHOOKS_FOR_EVENT_TYPE",),
    examples=({"eventTypeId": 42},),
)


CAL_GET_EVENT_TYPE_WEBHOOK = declare(
    "CAL_GET_EVENT_TYPE_WEBHOOK",
    description="Get one webhook of an event type.",
    params=EventTypeWebhookPath,
    route=Route("GET", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_FETCH_WEBHOOK_BY_EVENT_TYPE_ID",),
    examples=({"eventTypeId": 42, "webhookId": "9b0d3e6a-2c41-4f7e-8a95-1e6c7d2b4f08"},),
)


class UpdateEventTypeWebhook(WebhookUpdateFields, EventTypeWebhookPath):
    pass


CAL_UPDATE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_UPDATE_EVENT_TYPE_WEBHOOK",
    description="Partially update a webhook of an event type.",
    params=UpdateEventTypeWebhook,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_PATCH_WEBHOOK_EVENT_TYPE",),
    examples=(
        {"eventTypeId": 42, "webhookId": "9b0d3e6a-2c41-4f7e-8a95-1e6c7d2b4f08",
         "triggers": ["BOOKING_CREATED", "BOOKING_NO_SHOW_UPDATED"]},
    ),
)  # fmt: skip


CAL_DELETE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_DELETE_EVENT_TYPE_WEBHOOK",
    description="Delete one webhook of an event type.",
    params=EventTypeWebhookPath,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_DELETE_WEBHOOK_FOR_EVENT_TYPE",),
    examples=({"eventTypeId": 42, "webhookId": "9b0d3e6a-2c41-4f7e-8a95-1e6c7d2b4f08"},),
)


CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS = declare(
    "CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS",
    description="Delete every webhook of one event type.",
    params=EventTypePath,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=("webhooks", "event-types"),
    aliases=("CAL_DELETE_WEBHOOKS_FOR_EVENT_TYPE",),
    examples=({"eventTypeId": 42},),
)


# --- organization webhooks -----------------------------------------------------------------


class CreateOrgWebhook(WebhookCreateFields, OrgPath):
    pass


CAL_CREATE_ORG_WEBHOOK = declare(
    "CAL_CREATE_ORG_WEBHOOK",
    description="Create an organization-wide webhook (admin), firing for every member.",
    params=CreateOrgWebhook,
    route=Route("POST", "/v2/organizations/{orgId}/webhooks", auth="bearer_or_platform"),
    tags=("webhooks", "orgs"),
    aliases=("CAL_CREATE_ORGANIZATION_WEBHOOK_BY_ORG_ID",),
    examples=(
        {"orgId": 12, "subscriberUrl": "https://hooks.acme.com/cal/org", "triggers": ["BOOKING_CREATED", "OOO_CREATED"],
         "active": True, "secret": "whsec_5b8e2f0c9a7d4e13"},
    ),
)  # fmt: skip


class ListOrgWebhooks(Page, OrgPath):
    pass


CAL_LIST_ORG_WEBHOOKS = declare(
    "CAL_LIST_ORG_WEBHOOKS",
    description="List an organization's webhooks (admin).",
    params=ListOrgWebhooks,
    route=Route("GET", "/v2/organizations/{orgId}/webhooks", auth="bearer_or_platform"),
    tags=("webhooks", "orgs"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_WEBHOOKS_BY_ORG_ID",),
    examples=({"orgId": 12},),
)


CAL_GET_ORG_WEBHOOK = declare(
    "CAL_GET_ORG_WEBHOOK",
    description="Get one organization webhook.",
    params=OrgWebhookPath,
    route=Route("GET", "/v2/organizations/{orgId}/webhooks/{webhookId}", auth="bearer_or_platform"),
    tags=("webhooks", "orgs"),
    aliases=("CAL_RETRIEVE_ORGANIZATION_WEBHOOK_BY_ID",),
    examples=({"orgId": 12, "webhookId": "c2a7e9f1-5d3b-4a60-b8e4-7f1d0c9a6e25"},),
)


class UpdateOrgWebhook(WebhookUpdateFields, OrgWebhookPath):
    pass


CAL_UPDATE_ORG_WEBHOOK = declare(
    "CAL_UPDATE_ORG_WEBHOOK",
    description="Partially update an organization webhook.",
    params=UpdateOrgWebhook,
    route=Route("PATCH", "/v2/organizations/{orgId}/webhooks/{webhookId}", auth="bearer_or_platform"),
    tags=("webhooks", "orgs"),
    aliases=("CAL_UPDATE_WEBHOOK_FOR_ORGANIZATION",),
    examples=({"orgId": 12, "webhookId": "c2a7e9f1-5d3b-4a60-b8e4-7f1d0c9a6e25", "active": False},),
)


CAL_DELETE_ORG_WEBHOOK = declare(
    "CAL_DELETE_ORG_WEBHOOK",
    description="Delete one organization webhook.",
    params=OrgWebhookPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/webhooks/{webhookId}", auth="bearer_or_platform"),
    tags=("webhooks", "orgs"),
    examples=({"orgId": 12, "webhookId": "c2a7e9f1-5d3b-4a60-b8e4-7f1d0c9a6e25"},),
)


ACTIONS = [
    CAL_CREATE_WEBHOOK,
    CAL_LIST_WEBHOOKS,
    CAL_GET_WEBHOOK,
    CAL_UPDATE_WEBHOOK,
    CAL_DELETE_WEBHOOK,
    CAL_CREATE_EVENT_TYPE_WEBHOOK,
    CAL_LIST_EVENT_TYPE_WEBHOOKS,
    CAL_GET_EVENT_TYPE_WEBHOOK,
    CAL_UPDATE_EVENT_TYPE_WEBHOOK,
    CAL_DELETE_EVENT_TYPE_WEBHOOK,
    CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS,
    CAL_CREATE_ORG_WEBHOOK,
    CAL_LIST_ORG_WEBHOOKS,
    CAL_GET_ORG_WEBHOOK,
    CAL_UPDATE_ORG_WEBHOOK,
    CAL_DELETE_ORG_WEBHOOK,
]
