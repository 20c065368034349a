"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ListManagedUsers(Params):
    clientId: str = Field(description='SPEC: ')
    limit: int = Field(None, description='SPEC: The number of items to return')


CAL_LIST_MANAGED_USERS = declare(
    "CAL_LIST_MANAGED_USERS",
    description="TODO (Get all managed users)",
    params=ListManagedUsers,
    route=Route("GET", "/v2/oauth-clients/{clientId}/users"),
    tags=('platform', 'users'),
    aliases=('CAL_GET_OAUTH_CLIENTS_USER',),
)


class CreateManagedUser(Params):
    clientId: str = Field(description='SPEC: ')
    email: str = Field(description='SPEC: ')
    name: str = Field(description="SPEC: Managed user's name is used in emails")
    timeFormat: Literal[12, 24] = Field(None, description='SPEC: Must be a number 12 or 24')
    weekStart: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description="SPEC: Timezone is used to create user's default schedule from Monday to Friday from 9AM to 5PM. If it is not passed then user does not have")
    locale: Literal["ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "ta", "uk", "zh-TW"] = Field(None, description='SPEC: ')
    avatarUrl: str = Field(None, description="SPEC: URL of the user's avatar image")


CAL_CREATE_MANAGED_USER = declare(
    "CAL_CREATE_MANAGED_USER",
    description="TODO (Create a managed user)",
    params=CreateManagedUser,
    route=Route("POST", "/v2/oauth-clients/{clientId}/users"),
    tags=('platform', 'users'),
    aliases=('CAL_CREATE_OAUTH_CLIENT_USER',),
)


class GetManagedUser(Params):
    clientId: str = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_GET_MANAGED_USER = declare(
    "CAL_GET_MANAGED_USER",
    description="TODO (Get a managed user)",
    params=GetManagedUser,
    route=Route("GET", "/v2/oauth-clients/{clientId}/users/{userId}"),
    tags=('platform', 'users'),
    aliases=('CAL_RETRIEVE_OAUTH_CLIENT_USER_BY_ID',),
)


class UpdateManagedUser(Params):
    clientId: str = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')
    email: str = Field(None, description='SPEC: ')
    name: str = Field(None, description='SPEC: ')
    timeFormat: Literal[12, 24] = Field(None, description='SPEC: Must be 12 or 24')
    defaultScheduleId: int = Field(None, description='SPEC: ')
    weekStart: Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] = Field(None, description='SPEC: ')
    timeZone: str = Field(None, description='SPEC: ')
    locale: Literal["ar", "ca", "de", "es", "eu", "he", "id", "ja", "lv", "pl", "ro", "sr", "th", "vi", "az", "cs", "el", "es-419", "fi", "hr", "it", "km", "nl", "pt", "ru", "sv", "tr", "zh-CN", "bg", "da", "en", "et", "fr", "hu", "iw", "ko", "no", "pt-BR", "sk", "ta", "uk", "zh-TW"] = Field(None, description='SPEC: ')
    avatarUrl: str = Field(None, description="SPEC: URL of the user's avatar image")


CAL_UPDATE_MANAGED_USER = declare(
    "CAL_UPDATE_MANAGED_USER",
    description="TODO (Update a managed user)",
    params=UpdateManagedUser,
    route=Route("PATCH", "/v2/oauth-clients/{clientId}/users/{userId}"),
    tags=('platform', 'users'),
    aliases=('CAL_UPDATE_OAUTH_CLIENT_USER_SETTINGS',),
)


class DeleteManagedUser(Params):
    clientId: str = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_DELETE_MANAGED_USER = declare(
    "CAL_DELETE_MANAGED_USER",
    description="TODO (Delete a managed user)",
    params=DeleteManagedUser,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/users/{userId}"),
    tags=('platform', 'users'),
    aliases=('CAL_DELETE_OAUTH_CLIENT_USER',),
)


class ForceRefreshManagedUserTokens(Params):
    clientId: str = Field(description='SPEC: ')
    userId: int = Field(description='SPEC: ')


CAL_FORCE_REFRESH_MANAGED_USER_TOKENS = declare(
    "CAL_FORCE_REFRESH_MANAGED_USER_TOKENS",
    description="TODO (Force refresh tokens)",
    params=ForceRefreshManagedUserTokens,
    route=Route("POST", "/v2/oauth-clients/{clientId}/users/{userId}/force-refresh"),
    tags=('platform', 'users'),
    aliases=('CAL_FORCE_REFRESH_USER_OAUTH_CLIENT',),
)


class RefreshManagedUserTokens(Params):
    clientId: str = Field(description='SPEC: ')
    refreshToken: str = Field(description="SPEC: Managed user's refresh token.")


CAL_REFRESH_MANAGED_USER_TOKENS = declare(
    "CAL_REFRESH_MANAGED_USER_TOKENS",
    description="TODO (Refresh managed user tokens)",
    params=RefreshManagedUserTokens,
    route=Route("POST", "/v2/oauth/{clientId}/refresh"),
    tags=('platform', 'users'),
    aliases=('CAL_REFRESH_OAUTH_TOKEN_FOR_CLIENT_ID',),
)


class CreateOauthClientWebhook(Params):
    clientId: str = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(description='SPEC: ')
    subscriberUrl: str = Field(description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_CREATE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_CREATE_OAUTH_CLIENT_WEBHOOK",
    description="TODO (Create a webhook)",
    params=CreateOauthClientWebhook,
    route=Route("POST", "/v2/oauth-clients/{clientId}/webhooks"),
    tags=('platform', 'webhooks'),
    aliases=('CAL_CREATE_OAUTH_CLIENT_WEBHOOK_CONFIGURATION',),
)


