"""Receiving Cal.com webhooks: signatures, typed events, the receiver's refusals, framework shapes."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.webhooks import (
    NO_SECRET,
    BookingEvent,
    FormSubmitted,
    InstantMeeting,
    MalformedBody,
    MeetingEvent,
    NoShowUpdated,
    OutOfOfficeCreated,
    Refusal,
    VideoNoShow,
    WebhookEvent,
    WebhookReceiver,
    asubscribe,
    parse_event,
    sign,
    subscribe,
    verify_signature,
)

SECRET = "whsec_test"
NOW = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
MARY = {"name": "Mary Somerville", "email": "mary@example.com", "timeZone": "Europe/London"}


def _body(trigger: str = "BOOKING_CREATED", created: str = "2030-01-07T08:00:00.000Z", **payload: Any) -> bytes:
    return json.dumps({"triggerEvent": trigger, "createdAt": created, "payload": {"uid": "b1", **payload}}).encode()


# --- signatures ------------------------------------------------------------------------------


def test_signature_is_the_hmac_of_the_exact_body() -> None:
    body = _body()
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert sign(body, SECRET) == expected
    assert verify_signature(body, expected, SECRET)
    assert verify_signature(body, expected.upper(), SECRET), "hex case does not matter"
    assert not verify_signature(body + b" ", expected, SECRET), "one byte more is another body"
    assert not verify_signature(body, expected, "other-secret")


@pytest.mark.parametrize("signature", [None, "", "abc", "g" * 64, "sha256=" + "0" * 64, NO_SECRET, "0" * 63])
def test_missing_or_malformed_signatures_are_refused(signature: str | None) -> None:
    assert verify_signature(_body(), signature, SECRET) is False


def test_no_secret_convention_needs_an_explicit_opt_in() -> None:
    body = _body()
    assert sign(body, None) == NO_SECRET
    assert not verify_signature(body, NO_SECRET, None), "unsigned deliveries are refused by default"
    assert verify_signature(body, NO_SECRET, None, allow_unsigned=True)
    assert not verify_signature(body, "anything-else", None, allow_unsigned=True)
    assert not verify_signature(body, NO_SECRET, SECRET, allow_unsigned=True), "a secret expects a signature"


# --- typed events ----------------------------------------------------------------------------

# One delivery per trigger, in the shapes Cal.com's source builds (see cal_actions/webhooks/events.py).
SHAPES: list[tuple[dict[str, Any], type[WebhookEvent]]] = [
    ({"triggerEvent": "BOOKING_PAID", "createdAt": "2030-01-07T08:00:00.000Z",
      "payload": {"uid": "b1", "bookingId": 1, "paymentId": 9, "paymentData": {"id": "pi_1"}, "startTime":
                  "2030-01-08T09:00:00.000Z", "organizer": {"email": "ada@example.com", "utcOffset": 60}}},
     BookingEvent),
    ({"triggerEvent": "RECORDING_READY", "createdAt": "2030-01-07T08:00:00Z",
      "payload": {"uid": "b1", "downloadLink": "https://example.com/r.mp4"}}, BookingEvent),
    ({"triggerEvent": "BOOKING_NO_SHOW_UPDATED", "createdAt": "2030-01-07T08:00:00Z",
      "payload": {"message": "mary@example.com marked as no-show", "bookingUid": "b1", "bookingId": 1,
                  "attendees": [{"email": "mary@example.com", "noShow": True}]}}, NoShowUpdated),
    ({"triggerEvent": "MEETING_STARTED", "id": 1, "uid": "b1", "startTime": "2030-01-08T09:00:00.000Z",
      "endTime": "2030-01-08T09:30:00.000Z", "userId": 1, "status": "ACCEPTED"}, MeetingEvent),
    ({"triggerEvent": "OOO_CREATED", "createdAt": "2030-01-07T08:00:00Z",
      "payload": {"oooEntry": {"id": 3, "uuid": "u-3", "start": "2030-02-01T00:00:00+01:00",
                               "end": "2030-02-05T23:59:59+01:00", "notes": None, "reason": {"emoji": "🏝️"},
                               "reasonId": 1, "user": {"id": 1, "email": "ada@example.com"}, "toUser": None}}},
     OutOfOfficeCreated),
    ({"triggerEvent": "FORM_SUBMITTED", "createdAt": "2030-01-07T08:00:00Z", "email": "mary@example.com",
      "payload": {"formId": "f1", "formName": "Intake", "teamId": None,
                  "responses": {"email": {"value": "mary@example.com", "response": "mary@example.com"}}}},
     FormSubmitted),
    ({"triggerEvent": "INSTANT_MEETING", "createdAt": "2030-01-07T08:00:00Z",
      "payload": {"triggerEvent": "INSTANT_MEETING", "uid": "b2", "eventTypeId": 5, "eventTypeTitle": "Now",
                  "connectAndJoinUrl": "https://app.cal.com/connect-and-join?token=t"}}, InstantMeeting),
    ({"triggerEvent": "AFTER_HOSTS_CAL_VIDEO_NO_SHOW", "createdAt": "2030-01-07T08:00:00Z",
      "payload": {"title": "Meeting", "bookingId": 1, "bookingUid": "b1", "hostEmail": "ada@example.com",
                  "participants": [], "message": "Host with email ada@example.com didn't join the call"}},
     VideoNoShow),
]  # fmt: skip


@pytest.mark.parametrize(("body", "model"), SHAPES, ids=[shape["triggerEvent"] for shape, _ in SHAPES])
def test_each_trigger_parses_to_its_model(body: dict[str, Any], model: type[WebhookEvent]) -> None:
    for form in (body, json.dumps(body), json.dumps(body).encode()):
        event = parse_event(form)
        assert type(event) is model and event.trigger == body["triggerEvent"]


def test_fields_are_typed_and_unknown_ones_kept() -> None:
    event = parse_event(SHAPES[0][0])
    assert isinstance(event, BookingEvent)
    assert event.created_at == datetime(2030, 1, 7, 8, tzinfo=UTC)
    assert event.payload.startTime == datetime(2030, 1, 8, 9, tzinfo=UTC)
    assert event.payload.organizer is not None and event.payload.organizer.utcOffset == 60
    assert event.payload.model_extra == {"paymentData": {"id": "pi_1"}}, "undeclared fields are kept"
    form = parse_event(SHAPES[5][0])
    assert form.model_extra == {"email": "mary@example.com"}, "answers repeated at the top level are kept"


def test_meeting_triggers_carry_the_booking_at_the_top_level() -> None:
    event = parse_event(SHAPES[3][0])
    assert isinstance(event, MeetingEvent) and event.created_at is None
    assert event.payload.uid == "b1" and event.payload.userId == 1


def test_unknown_triggers_and_unexpected_shapes_keep_the_raw_payload() -> None:
    future = parse_event({"triggerEvent": "BOOKING_TELEPORTED", "createdAt": "2030-01-07T08:00:00Z", "payload": [1]})
    assert type(future) is WebhookEvent and future.trigger == "BOOKING_TELEPORTED" and future.payload == [1]
    odd = parse_event({"triggerEvent": "BOOKING_CREATED", "payload": {"startTime": "whenever"}})
    assert type(odd) is WebhookEvent and odd.payload == {"startTime": "whenever"}, "kept rather than lost"
    template = parse_event({"title": "{{title}} rendered by a custom template"})
    assert template.trigger is None and template.model_extra == {"title": "{{title}} rendered by a custom template"}


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b'"text"', b"\xff\xfe", b"null"])
def test_bodies_that_are_not_json_objects_are_malformed(body: bytes) -> None:
    with pytest.raises(MalformedBody):
        parse_event(body)


def test_as_json_gives_back_the_delivery_as_sent() -> None:
    body = _body(extra="kept", startTime="2030-01-08T09:00:00.000Z")
    assert json.loads(parse_event(body).as_json()) == json.loads(body)
    meeting = SHAPES[3][0]
    assert json.loads(parse_event(meeting).as_json()) == meeting, "the flat meeting shape stays flat"


def test_every_sandbox_booking_delivery_parses_to_a_typed_event() -> None:
    triggers = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_NO_SHOW_UPDATED", "BOOKING_CANCELLED"]
    with Cal.sandbox(now=NOW) as cal:
        assert subscribe(cal, "https://example.com/all", triggers).result.successful
        booked = cal.execute(
            "CAL_CREATE_BOOKING", {"eventTypeId": 2, "start": "2030-01-08T09:00:00Z", "attendee": MARY}
        )
        move = {"bookingUid": booked.data["uid"], "start": "2030-01-08T10:00:00Z", "rescheduledBy": "ada@example.com"}
        moved = cal.execute("CAL_RESCHEDULE_BOOKING", move)
        cal.emulator.clock.freeze(datetime(2030, 1, 9, tzinfo=UTC))
        absent = {"bookingUid": moved.data["uid"], "attendees": [{"email": MARY["email"], "absent": True}]}
        assert cal.execute("CAL_MARK_BOOKING_ABSENT", absent).successful
        cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": moved.data["uid"], "cancellationReason": "Ill"})
        bodies = [d["body"] for d in cal.emulator.outbox() if d["subscriberUrl"] == "https://example.com/all"]
    events = [parse_event(body) for body in bodies]
    assert [type(e).__name__ for e in events] == ["BookingEvent", "BookingEvent", "NoShowUpdated", "BookingEvent"]
    created, rescheduled, no_show, cancelled = events
    assert isinstance(created, BookingEvent) and created.payload.uid == booked.data["uid"]
    assert created.payload.attendees[0].utcOffset == 0 and created.payload.organizer.utcOffset == 60  # type: ignore[union-attr]
    assert isinstance(rescheduled, BookingEvent) and rescheduled.payload.rescheduleUid == booked.data["uid"]
    assert rescheduled.payload.rescheduledBy == "ada@example.com"
    assert isinstance(no_show, NoShowUpdated) and no_show.payload.attendees[0].noShow is True
    assert no_show.payload.message == "mary@example.com marked as no-show"
    assert isinstance(cancelled, BookingEvent) and cancelled.payload.status == "CANCELLED"
    assert cancelled.payload.cancelledBy == "ada@example.com" and cancelled.payload.cancellationReason == "Ill"


# --- the receiver ----------------------------------------------------------------------------


def _receiver(**settings: Any) -> WebhookReceiver:
    return WebhookReceiver(SECRET, clock=lambda: NOW.timestamp(), **settings)


def _headers(body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {"content-type": "application/json", "x-cal-signature-256": sign(body, secret)}


def test_a_verified_delivery_is_accepted_once() -> None:
    receiver, body = _receiver(), _body()
    event = receiver.receive(body, _headers(body))
    assert isinstance(event, BookingEvent) and event.payload.uid == "b1"
    again = receiver.receive(body, _headers(body))
    assert again == Refusal("duplicate", "this delivery was already accepted") and again.http_status == 200


@pytest.mark.parametrize(
    ("body", "headers", "reason"),
    [
        (_body(), {}, "bad_signature"),
        (_body(), {"X-Cal-Signature-256": sign(_body(), "wrong")}, "bad_signature"),
        (_body(), {"X-Cal-Signature-256": NO_SECRET}, "bad_signature"),
        (b"{not json", {"X-Cal-Signature-256": sign(b"{not json", SECRET)}, "malformed"),
        (_body(created="2030-01-07T07:54:00Z"), None, "stale"),
        (_body(created="2030-01-07T08:06:00Z"), None, "stale"),
        (json.dumps({"title": "custom template"}).encode(), None, "stale"),
    ],
)
def test_refusals_say_why_and_never_quote_the_body(body: bytes, headers: dict[str, str] | None, reason: str) -> None:
    result = _receiver().receive(body, _headers(body) if headers is None else headers)
    assert isinstance(result, Refusal) and result.reason == reason
    assert result.http_status == (401 if reason == "bad_signature" else 200)
    assert body.decode(errors="replace")[:20] not in result.message and SECRET not in result.message


def test_age_uses_created_at_or_when_a_meeting_trigger_was_due() -> None:
    receiver = _receiver(tolerance=60)
    recent = _body(created="2030-01-07T07:59:30Z")
    assert isinstance(receiver.receive(recent, _headers(recent)), BookingEvent)
    started = json.dumps({"triggerEvent": "MEETING_STARTED", "id": 1, "startTime": "2030-01-07T07:58:00Z"}).encode()
    assert receiver.receive(started, _headers(started)) == Refusal(
        "stale", "the event is 120 s old, beyond the 60 s tolerance"
    )
    assert isinstance(_receiver(tolerance=None).receive(started, _headers(started)), MeetingEvent)


def test_dedupe_memory_is_bounded() -> None:
    receiver = _receiver(dedupe_size=2)
    bodies = [_body(uid=f"b{i}") for i in range(3)]
    for body in bodies:
        assert isinstance(receiver.receive(body, _headers(body)), WebhookEvent)
    assert isinstance(receiver.receive(bodies[0], _headers(bodies[0])), WebhookEvent), "the oldest was forgotten"
    assert isinstance(receiver.receive(bodies[2], _headers(bodies[2])), Refusal)


def test_a_receiver_needs_a_secret_unless_unsigned_is_allowed() -> None:
    with pytest.raises(ValueError, match="secret"):
        WebhookReceiver("")
    unsigned = WebhookReceiver(None, allow_unsigned=True, clock=lambda: NOW.timestamp())
    body = _body()
    assert isinstance(unsigned.receive(body, {"X-Cal-Signature-256": NO_SECRET}), WebhookEvent)
    assert SECRET not in repr(_receiver())


# --- the same receiver inside an ASGI and a WSGI app (hand-written, no framework) ---------------


def asgi_app(receiver: WebhookReceiver, handled: list[WebhookEvent]) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        result = receiver.receive(body, scope["headers"])  # ASGI headers: a list of (bytes, bytes)
        status = result.http_status if isinstance(result, Refusal) else 200
        if not isinstance(result, Refusal):
            handled.append(result)
        await send({"type": "http.response.start", "status": status, "headers": [(b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    return app


def _asgi_call(app: Any, body: bytes, headers: dict[str, str]) -> int:
    chunks = [body[:10], body[10:]]  # the body arrives in two messages
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        chunk = chunks.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }
    asyncio.run(app(scope, receive, send))
    return int(sent[0]["status"])


def test_asgi_app_shape() -> None:
    handled: list[WebhookEvent] = []
    app, body = asgi_app(_receiver(), handled), _body()
    assert _asgi_call(app, body, _headers(body)) == 200
    assert _asgi_call(app, body, _headers(body, "forged")) == 401
    assert _asgi_call(app, body, _headers(body)) == 200  # a duplicate: acknowledged, not handled again
    assert [event.payload.uid for event in handled] == ["b1"]


def wsgi_app(receiver: WebhookReceiver, handled: list[WebhookEvent]) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        headers = [(key[5:].replace("_", "-"), value) for key, value in environ.items() if key.startswith("HTTP_")]
        result = receiver.receive(body, headers)
        if isinstance(result, Refusal):
            start_response(f"{result.http_status} Refused", [("Content-Type", "text/plain")])
            return [result.message.encode()]
        handled.append(result)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    return app


def test_wsgi_app_shape() -> None:
    handled: list[WebhookEvent] = []
    app, body = wsgi_app(_receiver(), handled), _body()

    def call(headers: dict[str, str]) -> str:
        statuses: list[str] = []
        environ = {"REQUEST_METHOD": "POST", "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
                   **{"HTTP_" + key.upper().replace("-", "_"): value for key, value in headers.items()}}  # fmt: skip
        app(environ, lambda status, headers: statuses.append(status))
        return statuses[0]

    assert call(_headers(body, "forged")).startswith("401")
    assert call(_headers(body)) == "200 OK"
    assert [event.payload.uid for event in handled] == ["b1"]


# --- subscribing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scope", "owner", "owner_field"),
    [("user", None, "userId"), ("event_type", 2, "eventTypeId"), ("org", None, "teamId"),
     ("oauth_client", None, "oAuthClientId")],
)  # fmt: skip
def test_subscribe_in_each_scope_with_a_fresh_secret(scope: str, owner: Any, owner_field: str | None) -> None:
    with Cal.sandbox(now=NOW) as cal:
        if scope == "org":
            owner = cal.execute("CAL_GET_MY_ORGANIZATION_ID").data["organizationId"]
        first = subscribe(cal, "https://example.com/a", ["BOOKING_CREATED", "BOOKING_CANCELLED"], scope, owner=owner)  # type: ignore[arg-type]
        second = subscribe(cal, "https://example.com/b", ["BOOKING_CREATED"], scope, owner=owner)  # type: ignore[arg-type]
    assert first.result.successful, first.result.error
    assert first.webhook["triggers"] == ["BOOKING_CREATED", "BOOKING_CANCELLED"] and first.webhook["active"] is True
    assert len(first.secret) == 64 and first.secret != second.secret
    assert first.webhook.get("secret") in (None, "***")  # a secret argument is masked in the answer; .secret holds it
    assert first.secret not in repr(first) and first.webhook["id"] in repr(first)
    expected_owner = {"user": 1, "oauth_client": cal.config.client_id}.get(scope, owner)
    assert first.webhook[owner_field] == expected_owner


def test_subscribe_needs_an_owner_for_scoped_webhooks() -> None:
    with Cal.sandbox(now=NOW) as cal, pytest.raises(ValueError, match="eventTypeId"):
        subscribe(cal, "https://example.com/a", ["BOOKING_CREATED"], "event_type")


def test_asubscribe_and_the_sandbox_signs_with_that_secret() -> None:
    async def run() -> tuple[Any, list[dict[str, Any]]]:
        async with AsyncCal.sandbox(now=NOW) as cal:
            subscription = await asubscribe(cal, "https://example.com/hook", ["BOOKING_CREATED"])
            booking = {"eventTypeId": 2, "start": "2030-01-08T09:00:00Z", "attendee": MARY}
            assert (await cal.execute("CAL_CREATE_BOOKING", booking)).successful
            return subscription, cal.emulator.outbox()

    subscription, outbox = asyncio.run(run())
    ours = [d for d in outbox if d["subscriberUrl"] == "https://example.com/hook"]
    assert len(ours) == 1
    body = ours[0]["body"].encode()
    assert verify_signature(body, ours[0]["headers"]["X-Cal-Signature-256"], subscription.secret)


def test_a_text_body_is_read_as_its_utf8_bytes_and_anything_else_is_refused_clearly() -> None:
    """Flask's ``request.get_data(as_text=True)`` hands over text; the signature covers its UTF-8 bytes."""
    body = _body(title="Réunion").replace(b"R\\u00e9union", "Réunion".encode())
    receiver = _receiver()
    event = receiver.receive(body.decode(), _headers(body))
    assert isinstance(event, BookingEvent) and event.payload.title == "Réunion"
    assert verify_signature(body.decode(), sign(body, SECRET), SECRET)
    assert sign(body.decode(), SECRET) == sign(body, SECRET)
    assert receiver.receive(body.decode(), _headers(body)) == Refusal("duplicate", "this delivery was already accepted")
    forged = receiver.receive("\ud800" + body.decode(), _headers(body))
    assert isinstance(forged, Refusal) and forged.reason == "bad_signature"
    with pytest.raises(TypeError, match=r"the body must be the bytes \(or text\) as received, not dict"):
        receiver.receive({"triggerEvent": "BOOKING_CREATED"}, _headers(body))  # type: ignore[arg-type]


def test_subscribe_takes_a_lone_trigger_as_one_trigger() -> None:
    with Cal.sandbox(now=NOW) as cal:
        subscription = subscribe(cal, "https://example.com/one", "BOOKING_CREATED")
    assert subscription.result.successful, subscription.result.error
    assert subscription.webhook["triggers"] == ["BOOKING_CREATED"]
