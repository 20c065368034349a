"""Stripe payments: connect a user's or an organization team's Stripe account and check the connection."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import NoParams, Route, declare
from cal_actions.actions._paths import OrgPath, OrgTeamPath
from cal_actions.actions.calendars import CALLBACK_NOTE, JSON_STATE_HINTS, OAuthCallback, ReturnUrls

CAL_GET_STRIPE_CONNECT_URL = declare(
    "CAL_GET_STRIPE_CONNECT_URL",
    description=("Get the OAuth URL connecting your Stripe account, for paid event types."),
    params=NoParams,
    route=Route("GET", "/v2/stripe/connect"),
    tags=("stripe",),
    aliases=("CAL_GET_STRIPE_CONNECT_INFO",),
    examples=({},),
)

CAL_SAVE_STRIPE_CREDENTIALS = declare(
    "CAL_SAVE_STRIPE_CREDENTIALS",
    description=("OAuth callback storing Stripe credentials; normally reached by the browser."),
    params=OAuthCallback,
    # Server: stripe.controller.ts guards nothing here (the state carries the user's access token).
    route=Route("GET", "/v2/stripe/save", auth="none"),
    tags=("stripe",),
    aliases=("CAL_SAVE_STRIPE_DETAILS",),
    read_only=False,
    hints_note=CALLBACK_NOTE,
    error_hints=JSON_STATE_HINTS,
    examples=({"state": '{"returnTo":"https://app.acme.com/settings/payments","accessToken":"eyJhbGciOi.e30.sig"}',
               "code": "ac_PqR7sT2uV9wX4yZ1"},),
)  # fmt: skip

CAL_CHECK_STRIPE_CONNECTION = declare(
    "CAL_CHECK_STRIPE_CONNECTION",
    description=("Check whether your own Stripe account is connected and usable."),
    params=NoParams,
    route=Route("GET", "/v2/stripe/check"),
    tags=("stripe",),
    aliases=("CAL_CHECK_STRIPE_STATUS",),
    examples=({},),
)


class CheckTeamStripeConnection(OrgPath):
    teamId: int = Field(description="From CAL_LIST_ORG_TEAMS")


# Live API: the pinned spec's GET /v2/stripe/check/{teamId} was retired; the team check now lives under the
# organization, hence the extra orgId. The document names no credentials, but organizations-stripe.controller.ts
# guards the route with ApiAuthGuard (team admins only).
CAL_CHECK_TEAM_STRIPE_CONNECTION = declare(
    "CAL_CHECK_TEAM_STRIPE_CONNECTION",
    description=("Check whether an organization team's Stripe account is connected and usable."),
    params=CheckTeamStripeConnection,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/stripe/check"),
    tags=("stripe", "teams", "orgs"),
    aliases=("CAL_CHECK_TEAM_STRIPE_INTEGRATION_STATUS",),
    examples=({"orgId": 12, "teamId": 31},),
)


class GetOrgTeamStripeConnectUrl(ReturnUrls, OrgTeamPath):
    pass


CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL = declare(
    "CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL",
    description="Get the OAuth URL connecting an organization team's Stripe account, for the team's paid event "
    "types (team admin).",
    params=GetOrgTeamStripeConnectUrl,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/stripe/connect"),
    tags=("stripe", "teams", "orgs"),
    examples=({"orgId": 12, "teamId": 31, "returnTo": "https://app.acme.com/teams/31/payments",
               "onErrorReturnTo": "https://app.acme.com/teams/31/payments?error=stripe"},),
)  # fmt: skip


class SaveOrgTeamStripeCredentials(OAuthCallback, OrgTeamPath):
    pass


CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS = declare(
    "CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS",
    description="OAuth callback storing an organization team's Stripe account; normally reached by the browser.",
    params=SaveOrgTeamStripeCredentials,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/stripe/save"),
    tags=("stripe", "teams", "orgs"),
    read_only=False,
    hints_note=CALLBACK_NOTE,
    error_hints=JSON_STATE_HINTS,
    examples=({"orgId": 12, "teamId": 31,
               "state": '{"returnTo":"https://app.acme.com/teams/31/payments","accessToken":"eyJhbGciOi.e30.sig"}',
               "code": "ac_PqR7sT2uV9wX4yZ1"},),
)  # fmt: skip


ACTIONS = [
    CAL_GET_STRIPE_CONNECT_URL,
    CAL_SAVE_STRIPE_CREDENTIALS,
    CAL_CHECK_STRIPE_CONNECTION,
    CAL_CHECK_TEAM_STRIPE_CONNECTION,
    CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL,
    CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS,
]
