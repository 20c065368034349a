"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class CreateWebhook(Params):
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(description='SPEC: ')
    subscriberUrl: str = Field(description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_CREATE_WEBHOOK = declare(
    "CAL_CREATE_WEBHOOK",
    description="TODO (Create a webhook)",
    params=CreateWebhook,
    route=Route("POST", "/v2/webhooks"),
    tags=('webhooks',),
    aliases=('CAL_POST_WEBHOOK_EVENT',),
)


class ListWebhooks(Params):
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_WEBHOOKS = declare(
    "CAL_LIST_WEBHOOKS",
    description="TODO (Get all webooks)",
    params=ListWebhooks,
    route=Route("GET", "/v2/webhooks"),
    tags=('webhooks',),
    aliases=('CAL_RETRIEVE_WEBHOOKS_LIST',),
)


class GetWebhook(Params):
    webhookId: int = Field(description='SPEC: ')


CAL_GET_WEBHOOK = declare(
    "CAL_GET_WEBHOOK",
    description="TODO (Get a webhook)",
    params=GetWebhook,
    route=Route("GET", "/v2/webhooks/{webhookId}"),
    tags=('webhooks',),
    aliases=('CAL_GET_WEBHOOK_BY_ID',),
)


class UpdateWebhook(Params):
    webhookId: str = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(None, description='SPEC: ')
    subscriberUrl: str = Field(None, description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(None, description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_UPDATE_WEBHOOK = declare(
    "CAL_UPDATE_WEBHOOK",
    description="TODO (Update a webhook)",
    params=UpdateWebhook,
    route=Route("PATCH", "/v2/webhooks/{webhookId}"),
    tags=('webhooks',),
    aliases=('CAL_UPDATE_WEBHOOK_BY_ID',),
)


class DeleteWebhook(Params):
    webhookId: str = Field(description='SPEC: ')


CAL_DELETE_WEBHOOK = declare(
    "CAL_DELETE_WEBHOOK",
    description="TODO (Delete a webhook)",
    params=DeleteWebhook,
    route=Route("DELETE", "/v2/webhooks/{webhookId}"),
    tags=('webhooks',),
    aliases=('CAL_DELETE_WEBHOOK_BY_ID',),
)


class CreateEventTypeWebhook(Params):
    eventTypeId: int = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(description='SPEC: ')
    subscriberUrl: str = Field(description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_CREATE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_CREATE_EVENT_TYPE_WEBHOOK",
    description="TODO (Create a webhook)",
    params=CreateEventTypeWebhook,
    route=Route("POST", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_CREATE_WEBHOOK_FOR_EVENT_TYPE',),
)


class ListEventTypeWebhooks(Params):
    eventTypeId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_EVENT_TYPE_WEBHOOKS = declare(
    "CAL_LIST_EVENT_TYPE_WEBHOOKS",
    description="TODO (Get all webhooks)",
    params=ListEventTypeWebhooks,
    route=Route("GET", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_RETRIEVE_WEBHOOKS_FOR_EVENT_TYPE',),
)


class GetEventTypeWebhook(Params):
    eventTypeId: int = Field(description='SPEC: ')
    webhookId: int = Field(description='SPEC: ')


CAL_GET_EVENT_TYPE_WEBHOOK = declare(
    "CAL_GET_EVENT_TYPE_WEBHOOK",
    description="TODO (Get a webhook)",
    params=GetEventTypeWebhook,
    route=Route("GET", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_FETCH_WEBHOOK_BY_EVENT_TYPE_ID',),
)


class UpdateEventTypeWebhook(Params):
    eventTypeId: int = Field(description='SPEC: ')
    webhookId: str = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(None, description='SPEC: ')
    subscriberUrl: str = Field(None, description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(None, description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_UPDATE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_UPDATE_EVENT_TYPE_WEBHOOK",
    description="TODO (Update a webhook)",
    params=UpdateEventTypeWebhook,
    route=Route("PATCH", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_PATCH_WEBHOOK_EVENT_TYPE',),
)


class DeleteEventTypeWebhook(Params):
    eventTypeId: int = Field(description='SPEC: ')
    webhookId: int = Field(description='SPEC: ')


CAL_DELETE_EVENT_TYPE_WEBHOOK = declare(
    "CAL_DELETE_EVENT_TYPE_WEBHOOK",
    description="TODO (Delete a webhook)",
    params=DeleteEventTypeWebhook,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}/webhooks/{webhookId}"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_DELETE_WEBHOOK_FOR_EVENT_TYPE',),
)


class DeleteAllEventTypeWebhooks(Params):
    eventTypeId: int = Field(description='SPEC: ')


CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS = declare(
    "CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS",
    description="TODO (Delete all webhooks)",
    params=DeleteAllEventTypeWebhooks,
    route=Route("DELETE", "/v2/event-types/{eventTypeId}/webhooks"),
    tags=('webhooks', 'event-types'),
    aliases=('CAL_DELETE_WEBHOOKS_FOR_EVENT_TYPE',),
)


class CreateOrgWebhook(Params):
    orgId: int = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(description='SPEC: ')
    subscriberUrl: str = Field(description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_CREATE_ORG_WEBHOOK = declare(
    "CAL_CREATE_ORG_WEBHOOK",
    description="TODO (Create a webhook)",
    params=CreateOrgWebhook,
    route=Route("POST", "/v2/organizations/{orgId}/webhooks"),
    tags=('webhooks', 'orgs'),
    aliases=('CAL_CREATE_ORGANIZATION_WEBHOOK_BY_ORG_ID',),
)


class ListOrgWebhooks(Params):
    orgId: int = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_ORG_WEBHOOKS = declare(
    "CAL_LIST_ORG_WEBHOOKS",
    description="TODO (Get all webhooks)",
    params=ListOrgWebhooks,
    route=Route("GET", "/v2/organizations/{orgId}/webhooks"),
    tags=('webhooks', 'orgs'),
    aliases=('CAL_RETRIEVE_ORGANIZATION_WEBHOOKS_BY_ORG_ID',),
)


class GetOrgWebhook(Params):
    orgId: int = Field(description='SPEC: ')
    webhookId: str = Field(description='SPEC: ')


CAL_GET_ORG_WEBHOOK = declare(
    "CAL_GET_ORG_WEBHOOK",
    description="TODO (Get a webhook)",
    params=GetOrgWebhook,
    route=Route("GET", "/v2/organizations/{orgId}/webhooks/{webhookId}"),
    tags=('webhooks', 'orgs'),
    aliases=('CAL_RETRIEVE_ORGANIZATION_WEBHOOK_BY_ID',),
)


class UpdateOrgWebhook(Params):
    orgId: int = Field(description='SPEC: ')
    webhookId: str = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(None, description='SPEC: ')
    subscriberUrl: str = Field(None, description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(None, description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_UPDATE_ORG_WEBHOOK = declare(
    "CAL_UPDATE_ORG_WEBHOOK",
    description="TODO (Update a webhook)",
    params=UpdateOrgWebhook,
    route=Route("PATCH", "/v2/organizations/{orgId}/webhooks/{webhookId}"),
    tags=('webhooks', 'orgs'),
    aliases=('CAL_UPDATE_WEBHOOK_FOR_ORGANIZATION',),
)


class DeleteOrgWebhook(Params):
    orgId: int = Field(description='SPEC: ')
    webhookId: str = Field(description='SPEC: ')


CAL_DELETE_ORG_WEBHOOK = declare(
    "CAL_DELETE_ORG_WEBHOOK",
    description="TODO (Delete a webhook)",
    params=DeleteOrgWebhook,
    route=Route("DELETE", "/v2/organizations/{orgId}/webhooks/{webhookId}"),
    tags=('webhooks', 'orgs'),
)


ACTIONS = [CAL_CREATE_WEBHOOK, CAL_LIST_WEBHOOKS, CAL_GET_WEBHOOK, CAL_UPDATE_WEBHOOK, CAL_DELETE_WEBHOOK, CAL_CREATE_EVENT_TYPE_WEBHOOK, CAL_LIST_EVENT_TYPE_WEBHOOKS, CAL_GET_EVENT_TYPE_WEBHOOK, CAL_UPDATE_EVENT_TYPE_WEBHOOK, CAL_DELETE_EVENT_TYPE_WEBHOOK, CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS, CAL_CREATE_ORG_WEBHOOK, CAL_LIST_ORG_WEBHOOKS, CAL_GET_ORG_WEBHOOK, CAL_UPDATE_ORG_WEBHOOK, CAL_DELETE_ORG_WEBHOOK]
