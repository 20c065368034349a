"""The envelope for every kind of answer: success, Cal.com errors, broken bodies, network failures."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from cal_actions import ActionResult, AsyncCal, Cal

BOOKING = {"bookingUid": "uid-1"}


def _cal(handler, **settings) -> Cal:
    settings.setdefault("max_retries", 0)
    return Cal(api_key="cal_test_key", transport=httpx.MockTransport(handler), **settings)


def _error_body(status: int, code: str, message: str) -> dict:
    return {
        "status": "error",
        "timestamp": "2030-01-01T00:00:00.000Z",
        "path": "/v2/bookings/uid-1",
        "error": {"code": code, "message": message, "details": {}},
    }


def _assert_failure(result: ActionResult, *fragments: str) -> None:
    assert result.model_dump() == {"data": None, "successful": False, "error": result.error}
    for fragment in fragments:
        assert fragment in result.error


def test_success_unwraps_data() -> None:
    result = _cal(lambda r: httpx.Response(200, json={"status": "success", "data": {"uid": "uid-1"}})).execute(
        "CAL_GET_BOOKING", BOOKING
    )
    assert result.model_dump() == {"data": {"uid": "uid-1"}, "successful": True, "error": None}
    assert result.status_code == 200 and result.attempts == 1


def test_created_201() -> None:
    body = {"status": "success", "data": {"id": 5, "uid": "new"}}
    result = _cal(lambda r: httpx.Response(201, json=body)).execute(
        "CAL_CREATE_WEBHOOK",
        {
            "subscriberUrl": "https://example.com/hook",
            "triggers": ["BOOKING_CREATED"],
            "active": True,
        },
    )
    assert result.successful and result.data == {"id": 5, "uid": "new"}


def test_pagination_is_kept() -> None:
    body = {"status": "success", "data": [{"id": 1}], "pagination": {"totalItems": 1, "hasNextPage": False}}
    result = _cal(lambda r: httpx.Response(200, json=body)).execute("CAL_LIST_BOOKINGS", {})
    assert result.data == {"data": [{"id": 1}], "pagination": {"totalItems": 1, "hasNextPage": False}}


def test_no_content_204() -> None:
    result = _cal(lambda r: httpx.Response(204)).execute("CAL_DELETE_WEBHOOK", {"webhookId": "w1"})
    assert result.model_dump() == {"data": None, "successful": True, "error": None}


@pytest.mark.parametrize(
    ("status", "code", "message"),
    [
        (400, "BadRequestException", "start must be a valid ISO 8601 date string"),
        (401, "UnauthorizedException", "Invalid API key"),
        (404, "NotFoundException", "Booking with uid=uid-1 not found"),
        (409, "ConflictException", "User either already has booking at this time or is not available"),
        (429, "TooManyRequestsException", "Rate limit exceeded"),
        (500, "InternalServerErrorException", "Something went wrong"),
    ],
)
def test_cal_errors_carry_status_and_message(status: int, code: str, message: str) -> None:
    result = _cal(lambda r: httpx.Response(status, json=_error_body(status, code, message))).execute(
        "CAL_GET_BOOKING", BOOKING
    )
    _assert_failure(result, f"HTTP {status}", code, message)
    assert result.status_code == status


def test_validation_details_are_included() -> None:
    body = _error_body(400, "BadRequestException", "Bad Request")
    body["error"]["details"] = {"message": ["attendee.email must be an email"], "statusCode": 400}
    result = _cal(lambda r: httpx.Response(400, json=body)).execute("CAL_GET_BOOKING", BOOKING)
    _assert_failure(result, "attendee.email must be an email")


def test_error_envelope_with_success_status() -> None:
    body = _error_body(200, "BadRequestException", "no slots")
    result = _cal(lambda r: httpx.Response(200, json=body)).execute("CAL_GET_BOOKING", BOOKING)
    _assert_failure(result, "no slots")


def test_non_json_success_body() -> None:
    result = _cal(lambda r: httpx.Response(200, text="<html>hi</html>", headers={"content-type": "text/html"})).execute(
        "CAL_GET_BOOKING", BOOKING
    )
    _assert_failure(result, "not JSON", "text/html")


def test_html_error_page() -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    result = _cal(lambda r: httpx.Response(502, text=page, headers={"content-type": "text/html"})).execute(
        "CAL_GET_BOOKING", BOOKING
    )
    _assert_failure(result, "HTTP 502", "Bad Gateway")


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    result = _cal(handler, timeout=2).execute("CAL_GET_BOOKING", BOOKING)
    _assert_failure(result, "network error", "no answer within 2 s")


def test_refused_connection_on_a_real_socket() -> None:
    with socket.socket() as probe:  # a port nobody listens on: bound then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cal = Cal(api_key="cal_test_key", base_url=f"http://127.0.0.1:{port}", max_retries=0)
    result = cal.execute("CAL_GET_BOOKING", BOOKING)
    _assert_failure(result, "network error", "ConnectError")
    assert result.attempts == 1


def test_invalid_input_is_rejected_before_any_request() -> None:
    calls = []
    cal = _cal(lambda r: calls.append(r) or httpx.Response(200, json={}))
    missing = cal.execute("CAL_GET_BOOKING", {})
    wrong = cal.execute("CAL_LIST_BOOKINGS", {"take": "many"})
    extra = cal.execute("CAL_GET_BOOKING", {"bookingUid": "a", "bogus": 1})
    not_json = cal.execute("CAL_GET_BOOKING", "{not json")
    not_object = cal.execute("CAL_GET_BOOKING", "[1, 2]")
    too_deep = cal.execute("CAL_GET_BOOKING", "[" * 5000 + "]" * 5000)  # beyond the JSON parser's depth
    empty_path = cal.execute("CAL_GET_BOOKING", {"bookingUid": " "})
    unknown = cal.execute("CAL_NO_SUCH_ACTION", {})
    assert calls == []
    _assert_failure(missing, "bookingUid", "Field required")
    _assert_failure(wrong, "take")
    _assert_failure(extra, "bogus", "unknown field")
    _assert_failure(not_json, "not valid JSON")
    _assert_failure(not_object, "JSON object")
    _assert_failure(too_deep, "not valid JSON", "nested too deeply")
    _assert_failure(empty_path, "bookingUid", "empty")
    _assert_failure(unknown, "unknown action", "CAL_NO_SUCH_ACTION")


def test_missing_credentials_fail_before_any_request(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("CAL_API_KEY", "CAL_ACCESS_TOKEN", "CAL_CLIENT_ID", "CAL_CLIENT_SECRET"):
        monkeypatch.delenv(variable, raising=False)
    calls = []
    cal = Cal(transport=httpx.MockTransport(lambda r: calls.append(r) or httpx.Response(200, json={})))
    _assert_failure(cal.execute("CAL_GET_ME"), "api_key")
    _assert_failure(cal.execute("CAL_LIST_MANAGED_USERS", {"clientId": "c"}), "client_secret")
    assert calls == []


def test_aliases_run_the_same_action() -> None:
    paths = []
    cal = _cal(lambda r: paths.append(r.url.path) or httpx.Response(200, json={"status": "success", "data": 1}))
    cal.execute("CAL_RETRIEVE_BOOKING_DETAILS_BY_UID", BOOKING)
    cal.execute("cal_get_booking", BOOKING)
    assert paths == ["/v2/bookings/uid-1", "/v2/bookings/uid-1"]


def test_environment_configures_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAL_API_KEY", "cal_live_env")
    monkeypatch.setenv("CAL_BASE_URL", "https://cal.example/")
    seen = []
    cal = Cal(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(200, json={})))
    cal.execute("CAL_GET_ME")
    assert str(seen[0].url) == "https://cal.example/v2/me"
    assert seen[0].headers["authorization"] == "Bearer cal_live_env"
    assert "cal_live_env" not in repr(cal.config) and "cal_live_env" not in repr(cal)


def test_async_client_gives_the_same_envelopes() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("missing"):
            return httpx.Response(404, json=_error_body(404, "NotFoundException", "gone"))
        return httpx.Response(200, json={"status": "success", "data": {"uid": "uid-1"}})

    async def main() -> tuple[ActionResult, ActionResult, ActionResult]:
        async with AsyncCal(api_key="k", transport=httpx.MockTransport(handler), max_retries=0) as cal:
            return (
                await cal.execute("CAL_GET_BOOKING", BOOKING),
                await cal.execute("CAL_GET_BOOKING", {"bookingUid": "missing"}),
                await cal.execute("CAL_GET_BOOKING", {}),
            )

    found, missing, invalid = asyncio.run(main())
    assert found.data == {"uid": "uid-1"}
    _assert_failure(missing, "HTTP 404", "gone")
    _assert_failure(invalid, "bookingUid")


def test_constraint_errors_are_included() -> None:
    body = _error_body(400, "BadRequestException", "Validation failed")
    body["error"]["details"] = {
        "errors": [{"property": "schedulingType", "constraints": {"isEnum": "schedulingType must be one of: X, Y"}}]
    }
    result = _cal(lambda r: httpx.Response(400, json=body)).execute("CAL_GET_BOOKING", BOOKING)
    _assert_failure(result, "Validation failed", "schedulingType must be one of: X, Y")
