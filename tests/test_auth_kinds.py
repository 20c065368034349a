"""Routes that take either a bearer token or the OAuth client's headers."""

from __future__ import annotations

import httpx
import pytest
from pydantic import Field

from cal_actions import Cal
from cal_actions.action import Params, Registry, Route, declare
from cal_actions.sandbox import auth
from cal_actions.sandbox.app import Sandbox
from cal_actions.sandbox.errors import Unauthorized
from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, USER_ID


class _Org(Params):
    orgId: int = Field(description="org")


EITHER = Registry(
    [
        declare(
            "CAL_LIST_ORG_THINGS",
            description="List things.",
            params=_Org,
            route=Route("GET", "/v2/organizations/{orgId}/things", auth="bearer_or_platform"),
            tags=("orgs",),
        )
    ]
)


def _headers(**settings: str) -> httpx.Headers | str:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200, json={}))
    result = Cal(base_url="https://cal.test", transport=transport, registry=EITHER, **settings).execute(  # type: ignore[arg-type]
        "CAL_LIST_ORG_THINGS", {"orgId": 1}
    )
    return sent[0].headers if sent else str(result.error)


@pytest.mark.parametrize(
    ("settings", "sent", "not_sent"),
    [
        ({"api_key": "cal_test_key_1"}, {"authorization": "Bearer cal_test_key_1"}, ("x-cal-secret-key",)),
        (
            {"client_id": "cid", "client_secret": "csecret1"},
            {"x-cal-client-id": "cid", "x-cal-secret-key": "csecret1"},
            ("authorization",),
        ),
        # Both configured: the bearer token, so the call acts as that user and not as the platform's owner.
        (
            {"api_key": "cal_test_key_1", "client_id": "cid", "client_secret": "csecret1"},
            {"authorization": "Bearer cal_test_key_1"},
            ("x-cal-secret-key", "x-cal-client-id"),
        ),
    ],
)
def test_the_bearer_token_first_else_the_client_headers(
    settings: dict[str, str], sent: dict[str, str], not_sent: tuple[str, ...]
) -> None:
    headers = _headers(**settings)
    assert isinstance(headers, httpx.Headers)
    assert {name: headers[name] for name in sent} == sent
    assert not any(name in headers for name in not_sent)


def test_with_neither_the_error_names_both_ways() -> None:
    error = _headers()
    assert isinstance(error, str) and "api_key" in error and "client_id and client_secret" in error


def test_the_sandbox_accepts_either_and_the_client_acts_as_the_platform_owner() -> None:
    sandbox = Sandbox()
    with sandbox.store.transaction() as tx:
        by_key = auth.authenticate(tx, "bearer_or_platform", {"authorization": f"Bearer {API_KEY}"})
        by_client = auth.authenticate(
            tx,
            "bearer_or_platform",
            {"x-cal-client-id": OAUTH_CLIENT_ID, "x-cal-secret-key": OAUTH_CLIENT_SECRET, "authorization": "Bearer x"},
        )
        assert by_key.user_id == USER_ID and by_key.oauth_client_id is None
        assert by_client.user_id == USER_ID and by_client.oauth_client_id == OAUTH_CLIENT_ID
        with pytest.raises(Unauthorized, match="No authentication method"):
            auth.authenticate(tx, "bearer_or_platform", {})
        with pytest.raises(Unauthorized, match="Invalid client secret"):
            auth.authenticate(tx, "bearer_or_platform", {"x-cal-client-id": OAUTH_CLIENT_ID, "x-cal-secret-key": "bad"})
