"""A framework-neutral receiver: raw body and headers in, a verified event or a refusal out.

It checks, in order: the signature over the exact body bytes, that the body is a JSON object,
the event's age (``createdAt``, or for meeting started/ended the time they were due) against
``tolerance``, and that the same delivery was not accepted before (replay and repeated delivery).
Bodies seen are remembered by digest, at most ``dedupe_size`` of them, oldest forgotten first.

Starlette (ASGI)::

    receiver = WebhookReceiver(os.environ["CAL_WEBHOOK_SECRET"])

    async def cal_webhook(request: Request) -> Response:
        result = receiver.receive(await request.body(), request.headers)
        if isinstance(result, Refusal):
            return Response(result.message, status_code=result.http_status)
        await handle(result)  # result.trigger, result.payload
        return Response(status_code=200)

Flask (WSGI)::

    @app.post("/cal-webhook")
    def cal_webhook():
        result = receiver.receive(request.get_data(), request.headers)
        if isinstance(result, Refusal):
            return result.message, result.http_status
        handle(result)
        return "", 200
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from cal_actions.webhooks.events import MalformedBody, WebhookEvent, parse_event
from cal_actions.webhooks.signature import SIGNATURE_HEADER, body_bytes, verify_signature

Reason = Literal["bad_signature", "malformed", "stale", "duplicate"]
Headers = Mapping[str, str] | Iterable[tuple[str | bytes, str | bytes]]


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a delivery was not accepted. The message never quotes the body."""

    reason: Reason
    message: str

    @property
    def http_status(self) -> int:
        """401 for a bad signature; 200 otherwise, so Cal.com does not count an authentic delivery as failed."""
        return 401 if self.reason == "bad_signature" else 200


class WebhookReceiver:
    """Verifies Cal.com deliveries for one webhook secret; safe to share between threads.

    ``tolerance``: seconds an event may be older (or newer) than this machine's clock; ``None``
    turns the age check off, for bodies that carry no time (a custom ``payloadTemplate``).
    ``allow_unsigned``: accept Cal.com's ``no-secret-provided`` when ``secret`` is empty.
    """

    def __init__(
        self,
        secret: str | None,
        tolerance: float | None = 300,
        dedupe_size: int = 10_000,
        *,
        allow_unsigned: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not secret and not allow_unsigned:
            raise ValueError("a webhook secret is needed (or allow_unsigned=True to accept unsigned deliveries)")
        self._secret = secret
        self._tolerance = tolerance
        self._allow_unsigned = allow_unsigned
        self._clock = clock
        self._seen: OrderedDict[bytes, None] = OrderedDict()
        self._size = max(dedupe_size, 1)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"WebhookReceiver(tolerance={self._tolerance!r}, dedupe_size={self._size})"

    def receive(self, body: bytes | str, headers: Headers) -> WebhookEvent | Refusal:
        """The verified event, or why it was refused. ``body``: the bytes as received (text is read as
        their UTF-8 encoding, e.g. Flask's ``get_data(as_text=True)``)."""
        body = body_bytes(body)
        signature = header(headers, SIGNATURE_HEADER)
        if not verify_signature(body, signature, self._secret, allow_unsigned=self._allow_unsigned):
            problem = "missing" if signature is None else "does not match the body"
            return Refusal("bad_signature", f"{SIGNATURE_HEADER} {problem}")
        try:
            event = parse_event(body)
        except MalformedBody as error:
            return Refusal("malformed", str(error))
        age = self._age_problem(event)
        if age is not None:
            return Refusal("stale", age)
        digest = hashlib.sha256(body).digest()
        with self._lock:
            if digest in self._seen:
                self._seen.move_to_end(digest)
                return Refusal("duplicate", "this delivery was already accepted")
            self._seen[digest] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
        return event

    def _age_problem(self, event: WebhookEvent) -> str | None:
        if self._tolerance is None:
            return None
        sent = sent_at(event)
        if sent is None:
            return "the event carries no createdAt, so its age cannot be checked (tolerance=None accepts it)"
        skew = self._clock() - sent.timestamp()
        if abs(skew) > self._tolerance:
            when = "old" if skew > 0 else "in the future"
            return f"the event is {abs(skew):.0f} s {when}, beyond the {self._tolerance:g} s tolerance"
        return None


def sent_at(event: WebhookEvent) -> datetime | None:
    """When Cal.com sent it: ``createdAt``, or for the meeting triggers (sent when due) their start or end."""
    if event.created_at is not None:
        return event.created_at
    due = {"MEETING_STARTED": "startTime", "MEETING_ENDED": "endTime"}.get(event.trigger or "")
    moment = getattr(event.payload, due, None) if due else None
    return moment if isinstance(moment, datetime) else None


def header(headers: Headers, name: str) -> str | None:
    """A header from a mapping (any case) or from ASGI/WSGI-style pairs of str or bytes."""
    wanted = name.lower()
    items = headers.items() if isinstance(headers, Mapping) else headers
    for key, value in items:
        text = key.decode("latin-1") if isinstance(key, bytes) else key
        if text.lower() == wanted:
            return value.decode("latin-1") if isinstance(value, bytes) else value
    return None