class ListOauthClientWebhooks(Params):
    clientId: str = Field(description='SPEC: ')
    take: int = Field(None, description='SPEC: The number of items to return')
    skip: int = Field(None, description='SPEC: The number of items to skip')


CAL_LIST_OAUTH_CLIENT_WEBHOOKS = declare(
    "CAL_LIST_OAUTH_CLIENT_WEBHOOKS",
    description="TODO (Get all webhooks)",
    params=ListOauthClientWebhooks,
    route=Route("GET", "/v2/oauth-clients/{clientId}/webhooks"),
    tags=('platform', 'webhooks'),
    aliases=('CAL_RETRIEVE_WEBHOOK_DETAILS_FOR_OAUTH_CLIENT',),
)


class GetOauthClientWebhook(Params):
    clientId: str = Field(description='SPEC: ')
    webhookId: int = Field(description='SPEC: ')


CAL_GET_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_GET_OAUTH_CLIENT_WEBHOOK",
    description="TODO (Get a webhook)",
    params=GetOauthClientWebhook,
    route=Route("GET", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}"),
    tags=('platform', 'webhooks'),
    aliases=('CAL_RETRIEVE_OAUTH_CLIENT_WEBHOOK_BY_ID',),
)


class UpdateOauthClientWebhook(Params):
    clientId: str = Field(description='SPEC: ')
    webhookId: str = Field(description='SPEC: ')
    payloadTemplate: str = Field(None, description='SPEC: The template of the payload that will be sent to the subscriberUrl, check cal.com/docs/core-features/webhooks for more information')
    active: bool = Field(None, description='SPEC: ')
    subscriberUrl: str = Field(None, description='SPEC: ')
    triggers: Literal["BOOKING_CREATED", "BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_RESCHEDULED", "BOOKING_REQUESTED", "BOOKING_CANCELLED", "BOOKING_REJECTED", "BOOKING_NO_SHOW_UPDATED", "FORM_SUBMITTED", "MEETING_ENDED", "MEETING_STARTED", "RECORDING_READY", "INSTANT_MEETING", "RECORDING_TRANSCRIPTION_GENERATED", "OOO_CREATED", "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "AFTER_GUESTS_CAL_VIDEO_NO_SHOW", "FORM_SUBMITTED_NO_EVENT"] = Field(None, description='SPEC: ')
    secret: str = Field(None, description='SPEC: ')


CAL_UPDATE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_UPDATE_OAUTH_CLIENT_WEBHOOK",
    description="TODO (Update a webhook)",
    params=UpdateOauthClientWebhook,
    route=Route("PATCH", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}"),
    tags=('platform', 'webhooks'),
)


class DeleteOauthClientWebhook(Params):
    clientId: str = Field(description='SPEC: ')
    webhookId: int = Field(description='SPEC: ')


CAL_DELETE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_DELETE_OAUTH_CLIENT_WEBHOOK",
    description="TODO (Delete a webhook)",
    params=DeleteOauthClientWebhook,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}"),
    tags=('platform', 'webhooks'),
    aliases=('CAL_CAL_DELETE_OAUTH_CLIENT_WEBHOOK',),
)


class DeleteAllOauthClientWebhooks(Params):
    clientId: str = Field(description='SPEC: ')


CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS = declare(
    "CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS",
    description="TODO (Delete all webhooks)",
    params=DeleteAllOauthClientWebhooks,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/webhooks"),
    tags=('platform', 'webhooks'),
)


class VerifyOauthClient(Params):
    clientId: str = Field(description='SPEC: ')


CAL_VERIFY_OAUTH_CLIENT = declare(
    "CAL_VERIFY_OAUTH_CLIENT",
    description="TODO (Get a provider)",
    params=VerifyOauthClient,
    route=Route("GET", "/v2/provider/{clientId}"),
    tags=('platform', 'legacy'),
    aliases=('CAL_RETRIEVE_PROVIDER_DETAILS',),
)


class VerifyProviderAccessToken(Params):
    clientId: str = Field(description='SPEC: ')


CAL_VERIFY_PROVIDER_ACCESS_TOKEN = declare(
    "CAL_VERIFY_PROVIDER_ACCESS_TOKEN",
    description="TODO (Verify an access token)",
    params=VerifyProviderAccessToken,
    route=Route("GET", "/v2/provider/{clientId}/access-token"),
    tags=('platform', 'legacy'),
    aliases=('CAL_FETCH_PROVIDER_ACCESS_TOKEN',),
)


ACTIONS = [CAL_LIST_MANAGED_USERS, CAL_CREATE_MANAGED_USER, CAL_GET_MANAGED_USER, CAL_UPDATE_MANAGED_USER, CAL_DELETE_MANAGED_USER, CAL_FORCE_REFRESH_MANAGED_USER_TOKENS, CAL_REFRESH_MANAGED_USER_TOKENS, CAL_CREATE_OAUTH_CLIENT_WEBHOOK, CAL_LIST_OAUTH_CLIENT_WEBHOOKS, CAL_GET_OAUTH_CLIENT_WEBHOOK, CAL_UPDATE_OAUTH_CLIENT_WEBHOOK, CAL_DELETE_OAUTH_CLIENT_WEBHOOK, CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS, CAL_VERIFY_OAUTH_CLIENT, CAL_VERIFY_PROVIDER_ACCESS_TOKEN]
