"""Scenarios run alike on the sandbox and on Cal.com's own server, for the differential test.

Each scenario is a plain function of a :class:`Probe` (a client that records every step: status, ``successful``,
the shape of ``data``, the error with its ids blanked, and facts the scenario derives, such as which slots a
booking took away). What a scenario makes it also removes. Times come from the target's slots, never from a
fixed date, and names carry the run's tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from cal_actions import Cal
from cal_actions.result import ActionResult
from tests.real.harness import weekday
from tests.real.shape import message, shape


class Stop(Exception):
    """A step the scenario needs failed: the rest cannot run on this target."""


@dataclass
class Step:
    label: str
    status: int | None
    successful: bool
    shape: Any
    error: str | None
    fact: Any = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Probe:
    """A target's client for one scenario; ``other_key`` gives a client of the same target with another API key."""

    cal: Cal
    tag: str
    other_key: Callable[[str], Cal]
    steps: list[Step] = field(default_factory=list)
    undo: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def call(self, label: str, name: str, args: dict[str, Any] | None = None, *, cal: Cal | None = None
             ) -> ActionResult:  # fmt: skip
        result = (cal or self.cal).execute(name, args or {})
        for _ in range(3):  # a shared server's budget may be spent by others: the client waits for the reset
            if result.status_code != 429:
                break
            result = (cal or self.cal).execute(name, args or {})
        self.steps.append(Step(label, result.status_code, result.successful, shape(result.data),
                               message(result.error)))  # fmt: skip
        return result

    def need(self, label: str, name: str, args: dict[str, Any] | None = None) -> Any:
        result = self.call(label, name, args)
        if not result.successful:
            raise Stop(f"{label}: {result.error}")
        return result.data

    def fact(self, label: str, value: Any) -> None:
        """Something the scenario derived, compared as a value (not a shape) between the targets."""
        self.steps.append(Step(label, None, True, None, None, value))

    def later(self, name: str, args: dict[str, Any]) -> None:
        self.undo.append((name, args))

    def close(self) -> None:
        while self.undo:
            name, args = self.undo.pop()
            self.cal.execute(name, args)


@contextmanager
def probing(cal: Cal, tag: str, other_key: Callable[[str], Cal]) -> Iterator[Probe]:
    probe = Probe(cal, tag, other_key)
    try:
        yield probe
    finally:
        probe.close()


# -- helpers ---------------------------------------------------------------------------------------------------


def _attendee(probe: Probe, name: str = "Mary") -> dict[str, Any]:
    return {"name": name, "email": f"{probe.tag}-{name.lower()}@example.com", "timeZone": "Europe/London"}


def _event_type(probe: Probe, slug: str, **settings: Any) -> dict[str, Any]:
    made: dict[str, Any] = probe.need(f"create event type {slug}", "CAL_CREATE_EVENT_TYPE",
                      {"title": slug.title(), "slug": f"{probe.tag}-{slug}", "lengthInMinutes": 30, **settings})
    probe.later("CAL_DELETE_EVENT_TYPE", {"eventTypeId": made["id"]})
    return made


def _starts(probe: Probe, label: str, event_type_id: int, day: str, **extra: Any) -> list[str]:
    slots = probe.need(label, "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": event_type_id, "start": day, "end": day,
                                                           **extra})
    return [slot["start"] for slot in slots.get(day, [])]


def _at(instant: str, minutes: int) -> str:
    moment = datetime.fromisoformat(instant.replace("Z", "+00:00")) + timedelta(minutes=minutes)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _book(probe: Probe, label: str, event_type_id: int, start: str, **extra: Any) -> dict[str, Any] | None:
    """The booking, or None when the target refused it (the step records why)."""
    result = probe.call(label, "CAL_CREATE_BOOKING", {"eventTypeId": event_type_id, "start": start,
                                                       "attendee": _attendee(probe), **extra})
    booking: dict[str, Any] | None = result.data if result.successful else None
    if booking is not None:
        probe.later("CAL_CANCEL_BOOKING", {"bookingUid": booking["uid"], "cancellationReason": "clean-up"})
    return booking


# -- the scenarios ---------------------------------------------------------------------------------------------


