"""Cal.com Platform: managed users and their tokens, OAuth-client webhooks, and the legacy provider checks."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cal_actions.action import SENSITIVE, Params, Route, declare
from cal_actions.actions._paths import Page
from cal_actions.actions.me import ProfileFields, ProfileUpdateFields
from cal_actions.actions.webhooks import WebhookCreateFields, WebhookUpdateFields

# Managed-user and OAuth-client-webhook routes authenticate with the OAuth client's
# x-cal-client-id and x-cal-secret-key headers (auth="client_secret"), not with a bearer token.


class ClientPath(Params):
    clientId: str = Field(description="Your OAuth client_id")


class ManagedUserPath(ClientPath):
    userId: int = Field(description="From CAL_LIST_MANAGED_USERS")


class OAuthClientWebhookPath(ClientPath):
    webhookId: str = Field(description="From CAL_LIST_OAUTH_CLIENT_WEBHOOKS")


# --- managed users -------------------------------------------------------------------------


class ListManagedUsers(ClientPath):
    limit: int | None = None  # page size
    offset: int | None = Field(None, ge=0)
    emails: list[str] | None = Field(None, description="Only these users")


CAL_LIST_MANAGED_USERS = declare(
    "CAL_LIST_MANAGED_USERS",
    description="List the managed users of a platform OAuth client.",
    params=ListManagedUsers,
    route=Route("GET", "/v2/oauth-clients/{clientId}/users", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_GET_OAUTH_CLIENTS_USER",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "limit": 50}, {"clientId": "cm2x8q5re0001p4096vdt1ab8",
                                                                         "emails": ["mia.jones@example.com"]}),
)  # fmt: skip


class CreateManagedUser(ProfileFields, ClientPath):
    email: str = Field(description="User's email")
    name: str = Field(description="Shown in emails")


CAL_CREATE_MANAGED_USER = declare(
    "CAL_CREATE_MANAGED_USER",
    description="Create a managed user of a platform OAuth client; store the returned accessToken and refreshToken. "
    "Give timeZone for a Mon-Fri 9-17 default schedule.",
    params=CreateManagedUser,
    route=Route("POST", "/v2/oauth-clients/{clientId}/users", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_CREATE_OAUTH_CLIENT_USER",),
    examples=(
        {"clientId": "cm2x8q5re0001p4096vdt1ab8", "email": "mia.jones@example.com", "name": "Mia Jones",
         "timeZone": "America/Los_Angeles", "timeFormat": 12, "weekStart": "Sunday", "locale": "en"},
    ),
)  # fmt: skip


CAL_GET_MANAGED_USER = declare(
    "CAL_GET_MANAGED_USER",
    description="Get one managed user of a platform OAuth client.",
    params=ManagedUserPath,
    route=Route("GET", "/v2/oauth-clients/{clientId}/users/{userId}", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_RETRIEVE_OAUTH_CLIENT_USER_BY_ID",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "userId": 310},),
)


class UpdateManagedUser(ProfileUpdateFields, ManagedUserPath):
    pass


CAL_UPDATE_MANAGED_USER = declare(
    "CAL_UPDATE_MANAGED_USER",
    description="Partially update a managed user's profile with OAuth client credentials.",
    params=UpdateManagedUser,
    route=Route("PATCH", "/v2/oauth-clients/{clientId}/users/{userId}", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_UPDATE_OAUTH_CLIENT_USER_SETTINGS",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "userId": 310, "timeZone": "America/Denver",
               "defaultScheduleId": 512},),
)  # fmt: skip


CAL_DELETE_MANAGED_USER = declare(
    "CAL_DELETE_MANAGED_USER",
    description="Delete a managed user of a platform OAuth client.",
    params=ManagedUserPath,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/users/{userId}", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_DELETE_OAUTH_CLIENT_USER",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "userId": 310},),
)


CAL_FORCE_REFRESH_MANAGED_USER_TOKENS = declare(
    "CAL_FORCE_REFRESH_MANAGED_USER_TOKENS",
    description="Issue a managed user new tokens with client credentials when its tokens are lost; old ones stop "
    "working.",
    params=ManagedUserPath,
    route=Route("POST", "/v2/oauth-clients/{clientId}/users/{userId}/force-refresh", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_FORCE_REFRESH_USER_OAUTH_CLIENT",),
    destructive=True,
    hints_note="a POST that invalidates the managed user's current tokens; every call issues new ones",
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "userId": 310},),
)


class RefreshManagedUserTokens(ClientPath):
    refreshToken: Annotated[str, SENSITIVE] = Field(description="Secret: the current refresh token")


CAL_REFRESH_MANAGED_USER_TOKENS = declare(
    "CAL_REFRESH_MANAGED_USER_TOKENS",
    description="Exchange a managed user's refresh token for new access and refresh tokens; store both.",
    params=RefreshManagedUserTokens,
    route=Route("POST", "/v2/oauth/{clientId}/refresh", auth="client_secret"),
    tags=("platform", "users"),
    aliases=("CAL_REFRESH_OAUTH_TOKEN_FOR_CLIENT_ID",),
    destructive=True,
    hints_note="a POST that rotates the pair: the refresh token sent stops working, every call issues new ones",
    examples=(
        {"clientId": "cm2x8q5re0001p4096vdt1ab8", "refreshToken": "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOjMxMH0.c2ln"},
    ),
)


# --- OAuth client webhooks (fields shared with the other scopes in webhooks.py) ------------


class CreateOAuthClientWebhook(WebhookCreateFields, ClientPath):
    pass


CAL_CREATE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_CREATE_OAUTH_CLIENT_WEBHOOK",
    description="Create a webhook on a platform OAuth client, firing for all its managed users.",
    params=CreateOAuthClientWebhook,
    route=Route("POST", "/v2/oauth-clients/{clientId}/webhooks", auth="client_secret"),
    tags=("platform", "webhooks"),
    aliases=("CAL_CREATE_OAUTH_CLIENT_WEBHOOK_CONFIGURATION",),
    examples=(
        {"clientId": "cm2x8q5re0001p4096vdt1ab8", "subscriberUrl": "https://platform.acme.com/hooks/cal",
         "triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED"], "active": True},
    ),
)  # fmt: skip


class ListOAuthClientWebhooks(Page, ClientPath):
    pass


CAL_LIST_OAUTH_CLIENT_WEBHOOKS = declare(
    "CAL_LIST_OAUTH_CLIENT_WEBHOOKS",
    description="List the webhooks of a platform OAuth client.",
    params=ListOAuthClientWebhooks,
    route=Route("GET", "/v2/oauth-clients/{clientId}/webhooks", auth="client_secret"),
    tags=("platform", "webhooks"),
    aliases=("CAL_RETRIEVE_WEBHOOK_DETAILS_FOR_OAUTH_CLIENT",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


CAL_GET_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_GET_OAUTH_CLIENT_WEBHOOK",
    description="Get one webhook of a platform OAuth client.",
    params=OAuthClientWebhookPath,
    route=Route("GET", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}", auth="client_secret"),
    tags=("platform", "webhooks"),
    aliases=("CAL_RETRIEVE_OAUTH_CLIENT_WEBHOOK_BY_ID",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "webhookId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9"},),
)


class UpdateOAuthClientWebhook(WebhookUpdateFields, OAuthClientWebhookPath):
    pass


CAL_UPDATE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_UPDATE_OAUTH_CLIENT_WEBHOOK",
    description="Partially update a webhook of a platform OAuth client.",
    params=UpdateOAuthClientWebhook,
    route=Route("PATCH", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}", auth="client_secret"),
    tags=("platform", "webhooks"),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "webhookId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9",
               "active": False},),
)  # fmt: skip


CAL_DELETE_OAUTH_CLIENT_WEBHOOK = declare(
    "CAL_DELETE_OAUTH_CLIENT_WEBHOOK",
    description="Delete one webhook of a platform OAuth client.",
    params=OAuthClientWebhookPath,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/webhooks/{webhookId}", auth="client_secret"),
    tags=("platform", "webhooks"),
    aliases=("CAL_CAL_DELETE_OAUTH_CLIENT_WEBHOOK",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8", "webhookId": "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9"},),
)


CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS = declare(
    "CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS",
    description="Delete every webhook of a platform OAuth client.",
    params=ClientPath,
    route=Route("DELETE", "/v2/oauth-clients/{clientId}/webhooks", auth="client_secret"),
    tags=("platform", "webhooks"),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


# --- legacy provider checks (removed from the current API, no replacement) ----------------

# Spec: declares no credentials; the controller has no guard, so the route is public.
CAL_VERIFY_OAUTH_CLIENT = declare(
    "CAL_VERIFY_OAUTH_CLIENT",
    description="Retired route that may vanish: checks that an OAuth client id exists. Prefer CAL_GET_OAUTH_CLIENT "
    "with that clientId: it answers only for a client of your organization.",
    params=ClientPath,
    route=Route("GET", "/v2/provider/{clientId}", auth="none"),
    tags=("platform", "legacy"),
    aliases=("CAL_RETRIEVE_PROVIDER_DETAILS",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


# Spec: declares no credentials; the controller checks the bearer access token (ApiAuthGuard).
CAL_VERIFY_PROVIDER_ACCESS_TOKEN = declare(
    "CAL_VERIFY_PROVIDER_ACCESS_TOKEN",
    description="Retired route that may vanish: checks that a bearer access token is valid. Prefer CAL_GET_ME "
    "called with that token: it fails with 401 when the token is not valid.",
    params=ClientPath,
    route=Route("GET", "/v2/provider/{clientId}/access-token"),
    tags=("platform", "legacy"),
    aliases=("CAL_FETCH_PROVIDER_ACCESS_TOKEN",),
    examples=({"clientId": "cm2x8q5re0001p4096vdt1ab8"},),
)


ACTIONS = [
    CAL_LIST_MANAGED_USERS,
    CAL_CREATE_MANAGED_USER,
    CAL_GET_MANAGED_USER,
    CAL_UPDATE_MANAGED_USER,
    CAL_DELETE_MANAGED_USER,
    CAL_FORCE_REFRESH_MANAGED_USER_TOKENS,
    CAL_REFRESH_MANAGED_USER_TOKENS,
    CAL_CREATE_OAUTH_CLIENT_WEBHOOK,
    CAL_LIST_OAUTH_CLIENT_WEBHOOKS,
    CAL_GET_OAUTH_CLIENT_WEBHOOK,
    CAL_UPDATE_OAUTH_CLIENT_WEBHOOK,
    CAL_DELETE_OAUTH_CLIENT_WEBHOOK,
    CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS,
    CAL_VERIFY_OAUTH_CLIENT,
    CAL_VERIFY_PROVIDER_ACCESS_TOKEN,
]
