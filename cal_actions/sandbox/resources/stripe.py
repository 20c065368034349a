"""``/v2/stripe``: connecting a stand-in Stripe account for paid event types, and connection checks."""

from __future__ import annotations

import json

from cal_actions.sandbox.auth import state_token
from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import credentials, teams
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

TYPE = "stripe_payment"


def connect_account(tx: Tx, *, user_id: int | None, team_id: int | None = None) -> Document:
    return credentials.new_credential(
        tx, TYPE, "stripe", user_id=user_id, team_id=team_id, account="acct_standin0000000000"
    )


@routes.action("CAL_GET_STRIPE_CONNECT_URL")
def connect_url(call: Call) -> dict[str, str]:
    returns = "https://sandbox.cal.local/stand-in/cal/apps/stripe"
    token = state_token(call.tx, call.principal)
    state = json.dumps({"accessToken": token, "returnTo": returns, "onErrorReturnTo": returns})
    auth_url = stand_in_url(
        "stripe", "oauth/authorize", response_type="code", client_id="ca_standin", scope="read_write",
        redirect_uri="https://sandbox.cal.local/v2/stripe/save", state=state,
    )  # fmt: skip
    return {"authUrl": auth_url}


@routes.action("CAL_SAVE_STRIPE_CREDENTIALS")
def save(call: Call) -> Reply:
    credentials.query_text(call, "code")  # a stand-in Stripe accepts any code
    user_id, state = credentials.json_state(call)
    target = str(state.get("returnTo") or credentials.stand_in_url("cal", "apps/stripe"))
    if not credentials.of_user(call.tx, user_id, TYPE):
        connect_account(call.tx, user_id=user_id)
    # Cal.com redirects the browser back (301) after storing the account.
    return Reply({"url": target}, status=301, headers={"location": target})


def _validate(found: list[Document]) -> Reply:
    if not found:
        raise NotFound("Credentials for stripe not found.")
    if all(credential["invalid"] for credential in found):
        raise BadRequest("Invalid stripe credentials.")
    return Reply(NO_DATA)


@routes.action("CAL_CHECK_STRIPE_CONNECTION")
def check(call: Call) -> Reply:
    return _validate(credentials.of_user(call.tx, call.user_id, TYPE))


@routes.action("CAL_CHECK_TEAM_STRIPE_CONNECTION")
def check_team(call: Call) -> Reply:
    org_id, team_id = call.int_param("orgId"), call.int_param("teamId")
    teams.require_org_member(call.tx, org_id, call.user_id)
    teams.load_team(call.tx, team_id, org_id=org_id)
    teams.require_member(call.tx, team_id, call.user_id)
    return _validate(credentials.of_team(call.tx, team_id, TYPE))
