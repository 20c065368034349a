"""The compact projection of results, rule by rule: what a model reads instead of the raw envelope."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cal_actions import Cal
from cal_actions.compact import (
    MAX_DATA_CHARS,
    READING_NOTE,
    compact_json,
    compact_result,
    identifiers,
    is_kept_field,
)
from cal_actions.result import ActionResult


def _data(data: Any, action: str | None = None, arguments: Any = None) -> Any:
    return compact_result(ActionResult.success(data), action, arguments)["data"]


# --- empty members -----------------------------------------------------------------------------


def test_null_false_and_empty_members_are_left_out_at_any_depth() -> None:
    raw = {"title": "Chat", "avatarUrl": None, "hidden": False, "description": "", "guests": [], "metadata": {},
           "team": {"name": "Ops", "logo": None, "settings": {"private": False}}}  # fmt: skip
    assert _data(raw) == {"title": "Chat", "team": {"name": "Ops"}}  # settings emptied, then left out too


def test_zero_true_and_other_values_stay() -> None:
    raw = {"price": 0, "beforeEventBuffer": 0, "active": True, "currency": "usd", "ratio": 0.0, "tags": ["a"]}
    assert _data(raw) == raw


def test_list_items_are_never_removed() -> None:
    assert _data({"answers": [None, False, "", {}, [], 0]}) == {"answers": [None, False, "", {}, [], 0]}
    assert _data([None, {"a": None}]) == [None, {}]  # the items stay; their empty members go


def test_identifier_and_time_fields_keep_empty_values_but_not_null_or_false() -> None:
    raw = {"externalId": "", "start": "", "endTime": "", "emails": [], "userId": None, "sendEmail": False, "uid": ""}
    assert _data(raw) == {"externalId": "", "start": "", "endTime": "", "emails": [], "uid": ""}


@pytest.mark.parametrize(
    ("key", "kept"),
    [("id", True), ("eventTypeId", True), ("bookingUid", True), ("uid", True), ("teamIds", True),
     ("email", True), ("cancelledByEmail", True), ("start", True), ("slotEnd", True), ("startTime", True),
     ("time", True), ("title", False), ("timeZone", False), ("hidden", False), ("identity", False)],
)  # fmt: skip
def test_which_fields_are_kept(key: str, kept: bool) -> None:
    assert is_kept_field(key) is kept


def test_the_top_level_data_is_kept_even_when_empty() -> None:
    assert _data([]) == [] and _data({}) == {} and _data("") == "" and _data(False) is False


# --- timestamps --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "compact"),
    [("2030-03-04T09:00:00.000Z", "2030-03-04T09:00Z"), ("2030-03-04T09:00:00Z", "2030-03-04T09:00Z"),
     ("2030-03-04T09:00:00+01:00", "2030-03-04T09:00+01:00"), ("2030-03-04T09:00:30.000Z", "2030-03-04T09:00:30.000Z"),
     ("2030-03-04T09:00:00.500Z", "2030-03-04T09:00:00.500Z"), ("2030-03-04", "2030-03-04"),
     ("at 2030-03-04T09:00:00Z", "at 2030-03-04T09:00:00Z")],
)  # fmt: skip
def test_whole_minute_timestamps_lose_their_seconds_and_mean_the_same(raw: str, compact: str) -> None:
    assert _data({"when": raw}) == {"when": compact}
    if "T" in raw and raw[0].isdigit():
        assert datetime.fromisoformat(compact) == datetime.fromisoformat(raw)


# --- paged lists -------------------------------------------------------------------------------


def _page(items: list[Any], total: int, skip: int, take: int) -> dict[str, Any]:
    returned = len(items)
    return {"data": items, "pagination": {
        "totalItems": total, "remainingItems": max(0, total - skip - returned), "returnedItems": returned,
        "itemsPerPage": take, "currentPage": skip // take + 1, "totalPages": -(-total // take),
        "hasNextPage": skip + returned < total, "hasPreviousPage": skip > 0}}  # fmt: skip


def test_a_complete_page_becomes_its_items() -> None:
    result = compact_result(ActionResult.success(_page([{"id": 1}, {"id": 2}], 2, 0, 10)), "CAL_LIST_BOOKINGS")
    assert result == {"data": [{"id": 1}, {"id": 2}], "successful": True, "error": None}


def test_a_page_with_more_after_it_says_how_to_get_them() -> None:
    raw = _page([{"id": 11}, {"id": 12}], 53, 10, 2)
    result = compact_result(ActionResult.success(raw), "CAL_LIST_BOOKINGS", {"skip": 10, "take": 2})
    assert result["data"] == [{"id": 11}, {"id": 12}]
    assert result["more"] == {"total": 53, "next": {"skip": 12, "take": 2}}
    assert "truncated" not in result


def test_the_page_size_defaults_to_the_one_cal_com_used() -> None:
    result = compact_result(ActionResult.success(_page([{"id": 1}], 3, 0, 1)), "CAL_LIST_BOOKINGS", {})
    assert result["more"] == {"total": 3, "next": {"skip": 1, "take": 1}}


def test_an_action_without_skip_and_take_gets_the_total_only() -> None:
    result = compact_result(ActionResult.success(_page([{"id": 1}], 3, 0, 1)), "CAL_GET_ME")
    assert result["more"] == {"total": 3}


def test_a_dict_with_data_and_other_members_is_not_a_page() -> None:
    raw = {"data": [1], "pagination": {"totalItems": 1}, "note": "kept"}
    assert _data(raw) == raw


# --- slots -------------------------------------------------------------------------------------


def _slots(*starts: str, end: timedelta | None = None) -> dict[str, list[dict[str, str]]]:
    days: dict[str, list[dict[str, str]]] = {}
    for start in starts:
        slot = {"start": start}
        if end is not None:
            slot["end"] = (datetime.fromisoformat(start) + end).isoformat()
        days.setdefault(start[:10], []).append(slot)
    return days


def _instants(compact: dict[str, Any]) -> list[datetime]:
    """The slot starts a reader recovers from the compact form: wall times in its zone, or offsets where given."""
    zone = ZoneInfo(compact["timeZone"])
    found = []
    for day, times in compact["days"].items():
        for entry in times:
            text = entry["start"] if isinstance(entry, dict) else entry.split("-")[0]
            moment = datetime.fromisoformat(text if "T" in text else f"{day}T{text}")  # whole, or a wall time
            found.append((moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(UTC))
    return found  # in UTC: Python never finds a repeated wall time equal to an instant of another zone


def test_slots_are_wall_times_by_day_in_the_requested_zone() -> None:
    raw = _slots("2030-03-04T09:00:00.000+01:00", "2030-03-04T09:30:00.000+01:00", "2030-03-05T16:30:00.000+01:00")
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"timeZone": "Europe/Berlin"})
    assert compact == {"timeZone": "Europe/Berlin", "days": {"2030-03-04": ["09:00", "09:30"], "2030-03-05": ["16:30"]}}


def test_slots_are_regrouped_by_the_day_in_that_zone() -> None:
    raw = {"2030-03-04": [{"start": "2030-03-04T23:30:00Z"}]}  # already the next day in Berlin
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"timeZone": "Europe/Berlin"})
    assert compact == {"timeZone": "Europe/Berlin", "days": {"2030-03-05": ["00:30"]}}


def test_slots_without_a_zone_are_in_utc() -> None:
    compact = _data(_slots("2030-03-04T09:00:00.000Z"), "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": 2})
    assert compact == {"timeZone": "UTC", "days": {"2030-03-04": ["09:00"]}}


def test_range_slots_are_written_as_ranges() -> None:
    raw = _slots("2030-03-04T09:00:00+01:00", "2030-03-04T23:30:00+01:00", end=timedelta(minutes=30))
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"timeZone": "Europe/Berlin", "format": "range"})
    assert compact["days"] == {"2030-03-04": ["09:00-09:30", "23:30-00:00"]}


def test_a_slot_in_an_hour_the_zone_repeats_is_written_whole() -> None:
    # 2030-10-27 in Berlin: 02:00-03:00 happens twice, first at +02:00 then at +01:00.
    starts = ["2030-10-27T00:30:00Z", "2030-10-27T01:30:00Z", "2030-10-27T02:30:00Z"]
    compact = _data({"2030-10-27": [{"start": start} for start in starts]}, None, {"timeZone": "Europe/Berlin"})
    assert compact["days"] == {"2030-10-27": ["02:30", {"start": "2030-10-27T02:30+01:00"}, "03:30"]}
    assert _instants(compact) == [datetime.fromisoformat(start) for start in starts]


def test_a_repeated_hour_west_of_utc_is_never_read_as_a_range() -> None:
    # 2030-11-03 in New York: 01:00-02:00 happens twice; "01:30-05:00" would read as a range.
    raw = {"2030-11-03": [{"start": "2030-11-03T06:30:00Z", "end": "2030-11-03T07:00:00Z"}]}
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"timeZone": "America/New_York", "format": "range"})
    assert compact["days"] == {"2030-11-03": [{"start": "2030-11-03T01:30-05:00", "end": "2030-11-03T02:00-05:00"}]}


def test_a_range_of_a_day_or_more_is_written_whole() -> None:
    raw = {"2030-03-04": [{"start": "2030-03-04T09:00:00Z", "end": "2030-03-05T09:00:00Z"}]}
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"format": "range"})
    assert compact["days"] == {"2030-03-04": [{"start": "2030-03-04T09:00+00:00", "end": "2030-03-05T09:00+00:00"}]}


def test_a_slot_with_more_than_its_times_is_an_object() -> None:
    raw = {"2030-03-04": [{"start": "2030-03-04T09:00:00Z", "attendeesCount": 2, "bookingUid": "bk_1"}]}
    compact = _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {})
    assert compact["days"] == {"2030-03-04": [{"start": "09:00", "attendeesCount": 2, "bookingUid": "bk_1"}]}


def test_slots_that_are_not_iso_times_are_left_as_they_came() -> None:
    raw = {"2030-03-04": [{"start": "nine o'clock"}]}
    assert _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {}) == raw
    assert _data(raw, "CAL_LIST_AVAILABLE_SLOTS", {"timeZone": "Mars/Olympus"}) == raw  # an unknown zone too


def test_a_sandbox_week_of_slots_survives_exactly() -> None:
    with Cal.sandbox(now=datetime(2030, 3, 4, 8, 0, tzinfo=UTC)) as cal:
        for arguments in ({"timeZone": "America/New_York"}, {"timeZone": "Asia/Kolkata", "format": "range"}, {}):
            query = {"eventTypeId": 1, "start": "2030-03-04", "end": "2030-03-10", **arguments}
            result = cal.execute("CAL_LIST_AVAILABLE_SLOTS", query)
            compact = compact_result(result, "CAL_LIST_AVAILABLE_SLOTS", query)["data"]
            raw = [datetime.fromisoformat(slot["start"]) for slots in result.data.values() for slot in slots]
            assert len(raw) > 20 and _instants(compact) == raw


# --- the size cap ------------------------------------------------------------------------------


def _bookings(count: int) -> list[dict[str, Any]]:
    return [{"id": n, "uid": f"bk_{n}", "title": "Meeting " * 20, "attendees": [{"email": f"guest{n}@example.com"}]}
            for n in range(count)]  # fmt: skip


def test_a_long_list_is_cut_by_whole_items_with_a_note() -> None:
    items = _bookings(200)
    result = compact_result(ActionResult.success(items), "CAL_LIST_EVENT_TYPES")  # no take/skip on this action
    shown = result["data"]
    assert 1 < len(shown) < 200 and shown == items[: len(shown)]  # whole items, in order, none altered
    assert len(compact_json(shown)) <= MAX_DATA_CHARS < len(compact_json([*shown, items[len(shown)]]))
    assert result["truncated"] == f"showing {len(shown)} of 200 items — narrow the request"
    assert "more" not in result


def test_a_cut_page_says_where_the_next_call_starts() -> None:
    items = _bookings(100)
    result = compact_result(ActionResult.success(_page(items, 240, 20, 100)), "CAL_LIST_BOOKINGS", {"skip": 20})
    shown = len(result["data"])
    assert result["truncated"] == f"showing {shown} of 100 items — use take/skip"
    assert result["more"] == {"total": 240, "next": {"skip": 20 + shown, "take": shown}}


def test_a_complete_list_that_is_cut_still_says_where_to_go_on() -> None:
    result = compact_result(ActionResult.success(_page(_bookings(100), 100, 0, 100)), "CAL_LIST_BOOKINGS")
    shown = len(result["data"])
    assert result["more"] == {"total": 100, "next": {"skip": shown, "take": shown}}


def test_a_single_object_is_never_stripped_of_fields() -> None:
    big = {"id": 1, "description": "x" * (MAX_DATA_CHARS * 2)}
    result = compact_result(ActionResult.success(big))
    assert result["data"] == big and "truncated" not in result


def test_an_objects_largest_list_is_the_one_cut() -> None:
    raw = {"destinationCalendar": {"id": 9}, "connectedCalendars": _bookings(200), "tags": ["a", "b"]}
    result = compact_result(ActionResult.success(raw))
    assert result["data"]["destinationCalendar"] == {"id": 9} and result["data"]["tags"] == ["a", "b"]
    shown = len(result["data"]["connectedCalendars"])
    assert result["truncated"] == f"showing {shown} of 200 connectedCalendars items — the rest is left out"


def test_slots_past_the_cap_lose_whole_days() -> None:
    start = datetime(2030, 3, 4, tzinfo=UTC)
    raw = {}
    for day in range(120):
        moment = start + timedelta(days=day)
        raw[moment.date().isoformat()] = [{"start": (moment + timedelta(minutes=5 * n)).isoformat()} for n in range(40)]
    result = compact_result(ActionResult.success(raw), "CAL_LIST_AVAILABLE_SLOTS", {})
    days = result["data"]["days"]
    assert list(days) == list(raw)[: len(days)] and all(len(times) == 40 for times in days.values())
    day = list(raw)[len(days)]  # the first day left out, as it would have been written (UTC wall times)
    more = {**result["data"], "days": {**days, day: [slot["start"][11:16] for slot in raw[day]]}}
    assert len(compact_json(result["data"])) <= MAX_DATA_CHARS < len(compact_json(more))  # as many days as fit
    assert result["truncated"] == f"showing {len(days)} of 120 days — ask for fewer days"


# --- what is never changed ---------------------------------------------------------------------


def test_errors_are_kept_as_they_are() -> None:
    failure = ActionResult.failure("HTTP 404: Booking not found", status_code=404)
    assert compact_result(failure, "CAL_GET_BOOKING") == {
        "data": None,
        "successful": False,
        "error": "HTTP 404: Booking not found",
    }


def test_a_dry_run_shows_the_request_as_it_would_go() -> None:
    with Cal(api_key="cal_test_key", dry_run=True) as cal:
        arguments = {"bookingUid": "bk_1", "start": "2030-03-07T12:00:00Z"}
        result = cal.execute("CAL_RESCHEDULE_BOOKING", arguments)
    assert compact_result(result, "CAL_RESCHEDULE_BOOKING", arguments) == result.model_dump(mode="json")


def test_secrets_are_masked_with_one_note_and_the_result_keeps_them() -> None:
    hooks = [{"id": "wh_1", "secret": "whsec_abc", "payloadTemplate": None}, {"id": "wh_2", "secret": None}]
    user = {"user": {"id": 7}, "accessToken": "at_1", "refreshToken": "rt_1", "accessTokenExpiresAt": 1}
    result = ActionResult.success({"hooks": hooks, "managed": user})
    compact = compact_result(result)
    assert compact["data"] == {"hooks": [{"id": "wh_1", "secret": "***"}, {"id": "wh_2"}],
                               "managed": {"user": {"id": 7}, "accessToken": "***", "refreshToken": "***",
                                           "accessTokenExpiresAt": 1}}  # fmt: skip
    assert compact["withheld"] == (
        "accessToken, refreshToken, secret masked: secrets are withheld from the model; "
        "code reads them from cal.execute(...).data"
    )
    assert result.data["hooks"][0]["secret"] == "whsec_abc", "the result itself is untouched"
    assert "withheld" not in compact_result(ActionResult.success({"id": 1, "secret": ""}))


def test_the_result_is_one_object_with_the_three_keys_first() -> None:
    result = compact_result(ActionResult.success(_page([{"id": 1}], 5, 0, 1)), "CAL_LIST_BOOKINGS")
    assert list(result) == ["data", "successful", "error", "more"]  # the envelope's keys, then the paging hint
    assert json.loads(compact_json(result)) == result


def test_the_projection_leaves_the_result_untouched() -> None:
    raw = _page([{"id": 1, "x": None, "start": "2030-03-04T09:00:00Z"}], 5, 0, 1)
    result = ActionResult.success(copy.deepcopy(raw))
    compact_result(result, "CAL_LIST_BOOKINGS", {"take": 1})
    assert result.data == raw


def test_an_unknown_action_name_still_compacts() -> None:
    assert _data({"a": None, "b": 1}, "CAL_NO_SUCH_ACTION", "not even an object") == {"b": 1}


def test_the_reading_note_states_the_absence_rule() -> None:
    assert "missing field is false, null or empty" in READING_NOTE
    assert all(word in READING_NOTE for word in ('"more"', '"truncated"', "timeZone", "days"))


def test_identifiers_are_found_at_any_depth() -> None:
    raw = {"id": 1, "uid": "bk_1", "hosts": [{"id": 2, "email": "ada@example.com"}], "eventTypeIds": [3, 4],
           "externalId": "ada@cal.example", "note": "write to grace@example.com", "calendar": "ops@example.com",
           "hidden": False, "userId": None}  # fmt: skip
    assert identifiers(raw) == [("id", 1), ("uid", "bk_1"), ("id", 2), ("email", "ada@example.com"),
                                ("eventTypeIds", 3), ("eventTypeIds", 4), ("externalId", "ada@cal.example"),
                                ("calendar", "ops@example.com")]  # fmt: skip