def booking_life_cycle(probe: Probe) -> None:
    """Book, get, list, reschedule, cancel."""
    probe.need("who am I", "CAL_GET_ME")
    meeting = _event_type(probe, "life-cycle")
    starts = _starts(probe, "slots", meeting["id"], weekday(9, 0)[:10])
    booked = _book(probe, "book", meeting["id"], starts[1])
    if booked is None:
        raise Stop("book: refused")
    uid = booked["uid"]
    probe.fact("booked: status", booked["status"])
    probe.fact("booked: start is the slot", booked["start"] == starts[1])
    probe.call("get", "CAL_GET_BOOKING", {"bookingUid": uid})
    listed = probe.need("list by attendee", "CAL_LIST_BOOKINGS", {"attendeeEmail": _attendee(probe)["email"]})
    probe.fact("list by attendee: uids", [item["uid"] == uid for item in listed["data"]])
    moved = probe.need("reschedule", "CAL_RESCHEDULE_BOOKING", {"bookingUid": uid, "start": starts[3],
                                                                 "reschedulingReason": "Clash"})
    probe.later("CAL_CANCEL_BOOKING", {"bookingUid": moved["uid"], "cancellationReason": "clean-up"})
    probe.fact("reschedule: new uid, from the old one", [moved["uid"] != uid, moved.get("rescheduledFromUid") == uid])
    old = probe.need("get the old booking", "CAL_GET_BOOKING", {"bookingUid": uid})
    probe.fact("the old booking: status", old["status"])
    probe.need("cancel", "CAL_CANCEL_BOOKING", {"bookingUid": moved["uid"], "cancellationReason": "Ill"})
    cancelled = probe.need("get the cancelled booking", "CAL_GET_BOOKING", {"bookingUid": moved["uid"]})
    probe.fact("the cancelled booking: status and reason", [cancelled["status"], cancelled.get("cancellationReason")])
    again = probe.call("cancel again", "CAL_CANCEL_BOOKING", {"bookingUid": moved["uid"], "cancellationReason": "x"})
    probe.fact("cancel again: refused", not again.successful)


def slots_with_buffers_and_notice(probe: Probe) -> None:
    """Minimum notice keeps the first days empty; buffers take away the slots around a booking."""
    notice = _event_type(probe, "buffered", beforeEventBuffer=15, afterEventBuffer=15, minimumBookingNotice=3 * 1440,
                         slotInterval=30)
    today = datetime.now(UTC).date()
    soon = probe.need("slots within the notice", "CAL_LIST_AVAILABLE_SLOTS", {
        "eventTypeId": notice["id"], "start": today.isoformat(), "end": (today + timedelta(days=2)).isoformat()})
    probe.fact("no slot within three days' notice", sum(len(day) for day in soon.values()))
    day = weekday(10, 0)[:10]
    starts = _starts(probe, "slots of a free day", notice["id"], day)
    probe.fact("a free day: slots, 30 minutes apart", [len(starts) > 8, _at(starts[0], 30) == starts[1]])
    if _book(probe, "book in the middle", notice["id"], starts[6]) is None:
        raise Stop("book in the middle: refused")
    after = set(_starts(probe, "slots after booking", notice["id"], day))
    around = {str(offset): _at(starts[6], offset) in after for offset in (-90, -60, -30, 0, 30, 60, 90)}
    probe.fact("free around the booking (minutes: free)", around)
    plain = _event_type(probe, "unbuffered")
    probe.fact("an unbuffered event type sees the booking, not the buffers",
               {str(offset): _at(starts[6], offset) in set(_starts(probe, "unbuffered slots", plain["id"], day))
                for offset in (-30, 0, 30)})


