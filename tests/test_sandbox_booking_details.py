"""A booking's extras in the sandbox: calendar links, references, Cal Video recordings and transcripts,
and its event in the connected Google Calendar, read and edited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import GRACE_ID, OTHER_API_KEYS
from tests.support import ok

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
GRACE_KEY = OTHER_API_KEYS[GRACE_ID]
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=MONDAY_MORNING) as client:
        yield client


def seeded(cal: Cal, status: str, *, past: bool = False) -> dict[str, Any]:
    """A seeded booking of Ada's: the upcoming one with that status, or the past one."""
    now = "2030-01-07T08:00:00.000Z"
    return next(b for b in cal.emulator.read("booking") if b["status"] == status and (b["end"] < now) == past)


def event_uid(cal: Cal, booking_uid: str) -> str:
    references = ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": booking_uid, "type": "google_calendar"})
    assert len(references) == 1
    return str(references[0]["eventUid"])


def test_calendar_links_carry_the_booking_and_follow_a_reschedule(cal: Cal) -> None:
    booking = seeded(cal, "accepted")
    links = {
        item["label"]: item["link"]
        for item in ok(cal, "CAL_GET_BOOKING_CALENDAR_LINKS", {"bookingUid": booking["uid"]})
    }
    assert set(links) == {"Google Calendar", "Microsoft Office", "Microsoft Outlook", "ICS"}
    google = parse_qs(urlparse(links["Google Calendar"]).query)
    assert google["dates"] == ["20300110T090000Z/20300110T093000Z"] and google["text"] == [booking["title"]]
    assert google["location"][0].startswith("https://sandbox.cal.local/stand-in/daily/rooms/")
    office = parse_qs(urlparse(links["Microsoft Office"]).query)
    assert (office["startdt"], office["enddt"]) == (["2030-01-10T09:00:00Z"], ["2030-01-10T09:30:00Z"])
    ics = unquote(links["ICS"].removeprefix("data:text/calendar,"))
    assert f"UID:{booking['uid']}\r\n" in ics and "DTSTART:20300110T090000Z\r\nDTEND:20300110T093000Z" in ics

    moved = ok(cal, "CAL_RESCHEDULE_BOOKING", {"bookingUid": booking["uid"], "start": "2030-01-11T13:00:00Z"})
    moved_links = ok(cal, "CAL_GET_BOOKING_CALENDAR_LINKS", {"bookingUid": moved["uid"]})
    assert "dates=20300111T130000Z%2F20300111T133000Z" in moved_links[0]["link"]
    missing = cal.execute("CAL_GET_BOOKING_CALENDAR_LINKS", {"bookingUid": "nope"})
    assert missing.status_code == 404 and (missing.error or "").endswith("Booking with uid nope not found")
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:  # Cal.com hands links to anyone with the uid
        assert grace.execute("CAL_GET_BOOKING_CALENDAR_LINKS", {"bookingUid": booking["uid"]}).successful


def test_references_follow_the_destination_calendar_at_booking_time(cal: Cal) -> None:
    booking = seeded(cal, "accepted")
    references = ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": booking["uid"]})
    assert [(r["type"], r["destinationCalendarId"]) for r in references] == [
        ("google_calendar", "ada@example.com"), ("daily_video", None)
    ]  # fmt: skip
    assert ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": booking["uid"], "type": "zoom_video"}) == []

    outlook = {"integration": "office365_calendar", "externalId": "ada@outlook.stand-in"}
    ok(cal, "CAL_UPDATE_DESTINATION_CALENDAR", outlook)
    new = ok(cal, "CAL_CREATE_BOOKING", {"eventTypeId": 2, "start": "2030-01-08T09:00:00Z", "attendee": MARY})
    new_references = ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": new["uid"]})
    assert new_references[0]["type"] == "office365_calendar"
    assert new_references[0]["destinationCalendarId"] == "ada@outlook.stand-in"
    assert references == ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": booking["uid"]})  # kept

    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        foreign = grace.execute("CAL_LIST_BOOKING_REFERENCES", {"bookingUid": booking["uid"]})
    assert foreign.status_code == 400 and "does not belong to user" in (foreign.error or "")
    raw = cal.emulator.handle(_get(f"/v2/bookings/{booking['uid']}/references?type=fax", "2024-08-13"))
    assert raw.status_code == 400 and "type must be one of the following values" in raw.json()["error"]["message"]


