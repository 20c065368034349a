"""Stripe: connecting a stand-in Stripe account for paid event types, of the user (``/v2/stripe``) or of an
organization team (team admins), and connection checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cal_actions.sandbox.auth import state_token
from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import credentials, org_access, teams
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx

routes = Routes()

TYPE = "stripe_payment"


def connect_account(tx: Tx, *, user_id: int | None, team_id: int | None = None) -> Document:
    return credentials.new_credential(
        tx, TYPE, "stripe", user_id=user_id, team_id=team_id, account="acct_standin0000000000"
    )


def _connect_url(call: Call, save_path: str, state: dict[str, Any]) -> dict[str, str]:
    # Cal.com puts the caller's token in the state; the callback acts as it.
    state = {**state, "accessToken": state_token(call.tx, call.principal)}
    auth_url = stand_in_url(
        "stripe", "oauth/authorize", response_type="code", client_id="ca_standin", scope="read_write",
        redirect_uri=f"https://sandbox.cal.local{save_path}", state=json.dumps(state),
    )  # fmt: skip
    return {"authUrl": auth_url}


def _saved(call: Call, store: Callable[[int], None]) -> Reply:
    """The OAuth callback: store the account (given the user whose token the state carries), then send the browser
    back (301) to the state's returnTo."""
    if not call.query.get("state"):
        raise BadRequest("Missing `state` query param")
    credentials.query_text(call, "code")  # a stand-in Stripe accepts any code
    owner, state = credentials.json_state(call)
    target = str(state.get("returnTo") or credentials.stand_in_url("cal", "apps/stripe"))
    store(owner)
    return Reply({"url": target}, status=301, headers={"location": target})


@routes.action("CAL_GET_STRIPE_CONNECT_URL")
def connect_url(call: Call) -> dict[str, str]:
    returns = "https://sandbox.cal.local/stand-in/cal/apps/stripe"
    return _connect_url(call, "/v2/stripe/save", {"returnTo": returns, "onErrorReturnTo": returns})


@routes.action("CAL_SAVE_STRIPE_CREDENTIALS")
def save(call: Call) -> Reply:
    def store(user_id: int) -> None:
        if not credentials.of_user(call.tx, user_id, TYPE):
            connect_account(call.tx, user_id=user_id)

    return _saved(call, store)


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


def _team(call: Call) -> Document:
    return org_access.require_org_team_role(call, "ADMIN")


@routes.action("CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL")
def team_connect_url(call: Call) -> dict[str, str]:
    team = _team(call)
    state = {
        "onErrorReturnTo": credentials.query_text(call, "onErrorReturnTo"),
        "fromApp": False,
        "returnTo": credentials.query_text(call, "returnTo"),
        "teamId": str(team["id"]),
        "orgId": str(team["parentId"]),
    }
    return _connect_url(call, f"/v2/organizations/{team['parentId']}/teams/{team['id']}/stripe/save", state)


@routes.action("CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS")
def team_save(call: Call) -> Reply:
    team = _team(call)

    def store(_user_id: int) -> None:  # Cal.com replaces the team's earlier Stripe accounts
        for credential in credentials.of_team(call.tx, team["id"], TYPE):
            call.tx.delete(credentials.KIND, credential["id"])
        connect_account(call.tx, user_id=None, team_id=team["id"])

    return _saved(call, store)