def schedules_with_overrides(probe: Probe) -> None:
    """A schedule whose override replaces a day's hours, as its event type's slots show."""
    day = weekday(11, 0)[:10]
    hours = [{"days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "startTime": "09:00",
              "endTime": "17:00"}]
    schedule = probe.need("create", "CAL_CREATE_SCHEDULE", {
        "name": f"{probe.tag} overrides", "timeZone": "UTC", "isDefault": False, "availability": hours,
        "overrides": [{"date": day, "startTime": "10:00", "endTime": "11:00"}]})
    probe.later("CAL_DELETE_SCHEDULE", {"scheduleId": schedule["id"]})
    probe.fact("create: overrides as sent", schedule["overrides"])
    probe.call("get", "CAL_GET_SCHEDULE", {"scheduleId": schedule["id"]})
    probe.call("list", "CAL_LIST_SCHEDULES")
    event_type = _event_type(probe, "overridden", scheduleId=schedule["id"])
    probe.fact("slots of the overridden day", [start[11:16] for start in _starts(probe, "slots", event_type["id"],
                                                                                   day)])
    updated = probe.need("update the override", "CAL_UPDATE_SCHEDULE", {
        "scheduleId": schedule["id"], "overrides": [{"date": day, "startTime": "14:00", "endTime": "15:30"}]})
    probe.fact("update: overrides as sent", updated["overrides"])
    probe.fact("slots after the update", [start[11:16] for start in _starts(probe, "slots again", event_type["id"],
                                                                              day)])
    probe.call("delete", "CAL_DELETE_SCHEDULE", {"scheduleId": schedule["id"]})
    probe.call("get the deleted schedule", "CAL_GET_SCHEDULE", {"scheduleId": schedule["id"]})


def webhooks(probe: Probe) -> None:
    """Your webhooks and an event type's: create, list, get, update, delete."""
    url = f"https://hooks.example.com/{probe.tag}/diff"
    hook = probe.need("create", "CAL_CREATE_WEBHOOK", {"subscriberUrl": url, "active": True,
                                                       "triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED"]})
    probe.later("CAL_DELETE_WEBHOOK", {"webhookId": hook["id"]})
    probe.call("create the same URL again", "CAL_CREATE_WEBHOOK", {"subscriberUrl": url, "active": True,
                                                                    "triggers": ["BOOKING_CREATED"]})
    probe.call("list", "CAL_LIST_WEBHOOKS")
    probe.call("get", "CAL_GET_WEBHOOK", {"webhookId": hook["id"]})
    updated = probe.need("update", "CAL_UPDATE_WEBHOOK", {"webhookId": hook["id"], "active": False,
                                                          "payloadTemplate": '{"title": "{{title}}"}'})
    probe.fact("update: active, template", [updated["active"], updated["payloadTemplate"]])
    event_type = _event_type(probe, "hooked")
    scoped = {"eventTypeId": event_type["id"]}
    own = probe.need("create for an event type", "CAL_CREATE_EVENT_TYPE_WEBHOOK", {
        **scoped, "subscriberUrl": url + "/event-type", "active": True, "triggers": ["BOOKING_RESCHEDULED"],
        "secret": "whsec-diff"})
    probe.call("list an event type's", "CAL_LIST_EVENT_TYPE_WEBHOOKS", scoped)
    probe.call("get an event type's", "CAL_GET_EVENT_TYPE_WEBHOOK", {**scoped, "webhookId": own["id"]})
    probe.call("delete all of an event type's", "CAL_DELETE_ALL_EVENT_TYPE_WEBHOOKS", scoped)
    probe.call("delete", "CAL_DELETE_WEBHOOK", {"webhookId": hook["id"]})
    probe.call("get the deleted one", "CAL_GET_WEBHOOK", {"webhookId": hook["id"]})


