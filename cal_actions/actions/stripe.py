"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare




CAL_GET_STRIPE_CONNECT_URL = declare(
    "CAL_GET_STRIPE_CONNECT_URL",
    description="TODO (Get stripe connect URL)",
    params=NoParams,
    route=Route("GET", "/v2/stripe/connect"),
    tags=('stripe',),
    aliases=('CAL_GET_STRIPE_CONNECT_INFO',),
)


class SaveStripeCredentials(Params):
    state: str = Field(description='SPEC: ')
    code: str = Field(description='SPEC: ')


CAL_SAVE_STRIPE_CREDENTIALS = declare(
    "CAL_SAVE_STRIPE_CREDENTIALS",
    description="TODO (Save stripe credentials)",
    params=SaveStripeCredentials,
    route=Route("GET", "/v2/stripe/save"),
    tags=('stripe',),
    aliases=('CAL_SAVE_STRIPE_DETAILS',),
)




CAL_CHECK_STRIPE_CONNECTION = declare(
    "CAL_CHECK_STRIPE_CONNECTION",
    description="TODO (Check stripe connection)",
    params=NoParams,
    route=Route("GET", "/v2/stripe/check"),
    tags=('stripe',),
    aliases=('CAL_CHECK_STRIPE_STATUS',),
)


class CheckTeamStripeConnection(Params):
    orgId: int = Field(description='SPEC: ')
    teamId: int = Field(description='SPEC: ')


# NOTE: replaces retired GET /v2/stripe/check/{teamId}
CAL_CHECK_TEAM_STRIPE_CONNECTION = declare(
    "CAL_CHECK_TEAM_STRIPE_CONNECTION",
    description="TODO (Check team Stripe connection)",
    params=CheckTeamStripeConnection,
    route=Route("GET", "/v2/organizations/{orgId}/teams/{teamId}/stripe/check"),
    tags=('stripe', 'teams', 'orgs'),
    aliases=('CAL_CHECK_TEAM_STRIPE_INTEGRATION_STATUS',),
)


ACTIONS = [CAL_GET_STRIPE_CONNECT_URL, CAL_SAVE_STRIPE_CREDENTIALS, CAL_CHECK_STRIPE_CONNECTION, CAL_CHECK_TEAM_STRIPE_CONNECTION]
