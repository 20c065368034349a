"""What a careless caller can pass: odd names, booleans for ids, odd base URLs, secrets in arguments."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest

from cal_actions import AsyncCal, Cal, registry

KEY = "cal_live_s3cret/with+odd chars"


def _recording_cal(sent: list[httpx.Request], **settings: object) -> Cal:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "success", "data": {"id": 1}})

    return Cal(api_key=KEY, base_url="https://cal.test", transport=httpx.MockTransport(answer), **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "arguments", "field"),
    [
        ("CAL_GET_EVENT_TYPE", {"eventTypeId": True}, "eventTypeId"),
        ("CAL_GET_TEAM_MEMBERSHIP", {"teamId": 1, "membershipId": False}, "membershipId"),
        ("CAL_LIST_BOOKINGS", {"take": True}, "take"),
        ("CAL_REASSIGN_BOOKING_TO_USER", {"bookingUid": "b1", "userId": True}, "userId"),
    ],
)
def test_a_boolean_is_never_an_id_or_a_number(name: str, arguments: dict[str, object], field: str) -> None:
    sent: list[httpx.Request] = []
    result = _recording_cal(sent).execute(name, arguments)
    assert not result.successful and not sent
    assert f"{field}: a boolean is not a number here" in (result.error or "")


def test_lax_coercions_that_keep_the_resource_still_work() -> None:
    sent: list[httpx.Request] = []
    cal = _recording_cal(sent)
    assert cal.execute("CAL_GET_EVENT_TYPE", {"eventTypeId": "42"}).successful
    assert cal.execute("CAL_GET_BOOKING", {"bookingUid": 42}).successful
    assert [request.url.path for request in sent] == ["/v2/event-types/42", "/v2/bookings/42"]
    # A boolean where the model takes a boolean is of course fine.
    assert cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": "b", "cancelSubsequentBookings": True}).successful


@pytest.mark.parametrize("name", [None, 123, 4.5, ["CAL_GET_ME"], {"name": "CAL_GET_ME"}])
def test_a_name_that_is_not_a_string_is_an_envelope(name: object) -> None:
    sent: list[httpx.Request] = []
    result = _recording_cal(sent).execute(name, {})  # type: ignore[arg-type]
    assert result.model_dump() == {
        "data": None,
        "successful": False,
        "error": f"an action name is a string such as 'CAL_GET_ME', not {type(name).__name__}",
    }
    assert not sent

    async def run() -> str | None:
        async with AsyncCal(api_key=KEY, transport=httpx.MockTransport(lambda r: httpx.Response(500))) as cal:
            return (await cal.execute(name, {})).error  # type: ignore[arg-type]

    assert asyncio.run(run()) == result.error


def test_an_unknown_name_suggests_the_closest() -> None:
    result = _recording_cal([]).execute("CAL_GET_BOOKINGS")
    assert result.error is not None and result.error.startswith("unknown action 'CAL_GET_BOOKINGS'; did you mean ")
    assert "CAL_GET_BOOKING" in result.error and "CAL_LIST_BOOKINGS" in result.error
    assert registry.closest("list bookings")[0] == "CAL_LIST_BOOKINGS"
    assert registry.closest("CAL_ZZZZZZ") == ()


@pytest.mark.parametrize(
    "given",
    ["https://api.cal.com", "https://api.cal.com/", "https://api.cal.com/v2", " https://api.cal.com/v2/ "],
)
def test_base_url_with_or_without_v2_targets_the_same_routes(given: str) -> None:
    sent: list[httpx.Request] = []
    cal = Cal(
        api_key=KEY, base_url=given, transport=httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(200))
    )
    cal.execute("CAL_GET_ME")
    assert str(sent[0].url) == "https://api.cal.com/v2/me"


@pytest.mark.parametrize("given", ["api.cal.com", "ftp://api.cal.com", "https://", "https://api.cal.com?x=1", "/v2"])
def test_a_base_url_that_is_not_an_http_url_is_refused_at_construction(given: str) -> None:
    with pytest.raises(ValueError, match="base_url must be an absolute http"):
        Cal(api_key=KEY, base_url=given)


@pytest.mark.parametrize(
    "now", ["2025-03-28T12:00:00Z", "2025-03-28T13:00:00+01:00", datetime(2025, 3, 28, 12, tzinfo=UTC)]
)
def test_the_sandbox_clock_takes_a_datetime_or_an_iso_string(now: object) -> None:
    with Cal.sandbox(now=now) as cal:  # type: ignore[arg-type]
        assert cal.emulator.clock.now() == datetime(2025, 3, 28, 12, tzinfo=UTC)
    with pytest.raises(ValueError, match="ISO 8601"):
        Cal.sandbox(now="next friday")


def test_a_dry_run_masks_secrets_in_path_query_headers_and_body() -> None:
    sent: list[httpx.Request] = []
    cal = _recording_cal(sent, dry_run=True, client_secret="client-secret-value", client_id="cid")
    shown = [
        cal.execute("CAL_GET_BOOKING", {"bookingUid": KEY}).data,
        cal.execute("CAL_LIST_BOOKINGS", {"attendeeName": KEY, "attendeeEmail": "client-secret-value"}).data,
        cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": "b1", "cancellationReason": KEY}).data,
        cal.execute("CAL_LIST_MANAGED_USERS", {"clientId": "cid"}).data,
    ]
    text = json.dumps(shown)
    for form in (KEY, "s3cret", "client-secret-value", "s3cret%2Fwith"):
        assert form not in text
    assert shown[0]["url"] == "https://cal.test/v2/bookings/***"
    assert shown[2]["json"] == {"cancellationReason": "***"}
    assert shown[3]["headers"]["x-cal-secret-key"] == "***" and not sent


def test_cal_api_version_can_be_overridden_per_controller() -> None:
    sent: list[httpx.Request] = []
    cal = _recording_cal(sent, api_versions={"bookings": "2026-02-25"})
    cal.execute("CAL_GET_BOOKING", {"bookingUid": "b1"})
    cal.execute("CAL_LIST_EVENT_TYPES")
    assert [request.headers["cal-api-version"] for request in sent] == ["2026-02-25", "2024-06-14"]
    with pytest.raises(ValueError, match="unknown controller 'booking'; the versioned ones are bookings"):
        Cal(api_versions={"booking": "2026-02-25"})
    with pytest.raises(ValueError, match="must be a date"):
        Cal(api_versions={"slots": "latest"})


def test_cal_api_versions_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAL_API_VERSIONS", "slots=2025-01-01, schedules=2025-02-02")
    sent: list[httpx.Request] = []
    cal = _recording_cal(sent)
    cal.execute("CAL_LIST_SCHEDULES")
    assert sent[0].headers["cal-api-version"] == "2025-02-02"
    assert cal.config.api_versions == (("schedules", "2025-02-02"), ("slots", "2025-01-01"))


def test_a_newer_dated_version_reaches_the_sandbox_current_controllers() -> None:
    with Cal.sandbox(api_versions={"bookings": "2026-02-25", "slots": "2026-05-01"}) as cal:
        assert cal.execute("CAL_LIST_BOOKINGS", {"take": 1}).successful
        slots = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": 2, "start": "2030-03-05", "end": "2030-03-06"})
        assert slots.successful, slots.error


@pytest.mark.parametrize("setting", ["api_key", "client_id", "client_secret", "access_token", "refresh_token"])
@pytest.mark.parametrize("value", ["cal_live_é", "cal_live_\udcc3", "cal_live_key\n", "cal_live_\x00key", "k\tey"])
def test_a_credential_no_header_can_carry_is_refused_at_construction_by_name(setting: str, value: str) -> None:
    with pytest.raises(ValueError, match=f"^{setting} holds characters an HTTP header cannot carry") as refused:
        Cal(**{setting: value})  # type: ignore[arg-type]
    assert value not in str(refused.value) and "cal_live" not in str(refused.value)


@pytest.mark.parametrize("setting", ["timeout", "connect_timeout"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1, 0, "5", True])
def test_a_time_limit_that_is_not_a_finite_positive_number_is_refused(setting: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"{setting} must be a finite number of seconds above 0"):
        Cal(api_key=KEY, **{setting: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-1, 1.5, True, "2"])
def test_a_retry_count_that_is_not_a_whole_number_is_refused(value: object) -> None:
    with pytest.raises(ValueError, match="max_retries must be a whole number, 0 or more"):
        Cal(api_key=KEY, max_retries=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("timeout", float("nan")), ("timeout", -1), ("timeout", 0), ("max_retries", -1), ("max_retries", 1.5)],
)
def test_per_call_settings_are_checked_as_the_constructor_checks_them(setting: str, value: object) -> None:
    """A per-call setting the constructor would refuse is the calling code's mistake: ValueError, nothing sent."""
    sent: list[httpx.Request] = []
    with pytest.raises(ValueError, match=setting):
        _recording_cal(sent).execute("CAL_GET_ME", **{setting: value})  # type: ignore[arg-type]

    async def run() -> None:
        transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))
        async with AsyncCal(api_key=KEY, transport=transport) as cal:
            await cal.execute("CAL_GET_ME", **{setting: value})  # type: ignore[arg-type]

    with pytest.raises(ValueError, match=setting):
        asyncio.run(run())
    assert sent == []
    assert _recording_cal(sent).execute("CAL_GET_ME", timeout=2.5, max_retries=0).successful
