"""The sandbox framework: envelopes, credentials, versions, validation, and /v2/me through ``Cal.sandbox()``."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL, Sandbox, SandboxTransport
from tests.support import LIVE_SPEC, PINNED_SPEC, find_operation, load_spec, openapi_to_jsonschema


def _openapi_to_jsonschema(node: Any) -> Any:
    """``oneOf`` is read as ``anyOf``: the documents list overlapping booking shapes that a single
    booking matches several of."""
    return openapi_to_jsonschema(node, one_of_as_any_of=True)


@functools.cache
def _components(path: Path) -> dict[str, Any]:
    return _openapi_to_jsonschema(load_spec(path)["components"])


def assert_matches_spec(method: str, template: str, status: int, body: Any) -> None:
    """The whole response body validates against the pinned document's schema for that route
    (the live document's for routes only it has, such as the slot reservations)."""
    spec_path = PINNED_SPEC
    found = find_operation(load_spec(PINNED_SPEC), method, template)
    if found is None:
        spec_path, found = LIVE_SPEC, find_operation(load_spec(LIVE_SPEC), method, template)
    assert found is not None, f"{method} {template} is in neither document"
    response = found[1]["responses"].get(str(status))
    assert response is not None, f"no {status} response documented for {method} {template}"
    schema = _openapi_to_jsonschema(response["content"]["application/json"]["schema"])
    jsonschema.validate(body, {**schema, "components": _components(spec_path)})


def without_unset(body: Any) -> Any:
    """The body less its null fields: Cal.com's server answers a team's and a member's unset fields as null,
    which the pinned document does not allow (the live contract test checks them, patched as "unset fields")."""
    if isinstance(body, dict):
        return {key: without_unset(value) for key, value in body.items() if value is not None}
    if isinstance(body, list):
        return [without_unset(item) for item in body]
    return body


def raw_client(sandbox: Sandbox, token: str | None = API_KEY) -> httpx.Client:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(transport=SandboxTransport(sandbox), base_url=SANDBOX_BASE_URL, headers=headers)


def test_get_me_returns_seeded_profile_with_organization() -> None:
    with Cal.sandbox() as cal:
        result = cal.execute("CAL_GET_ME")
    assert result.successful, result.error
    assert result.data["username"] == "ada"
    assert result.data["timeZone"] == "Europe/Berlin"
    assert result.data["organizationId"] == result.data["organization"]["id"]
    assert cal.emulator.read("user", result.data["id"])["email"] == result.data["email"]


def test_me_envelope_matches_pinned_spec() -> None:
    with raw_client(Sandbox()) as client:
        response = client.get("/v2/me")
    assert response.status_code == 200
    assert_matches_spec("GET", "/v2/me", 200, response.json())


def test_update_me_persists_and_validates_time_zone() -> None:
    with Cal.sandbox() as cal:
        updated = cal.execute("CAL_UPDATE_ME", {"timeZone": "America/Chicago", "weekStart": "Sunday"})
        again = cal.execute("CAL_GET_ME")
        bad = cal.execute("CAL_UPDATE_ME", {"timeZone": "Mars/Olympus"})
    assert updated.successful and again.data["timeZone"] == "America/Chicago"
    assert again.data["weekStart"] == "Sunday"
    assert not bad.successful and bad.status_code == 400 and "timeZone" in bad.error


def test_unknown_bearer_token_is_unauthorized_with_error_envelope() -> None:
    with raw_client(Sandbox(), token="cal_live_not_a_key") as client:
        response = client.get("/v2/me?x=1")
    body = response.json()
    assert response.status_code == 401
    assert body["status"] == "error" and body["path"] == "/v2/me?x=1" and body["timestamp"].endswith("Z")
    assert body["error"]["code"] == "UnauthorizedException"
    with raw_client(Sandbox(), token=None) as client:
        assert client.get("/v2/me").json()["error"]["code"] == "UnauthorizedException"


@pytest.mark.parametrize(
    ("method", "path", "header", "status"),
    [
        # The current controllers answer their versions (schedules answer two).
        ("GET", "/v2/bookings", "2024-08-13", 200),
        ("GET", "/v2/event-types", "2024-06-14", 200),
        ("GET", "/v2/schedules", "2024-06-11", 200),
        ("GET", "/v2/schedules", "2024-06-14", 200),
        # Absent, older or unknown: Cal.com serves its 2024-04-15 controller, which the sandbox refuses.
        ("GET", "/v2/bookings", None, 400),
        ("GET", "/v2/bookings", "2024-04-15", 400),
        ("GET", "/v2/bookings", "2024-06-14", 400),
        ("GET", "/v2/bookings", "not-a-version", 400),
        ("POST", "/v2/bookings/abc/cancel", None, 400),
        ("GET", "/v2/event-types", None, 400),
        ("GET", "/v2/schedules/default", None, 400),
        # No controller of that version has the route: Cal.com's own 404.
        ("GET", "/v2/bookings", "2024-09-04", 404),
        ("POST", "/v2/bookings/abc/reschedule", None, 404),
        ("GET", "/v2/event-types", "2024-08-13", 404),
        ("GET", "/v2/slots?eventTypeId=2&start=2031-03-04&end=2031-03-04", None, 404),
        ("GET", "/v2/slots?eventTypeId=2&start=2031-03-04&end=2031-03-04", "2024-08-13", 404),
    ],
)
def test_versioned_routes_follow_cal_com_controller_versions(
    method: str, path: str, header: str | None, status: int
) -> None:
    headers = {"cal-api-version": header} if header else {}
    with raw_client(Sandbox()) as client:
        response = client.request(method, path, headers=headers)
    assert response.status_code == status, response.text
    if status == 200:
        return
    error = response.json()["error"]
    if status == 404:
        assert error["message"] == f"Cannot {method} {path.split('?')[0]}"  # Cal.com's wording, unchanged
    hint = error["message"] + str(error.get("details"))
    assert "cal-api-version: 20" in hint, "the answer names the header and the version to send"
    if status == 400:
        sent = "without a cal-api-version header" if header is None else f"with cal-api-version: {header}"
        assert sent in error["message"] and "2024-04-15 controller" in error["message"]


def test_unknown_body_field_and_missing_field_are_bad_requests() -> None:
    with raw_client(Sandbox()) as client:
        extra = client.patch("/v2/me", json={"favouriteColour": "green"})
        missing = client.post("/v2/schedules", json={"name": "x"}, headers={"cal-api-version": "2024-06-11"})
    assert extra.status_code == 400
    assert extra.json()["error"]["code"] == "BadRequestException"
    assert "property favouriteColour should not exist" in extra.json()["error"]["details"]["message"]
    assert (
        missing.status_code == 400 and "timeZone should not be empty" in missing.json()["error"]["details"]["message"]
    )


def test_platform_routes_need_matching_client_credentials() -> None:
    with Cal.sandbox() as cal:
        own = cal.execute("CAL_LIST_OAUTH_CLIENT_WEBHOOKS", {"clientId": cal.config.client_id})
    with Cal.sandbox(client_secret="wrong") as cal:
        wrong = cal.execute("CAL_LIST_OAUTH_CLIENT_WEBHOOKS", {"clientId": cal.config.client_id})
    assert own.successful and len(own.data) == 1
    assert not wrong.successful and wrong.status_code == 401


def test_real_account_environment_does_not_leak_into_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAL_API_KEY", "cal_live_real_account")
    monkeypatch.setenv("CAL_ACCESS_TOKEN", "real-access-token")
    with Cal.sandbox() as cal:
        assert cal.execute("CAL_GET_ME").successful


def test_failed_request_rolls_back_every_write() -> None:
    sandbox = Sandbox()
    before = sandbox.read("schedule")
    with raw_client(sandbox) as client:
        # The team exists but the host is not a member: nothing may be stored.
        response = client.post(
            "/v2/teams/2/event-types",
            json={
                "title": "T",
                "slug": "t",
                "lengthInMinutes": 30,
                "schedulingType": "COLLECTIVE",
                "hosts": [{"userId": 4}],
            },
        )
    assert response.status_code == 400
    assert sandbox.read("schedule") == before
    assert not any(e["slug"] == "t" for e in sandbox.read("event_type"))


def test_async_client_shares_an_emulator_passed_in() -> None:
    sandbox = Sandbox()

    async def rename() -> None:
        async with AsyncCal.sandbox(sandbox) as cal:
            assert (await cal.execute("CAL_UPDATE_ME", {"name": "Ada King"})).successful
            assert cal.emulator is sandbox

    asyncio.run(rename())
    with Cal.sandbox(sandbox) as cal:
        assert cal.execute("CAL_GET_ME").successful and cal.emulator.read("user", 1)["name"] == "Ada King"