def event_types_with_several_lengths(probe: Probe) -> None:
    """An event type of 15, 30 or 60 minutes: its slots and bookings per length."""
    flexible = _event_type(probe, "lengths", lengthInMinutesOptions=[15, 30, 60])
    probe.fact("create: lengths", [flexible["lengthInMinutes"], flexible["lengthInMinutesOptions"]])
    probe.call("get", "CAL_GET_EVENT_TYPE", {"eventTypeId": flexible["id"]})
    day = weekday(12, 0)[:10]
    default = _starts(probe, "slots of the default length", flexible["id"], day)
    hour = _starts(probe, "slots of an hour", flexible["id"], day, duration=60)
    probe.fact("an hour's slots are the default's less the last", [hour[0] == default[0], len(hour) < len(default)])
    booked = _book(probe, "book an hour", flexible["id"], hour[0], lengthInMinutes=60)
    probe.fact("book an hour: duration", booked and booked["duration"])
    odd = _book(probe, "book a length it does not offer", flexible["id"], hour[3], lengthInMinutes=45)
    probe.fact("a length it does not offer: refused", odd is None)
    updated = probe.need("update the lengths", "CAL_UPDATE_EVENT_TYPE", {
        "eventTypeId": flexible["id"], "lengthInMinutes": 30, "lengthInMinutesOptions": [30, 45]})
    probe.fact("update: lengths", updated.get("lengthInMinutesOptions"))
    probe.call("list by slug", "CAL_LIST_EVENT_TYPES", {"username": probe.need("who am I", "CAL_GET_ME")["username"],
                                                         "eventSlug": flexible["slug"]})
    probe.call("delete", "CAL_DELETE_EVENT_TYPE", {"eventTypeId": flexible["id"]})
    probe.call("get the deleted one", "CAL_GET_EVENT_TYPE", {"eventTypeId": flexible["id"]})


def teams_and_memberships(probe: Probe) -> None:
    """A standalone team and an organization team, a member joining and leaving each; the organization's guards."""
    org = {"orgId": probe.need("who am I", "CAL_GET_ME")["organizationId"]}
    user = probe.need("add a user to the organization", "CAL_CREATE_ORG_USER",
                      {**org, "email": f"{probe.tag}-diff-member@example.com"})
    probe.later("CAL_DELETE_ORG_USER", {**org, "userId": user["id"]})
    team = probe.need("create a team", "CAL_CREATE_TEAM", {"name": f"{probe.tag} diff team"})
    probe.later("CAL_DELETE_TEAM", {"teamId": team["id"]})
    joined = probe.need("add the user", "CAL_CREATE_TEAM_MEMBERSHIP", {"teamId": team["id"], "userId": user["id"]})
    probe.fact("a new membership: accepted, role", [joined["accepted"], joined["role"]])
    probe.call("list the memberships", "CAL_LIST_TEAM_MEMBERSHIPS", {"teamId": team["id"]})
    promoted = probe.need("make the user an admin", "CAL_UPDATE_TEAM_MEMBERSHIP", {
        "teamId": team["id"], "membershipId": joined["id"], "role": "ADMIN", "accepted": True})
    probe.fact("promoted: role", promoted["role"])
    probe.call("add the user twice", "CAL_CREATE_TEAM_MEMBERSHIP", {"teamId": team["id"], "userId": user["id"]})
    probe.call("remove the user", "CAL_DELETE_TEAM_MEMBERSHIP", {"teamId": team["id"], "membershipId": joined["id"]})
    probe.call("get the removed membership", "CAL_GET_TEAM_MEMBERSHIP",
               {"teamId": team["id"], "membershipId": joined["id"]})
    org_team = probe.need("create an organization team", "CAL_CREATE_ORG_TEAM",
                          {**org, "name": f"{probe.tag} diff org team"})
    probe.later("CAL_DELETE_ORG_TEAM", {**org, "teamId": org_team["id"]})
    probe.call("add the user to it", "CAL_CREATE_ORG_TEAM_MEMBERSHIP",
               {**org, "teamId": org_team["id"], "userId": user["id"], "role": "MEMBER"})
    probe.call("list its memberships", "CAL_LIST_ORG_TEAM_MEMBERSHIPS", {**org, "teamId": org_team["id"]})
    probe.call("a team outside the organization, as one of its teams", "CAL_GET_ORG_TEAM",
               {**org, "teamId": team["id"]})
    probe.call("a team that is no organization, as an organization", "CAL_LIST_ORG_TEAMS", {"orgId": team["id"]})
    probe.call("delete the team", "CAL_DELETE_TEAM", {"teamId": team["id"]})
    probe.call("get the deleted team", "CAL_GET_TEAM", {"teamId": team["id"]})


