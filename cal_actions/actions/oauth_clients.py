"""Platform OAuth clients of your organization: create, read, change and delete them with an API key."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, all_optional, declare

TAGS = ("platform", "oauth-clients")

Permission = Literal[
    "EVENT_TYPE_READ", "EVENT_TYPE_WRITE", "BOOKING_READ", "BOOKING_WRITE", "SCHEDULE_READ", "SCHEDULE_WRITE",
    "APPS_READ", "APPS_WRITE", "PROFILE_READ", "PROFILE_WRITE", "*",
]  # fmt: skip


# Settings shared by create and update (class comment, not a docstring: it would land in the tool schemas).
class OAuthClientFields(Params):
    name: str
    redirectUris: list[str] = Field(description="Allowed OAuth redirect URLs")
    logo: str | None = Field(None, description="Logo URL")
    bookingRedirectUri: str | None = Field(None, description="Booker lands here after booking")
    bookingCancelRedirectUri: str | None = Field(None, description="Booker's cancel page")
    bookingRescheduleRedirectUri: str | None = Field(None, description="Booker's reschedule page")
    areEmailsEnabled: bool | None = Field(None, description="Cal.com emails managed users' attendees")
    areDefaultEventTypesEnabled: bool | None = Field(
        None, description="New managed users get 4 default event types; default false"
    )
    areCalendarEventsEnabled: bool | None = Field(
        None, description="Write bookings to managed users' calendars; default true"
    )


#: Body of a client update: the same fields, none required; permissions are fixed at creation.
@all_optional
class OAuthClientUpdateFields(OAuthClientFields):
    """The same fields, none required."""


class OAuthClientPath(Params):
    clientId: str = Field(description="From CAL_LIST_OAUTH_CLIENTS")


class CreateOAuthClient(OAuthClientFields):
    permissions: list[Permission] = Field(min_length=1, description='What managed users\' tokens may do; ["*"]: all')


CAL_CREATE_OAUTH_CLIENT = declare(
    "CAL_CREATE_OAUTH_CLIENT",
    description="Create a platform OAuth client in your organization (admin); returns clientId and clientSecret. "
    "The secret is a credential: store it safely.",
    params=CreateOAuthClient,
    route=Route("POST", "/v2/oauth-clients"),
    tags=TAGS,
    examples=(
        {"name": "Acme Scheduling", "redirectUris": ["https://app.acme.com/oauth/callback"],
         "permissions": ["BOOKING_READ", "BOOKING_WRITE", "EVENT_TYPE_READ", "SCHEDULE_READ"],
         "bookingRedirectUri": "https://app.acme.com/booked", "areEmailsEnabled": True},
    ),
)  # fmt: skip


CAL_LIST_OAUTH_CLIENTS = declare(
    "CAL_LIST_OAUTH_CLIENTS",
    description="List your organization's platform OAuth clients with ids, permissions and redirect URLs.",
    params=NoParams,
    route=Route("GET", "/v2/oauth-clients"),
    tags=TAGS,
    examples=({},),
)


CAL_GET_OAUTH_CLIENT = declare(
    "CAL_GET_OAUTH_CLIENT",
    description="Get one platform OAuth client of your organization, its secret included; fails for an unknown or "
    "foreign clientId. Its managed users: CAL_LIST_MANAGED_USERS.",
    params=OAuthClientPath,
    route=Route("GET", "/v2/oauth-clients/{clientId}"),
    tags=TAGS,
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


class UpdateOAuthClient(OAuthClientUpdateFields, OAuthClientPath):
    pass


CAL_UPDATE_OAUTH_CLIENT = declare(
    "CAL_UPDATE_OAUTH_CLIENT",
    description="Change a platform OAuth client's name, logo, redirect URLs or managed-user settings (admin).",
    params=UpdateOAuthClient,
    route=Route("PATCH", "/v2/oauth-clients/{clientId}"),
    tags=TAGS,
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "redirectUris": ["https://app.acme.com/oauth/callback",
                                                                          "https://staging.acme.com/oauth/callback"]},),
)  # fmt: skip


CAL_DELETE_OAUTH_CLIENT = declare(
    "CAL_DELETE_OAUTH_CLIENT",
    description="Permanently delete a platform OAuth client (admin): its secret, tokens and webhooks stop working.",
    params=OAuthClientPath,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}"),
    tags=TAGS,
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


ACTIONS = [
    CAL_CREATE_OAUTH_CLIENT,
    CAL_LIST_OAUTH_CLIENTS,
    CAL_GET_OAUTH_CLIENT,
    CAL_UPDATE_OAUTH_CLIENT,
    CAL_DELETE_OAUTH_CLIENT,
]
