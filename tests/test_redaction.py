"""Planted credentials never surface: not in envelopes, messages, logs, reprs or CLI output,
whatever fails and even when the server echoes them back."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from cal_actions import Cal
from cal_actions.cli import main
from cal_actions.config import ClientConfig
from cal_actions.http.tokens import Tokens
from tests.loopback import Handler, serve

MARK = "PLANTED"
API_KEY = f"cal_live_{MARK}apikey0001"
CLIENT_SECRET = f"{MARK}clientsecret0002"
ACCESS = f"{MARK}accesstoken0003"
REFRESH = f"{MARK}refreshtoken0004"
NEW_ACCESS, NEW_REFRESH = f"{MARK}newaccess0005", f"{MARK}newrefresh0006"
ENVIRONMENT = {"CAL_API_KEY": API_KEY, "CAL_CLIENT_ID": "client-1", "CAL_CLIENT_SECRET": CLIENT_SECRET}


def _echo(request: httpx.Request) -> str:
    """Everything secret the request carried, as a careless server would put it in an error."""
    return " ".join(
        [
            request.headers.get("authorization", ""),
            request.headers.get("x-cal-secret-key", ""),
            request.content.decode(errors="replace"),
        ]
    )


def _echoing(status: int):
    def handler(request: httpx.Request) -> httpx.Response:
        if status == 0:
            raise httpx.ConnectError(f"could not connect while sending {_echo(request)}", request=request)
        if status == 200:
            return httpx.Response(200, json={"status": "success", "data": {"yours": _echo(request), API_KEY: 1}})
        body = {"status": "error", "error": {"code": "E", "message": f"rejected {_echo(request)}"}}
        return httpx.Response(status, json=body)

    return handler


def _leaks(*texts: object) -> list[str]:
    return [str(text) for text in texts if MARK in str(text)]


@pytest.fixture(autouse=True)
def _debug_logs(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch):
    for variable in ("CAL_API_KEY", "CAL_ACCESS_TOKEN", "CAL_REFRESH_TOKEN", "CAL_CLIENT_SECRET", "CAL_CLIENT_ID"):
        monkeypatch.delenv(variable, raising=False)
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    yield
    assert _leaks(caplog.text) == []


@pytest.mark.parametrize("status", [0, 200, 400, 401, 403, 404, 500, 503])
@pytest.mark.parametrize(
    ("action", "arguments"),
    [
        ("CAL_GET_ME", {}),
        ("CAL_LIST_MANAGED_USERS", {"clientId": "client-1"}),
        ("CAL_CANCEL_BOOKING", {"bookingUid": "b"}),
    ],
)
def test_no_answer_or_failure_reveals_a_credential(status: int, action: str, arguments: dict) -> None:
    cal = Cal(
        api_key=API_KEY,
        client_id="client-1",
        client_secret=CLIENT_SECRET,
        transport=httpx.MockTransport(_echoing(status)),
    )
    result = cal.execute(action, arguments)
    assert result.successful == (status == 200)
    assert _leaks(result.model_dump_json(), repr(result), str(result.data), result.error) == []
    if status:
        assert "***" in (result.error or json.dumps(result.data))


def test_refresh_failures_and_renewed_tokens_stay_hidden() -> None:
    renewed: list[Tokens] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refresh"):
            data = {"accessToken": NEW_ACCESS, "refreshToken": NEW_REFRESH}
            return httpx.Response(200, json={"status": "success", "data": data})
        if request.headers["authorization"] == f"Bearer {NEW_ACCESS}":
            return httpx.Response(500, json={"status": "error", "error": {"message": f"boom {_echo(request)}"}})
        return httpx.Response(401, json={"status": "error", "error": {"message": f"expired {_echo(request)}"}})

    settings = {"client_id": "client-1", "client_secret": CLIENT_SECRET, "access_token": ACCESS}
    cal = Cal(refresh_token=REFRESH, on_tokens=renewed.append, transport=httpx.MockTransport(handler), **settings)
    after_refresh = cal.execute("CAL_GET_ME", max_retries=0)
    assert "HTTP 500" in after_refresh.error and renewed
    assert _leaks(after_refresh.error, repr(renewed), repr(cal), repr(cal.config)) == []

    def refusing(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/refresh"):
            return httpx.Response(400, json={"status": "error", "error": {"message": f"bad {_echo(request)}"}})
        return httpx.Response(401, json={"status": "error", "error": {"message": f"expired {_echo(request)}"}})

    failed = Cal(refresh_token=REFRESH, transport=httpx.MockTransport(refusing), **settings).execute("CAL_GET_ME")
    assert failed.error.startswith("the access token expired and could not be refreshed: HTTP 400")
    assert _leaks(failed.error) == []


def test_dry_runs_and_reprs_mask_every_credential() -> None:
    cal = Cal(api_key=API_KEY, client_id="client-1", client_secret=CLIENT_SECRET, access_token=ACCESS, dry_run=True)
    for action, arguments in [("CAL_GET_ME", {}), ("CAL_LIST_MANAGED_USERS", {"clientId": "client-1"})]:
        result = cal.execute(action, arguments)
        assert result.successful and _leaks(result.model_dump_json()) == []
    assert _leaks(repr(cal), repr(cal.config), repr(Tokens(NEW_ACCESS, NEW_REFRESH))) == []


def test_invalid_input_and_bad_settings_do_not_echo_credentials() -> None:
    cal = Cal(api_key=API_KEY, transport=httpx.MockTransport(_echoing(200)))
    for arguments in ({"bookingUid": 5, "extra": API_KEY}, f'{{"bookingUid": "{API_KEY}", "x": 1}}', "not json"):
        result = cal.execute("CAL_GET_BOOKING", arguments)
        assert not result.successful and _leaks(result.error) == []
    for bad in ({"timeout": 0}, {"max_retries": -1}, {"policy": "loose"}):
        with pytest.raises(ValueError) as raised:
            ClientConfig(api_key=API_KEY, client_secret=CLIENT_SECRET, **bad)
        assert _leaks(str(raised.value), repr(raised.value)) == []


def _cli_server(handler: Handler, hit: int) -> None:
    secret = f"{handler.headers.get('authorization')} {handler.headers.get('x-cal-secret-key')}"
    handler.send(401, {"status": "error", "error": {"code": "UnauthorizedException", "message": f"bad {secret}"}})


def test_cli_output_never_shows_a_credential(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable, value in ENVIRONMENT.items():
        monkeypatch.setenv(variable, value)
    with serve(_cli_server) as (base_url, seen):
        assert main(["call", "CAL_GET_ME", "--base-url", base_url]) == 1
        platform = ["call", "CAL_LIST_MANAGED_USERS", "--args", '{"clientId": "client-1"}']
        assert main([*platform, "--base-url", base_url]) == 1
        assert main(["call", "CAL_GET_ME", "--dry-run", "--base-url", base_url]) == 0
        assert main(["call", "CAL_GET_BOOKING", "--args", "{oops", "--base-url", base_url]) == 1
        assert main(["call", "CAL_DELETE_WEBHOOK", "--args", '{"webhookId": "w"}', "--policy", "read_only"]) == 1
    assert len(seen.requests) == 2  # the dry run, the bad input and the blocked call sent nothing
    for argv in (["--help"], ["call", "--help"], ["mcp", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
    captured = capsys.readouterr()
    assert "UnauthorizedException: bad Bearer ***" in captured.out
    assert _leaks(captured.out, captured.err) == []


def test_sensitive_arguments_are_masked_like_credentials() -> None:
    """A field marked ``SENSITIVE`` (a nested one too) is masked in answers, errors and dry runs; others are not."""
    from typing import Annotated

    from pydantic import Field

    from cal_actions.action import SENSITIVE, Params, Registry, Route, declare, sensitive_values

    class Key(Params):
        private_key: Annotated[str, SENSITIVE] = Field(description="secret")
        client_id: str = Field(description="not secret")

    class Store(Params):
        key: Key = Field(description="k")
        keys: list[Key] = Field(description="ks")

    action = declare("CAL_STORE_KEY", description="Stores a key, for this test.", params=Store,
                     route=Route("POST", "/v2/keys"), tags=("test",))  # fmt: skip
    secret, other = f"{MARK}privatekey0007", f"{MARK}listkey0008"
    arguments = {"key": {"private_key": secret, "client_id": "id-1"},
                 "keys": [{"private_key": other, "client_id": "x"}]}  # fmt: skip
    assert sensitive_values(Store.model_validate(arguments)) == {secret, other}
    assert sensitive_values(Key.model_validate({"private_key": "", "client_id": "1"})) == {""}  # too short to mask

    def echoing(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"status": "error", "error": {"message": request.content.decode()}})

    with Cal(api_key=API_KEY, registry=Registry([action]), transport=httpx.MockTransport(echoing)) as cal:
        failed = cal.execute("CAL_STORE_KEY", arguments)
        dry = cal.execute("CAL_STORE_KEY", arguments, dry_run=True)
    assert failed.status_code == 400 and "id-1" in failed.error
    assert _leaks(failed.error, json.dumps(dry.data)) == []


def _echo_body(handler: Handler, hit: int) -> None:
    length = int(handler.headers.get("content-length") or 0)
    body = handler.rfile.read(length).decode() if length else ""
    handler.send(400, {"status": "error", "error": {"code": "BadRequestException", "message": f"target {body}"}})


def test_cli_masks_a_service_account_key_a_server_echoes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAL_API_KEY", API_KEY)
    key = {"private_key": f"{MARK}serviceaccountkey0009", "client_email": "sa@acme.example", "client_id": "1"}
    arguments = json.dumps({"orgId": 1, "workspacePlatformSlug": "google", "domain": "acme.example",
                            "serviceAccountKey": key})  # fmt: skip
    call = ["call", "CAL_CREATE_ORG_DELEGATION_CREDENTIAL", "--args", arguments]
    with serve(_echo_body) as (base_url, seen):
        assert main([*call, "--base-url", base_url]) == 1
        assert main([*call, "--base-url", base_url, "--dry-run"]) == 0
        assert main([*call, "--sandbox"]) == 0
    assert len(seen.requests) == 1
    out = capsys.readouterr().out
    assert "acme.example" in out and '"private_key": "***"' in out  # the rest of the echo is kept
    assert _leaks(out) == []


#: Argument names that carry a secret wherever they appear (a nested key's ``private_key`` included).
SECRET_ARGUMENTS = {"calApiKey", "password", "secret", "refreshToken", "accessToken", "apiKey", "clientSecret",
                    "private_key"}  # fmt: skip


def _argument_fields(model: type, path: str = "") -> list[tuple[str, str, object]]:
    from cal_actions.params import _models_in

    found = []
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        wire = info.alias or name
        found.append((path + wire, wire, info))
        for inner in _models_in(info.annotation):
            found += _argument_fields(inner, f"{path}{wire}.")
    return found


def test_every_secret_argument_is_sensitive_and_says_so() -> None:
    from cal_actions import registry
    from cal_actions.action import SENSITIVE

    secret_fields = [
        (action.name, where, info)
        for action in registry
        for where, wire, info in _argument_fields(action.params)
        if wire in SECRET_ARGUMENTS
    ]
    assert len({name for name, _, _ in secret_fields}) >= 14  # phone calls, webhooks, tokens, iCloud, delegation
    for name, where, info in secret_fields:
        assert SENSITIVE in info.metadata, f"{name} {where}"  # type: ignore[attr-defined]
        assert info.description.startswith(("Secret", "Sensitive")) or "Sensitive:" in info.description, where  # type: ignore[attr-defined]


def test_cli_dry_run_masks_a_refresh_token_given_as_an_argument(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAL_CLIENT_ID", "cid")
    monkeypatch.setenv("CAL_CLIENT_SECRET", CLIENT_SECRET)
    arguments = json.dumps({"clientId": "cid", "refreshToken": f"rt_{MARK}argsecret_123"})
    assert main(["call", "CAL_REFRESH_MANAGED_USER_TOKENS", "--args", arguments, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert '"refreshToken": "***"' in out and _leaks(out) == []