def _get(path: str, version: str) -> Any:
    import httpx

    from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL

    headers = {"authorization": f"Bearer {API_KEY}", "cal-api-version": version}
    return httpx.Request("GET", SANDBOX_BASE_URL + path, headers=headers)


def test_recordings_and_transcripts_exist_once_the_cal_video_meeting_took_place(cal: Cal) -> None:
    upcoming, cancelled = seeded(cal, "accepted"), seeded(cal, "cancelled")
    for uid in (upcoming["uid"], cancelled["uid"]):
        assert ok(cal, "CAL_LIST_BOOKING_RECORDINGS", {"bookingUid": uid}) == []
        assert ok(cal, "CAL_LIST_BOOKING_TRANSCRIPTS", {"bookingUid": uid}) == []
    cal.emulator.clock.advance(timedelta(days=4))  # both meetings are over; only the accepted one was held
    room = next(r for r in ok(cal, "CAL_LIST_BOOKING_REFERENCES", {"bookingUid": upcoming["uid"]})
                if r["type"] == "daily_video")["eventUid"]  # fmt: skip
    [recording] = ok(cal, "CAL_LIST_BOOKING_RECORDINGS", {"bookingUid": upcoming["uid"]})
    assert recording["roomName"] == room and recording["duration"] == 30 * 60
    assert recording["startTs"] == int(datetime(2030, 1, 10, 9, tzinfo=UTC).timestamp())
    assert recording["downloadLink"].startswith("https://sandbox.cal.local/stand-in/")
    assert ok(cal, "CAL_LIST_BOOKING_TRANSCRIPTS", {"bookingUid": upcoming["uid"]}) == [
        f"https://sandbox.cal.local/stand-in/daily/transcripts/{room}.vtt"
    ]
    assert ok(cal, "CAL_LIST_BOOKING_RECORDINGS", {"bookingUid": cancelled["uid"]}) == []


def test_recordings_need_a_cal_video_booking_the_caller_may_see(cal: Cal) -> None:
    places = [{"type": "integration", "integration": "cal-video"}, {"type": "attendeeDefined"}]
    ok(cal, "CAL_UPDATE_EVENT_TYPE", {"eventTypeId": 2, "locations": places})
    office = {"type": "attendeeDefined", "location": "Office"}
    in_office = {"eventTypeId": 2, "start": "2030-01-08T09:00:00Z", "attendee": MARY, "location": office}
    booking = ok(cal, "CAL_CREATE_BOOKING", in_office)
    assert booking["location"] == "Office"
    no_video = cal.execute("CAL_LIST_BOOKING_RECORDINGS", {"bookingUid": booking["uid"]})
    assert no_video.status_code == 404 and f"No Cal Video reference found with booking uid {booking['uid']}" in (
        no_video.error or ""
    )
    missing = cal.execute("CAL_LIST_BOOKING_TRANSCRIPTS", {"bookingUid": "nope"})
    assert missing.status_code == 404 and "Booking with uid=nope was not found in the database" in (missing.error or "")
    with Cal.sandbox(cal.emulator, api_key=GRACE_KEY) as grace:
        denied = grace.execute("CAL_LIST_BOOKING_RECORDINGS", {"bookingUid": seeded(cal, "accepted")["uid"]})
    assert denied.status_code == 403 and f"user with id={GRACE_ID} does not have access" in (denied.error or "")