def org_team_apps(probe: Probe) -> None:
    """An organization team's conferencing default, its routing forms and a form nobody has; a newer route."""
    org = {"orgId": probe.need("who am I", "CAL_GET_ME")["organizationId"]}
    made = probe.need("create an organization team", "CAL_CREATE_ORG_TEAM", {**org, "name": f"{probe.tag} diff apps"})
    team = {**org, "teamId": made["id"]}
    probe.later("CAL_DELETE_ORG_TEAM", team)
    probe.call("its conferencing apps", "CAL_LIST_ORG_TEAM_CONFERENCING_APPS", team)
    probe.call("its default before any is set", "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", team)
    probe.call("make Cal Video its default", "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP",
               {**team, "app": "daily-video"})
    default = probe.need("its default", "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", team)
    probe.fact("its default: the app", default.get("appSlug"))
    probe.call("disconnect an app it never connected", "CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP",
               {**team, "app": "zoom"})
    forms = probe.need("its routing forms", "CAL_LIST_ORG_TEAM_ROUTING_FORMS", team)
    probe.fact("a new team's routing forms", forms)
    probe.call("the organization's forms of that team", "CAL_LIST_ORG_ROUTING_FORMS", {**org, "teamIds": [made["id"]]})
    probe.call("slots of a form nobody has", "CAL_CALCULATE_ROUTING_FORM_SLOTS", {
        "routingFormId": "no-such-form-0000", "start": weekday(7, 0)[:10], "end": weekday(8, 0)[:10],
        "answers": {"product": "Billing"}})
    probe.call("the team's schedules", "CAL_LIST_ORG_TEAM_SCHEDULES", team)


def errors(probe: Probe) -> None:
    """Unknown ids, a taken slot, a past slot, input only the server can judge, a bad key, a held slot."""
    probe.call("an unknown booking", "CAL_GET_BOOKING", {"bookingUid": "no-such-booking-uid-0000"})
    probe.call("an unknown event type", "CAL_GET_EVENT_TYPE", {"eventTypeId": 99999999})
    probe.call("an unknown schedule", "CAL_GET_SCHEDULE", {"scheduleId": 99999999})
    video = _event_type(probe, "errors")
    probe.fact("the default location", video["locations"])
    starts = _starts(probe, "slots", video["id"], weekday(13, 0)[:10])
    first = _book(probe, "book a slot", video["id"], starts[0])
    probe.fact("the booking's location", first and first.get("location"))
    taken = _book(probe, "book the taken slot", video["id"], starts[0])
    probe.fact("the taken slot: refused", taken is None)
    yesterday = _at(weekday(-3, 10), 0)
    probe.fact("a past slot: refused", _book(probe, "book a past slot", video["id"], yesterday) is None)
    off_hours = _at(starts[0][:10] + "T03:00:00Z", 0)
    probe.fact("outside the hours: refused", _book(probe, "book outside the hours", video["id"], off_hours) is None)
    mars = {"name": "Mary", "email": f"{probe.tag}-mars@example.com", "timeZone": "Mars/Olympus_Mons"}
    probe.call("an attendee's unknown time zone", "CAL_CREATE_BOOKING",
               {"eventTypeId": video["id"], "start": starts[2], "attendee": mars})
    if first is not None:
        probe.call("the host cancels without a reason", "CAL_CANCEL_BOOKING", {"bookingUid": first["uid"]})
    held = probe.call("hold a slot", "CAL_RESERVE_SLOT", {"eventTypeId": video["id"], "slotStart": starts[4]})
    if held.successful and held.data is not None:
        probe.later("CAL_DELETE_SLOT_RESERVATION", {"uid": held.data["reservationUid"]})
    probe.call("hold the held slot", "CAL_RESERVE_SLOT", {"eventTypeId": video["id"], "slotStart": starts[4]})
    probe.call("an unknown hold", "CAL_GET_SLOT_RESERVATION", {"uid": "no-such-reservation-0000"})
    with probe.other_key("cal_0000000000000000000000000000dead") as stranger:
        probe.call("a key the server does not know", "CAL_GET_ME", cal=stranger)


SCENARIOS: dict[str, Callable[[Probe], None]] = {
    function.__name__: function
    for function in (booking_life_cycle, slots_with_buffers_and_notice, schedules_with_overrides, webhooks,
                     event_types_with_several_lengths, teams_and_memberships, org_team_apps, errors)
}  # fmt: skip
