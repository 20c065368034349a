"""Triggers: receive Cal.com's webhooks safely, and subscribe endpoints to them.

- :func:`verify_signature`: Cal.com's ``X-Cal-Signature-256`` over the exact body, constant-time.
- :func:`parse_event`: a typed event per trigger, unknown triggers and fields kept.
- :class:`WebhookReceiver`: signature, age, replay and duplicate checks in one call, for any framework.
- :func:`subscribe` / :func:`asubscribe`: create a webhook with a freshly generated secret.
- ``cal-actions webhooks listen``: a small receiver that prints one JSON line per verified event.
"""

from __future__ import annotations

from cal_actions.webhooks.events import (
    BookingEvent,
    BookingPayload,
    FormSubmitted,
    InstantMeeting,
    MalformedBody,
    MeetingEvent,
    NoShowUpdated,
    OutOfOfficeCreated,
    VideoNoShow,
    WebhookEvent,
    parse_event,
)
from cal_actions.webhooks.receiver import Refusal, WebhookReceiver
from cal_actions.webhooks.signature import NO_SECRET, SIGNATURE_HEADER, sign, verify_signature
from cal_actions.webhooks.subscribe import Subscription, asubscribe, subscribe

__all__ = [
    "NO_SECRET",
    "SIGNATURE_HEADER",
    "BookingEvent",
    "BookingPayload",
    "FormSubmitted",
    "InstantMeeting",
    "MalformedBody",
    "MeetingEvent",
    "NoShowUpdated",
    "OutOfOfficeCreated",
    "Refusal",
    "Subscription",
    "VideoNoShow",
    "WebhookEvent",
    "WebhookReceiver",
    "asubscribe",
    "parse_event",
    "sign",
    "subscribe",
    "verify_signature",
]