def test_calendar_event_starts_as_the_booking_wrote_it_and_edits_change_only_the_calendar(cal: Cal) -> None:
    booking = seeded(cal, "accepted")
    where = {"calendar": "google", "eventUid": event_uid(cal, booking["uid"])}
    event = ok(cal, "CAL_GET_CALENDAR_EVENT", where)
    assert (event["title"], event["status"], event["source"]) == (booking["title"], "accepted", "google")
    assert event["start"] == {"time": "2030-01-10T10:00:00.000+01:00", "timeZone": "Europe/Berlin"}
    assert [a["email"] for a in event["attendees"]] == ["charles@example.com"]
    assert event["hosts"][0]["email"] == event["calendarEventOwner"]["email"] == "ada@example.com"
    assert event["locations"][0]["type"] == "video"

    guest = {"email": "ada.b@example.com", "optional": True}
    edit = {"title": "Engine review", "start": {"time": "2030-01-10T10:00:00Z", "timeZone": "Europe/London"},
            "end": {"time": "2030-01-10T11:00:00Z"}, "attendees": [guest]}  # fmt: skip
    edited = ok(cal, "CAL_UPDATE_CALENDAR_EVENT", {**where, **edit})
    assert edited["title"] == "Engine review" and edited["attendees"] == [guest]
    assert edited["start"] == {"time": "2030-01-10T10:00:00.000+00:00", "timeZone": "Europe/London"}
    assert edited["end"] == {"time": "2030-01-10T12:00:00.000+01:00", "timeZone": "Europe/Berlin"}
    assert ok(cal, "CAL_GET_CALENDAR_EVENT", where) == edited
    unchanged = ok(cal, "CAL_GET_BOOKING", {"bookingUid": booking["uid"]})
    assert (unchanged["title"], unchanged["start"]) == (booking["title"], booking["start"])

    empty = cal.execute("CAL_UPDATE_CALENDAR_EVENT", {**where, "end": {"time": "2030-01-10T09:00:00Z"}})
    assert empty.status_code == 404 and "Failed to update meeting details" in (empty.error or "")
    assert ok(cal, "CAL_GET_CALENDAR_EVENT", where) == edited  # a refused edit changes nothing

    ok(cal, "CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"], "cancellationReason": "Plans changed"})
    assert ok(cal, "CAL_GET_CALENDAR_EVENT", where)["status"] == "cancelled"


def test_calendar_event_needs_a_known_event_and_its_google_connection(cal: Cal) -> None:
    where = {"calendar": "google", "eventUid": event_uid(cal, seeded(cal, "accepted")["uid"])}
    unknown = cal.execute("CAL_GET_CALENDAR_EVENT", {"calendar": "google", "eventUid": "nope"})
    assert unknown.status_code == 404 and (unknown.error or "").endswith("Booking reference not found")
    google = next(c for c in cal.emulator.read("credential") if c["type"] == "google_calendar")
    ok(cal, "CAL_DISCONNECT_CALENDAR", {"calendar": "google", "id": google["id"]})
    gone = cal.execute("CAL_GET_CALENDAR_EVENT", where)
    assert gone.status_code == 401 and "No valid credentials available for Google Calendar" in (gone.error or "")


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"calendar": "office365"}, "calendar"),
        ({"status": "maybe"}, "status"),
        ({"attendees": [{"emial": "typo@example.com"}]}, "attendees.0.emial"),
        ({"start": "2030-01-10T10:00:00Z"}, "start"),
    ],
)
def test_calendar_event_update_refuses_a_wrong_shape_before_sending(
    cal: Cal, arguments: dict[str, Any], field: str
) -> None:
    sent: list[Any] = []
    handle = cal.emulator.handle

    def recording(request: Any) -> Any:
        sent.append(request)
        return handle(request)

    cal.emulator.handle = recording  # type: ignore[method-assign]
    result = cal.execute("CAL_UPDATE_CALENDAR_EVENT", {"calendar": "google", "eventUid": "x", **arguments})
    assert not result.successful and field in (result.error or "") and not sent
    assert cal.execute("CAL_GET_ME").successful and len(sent) == 1  # what is sent is seen
