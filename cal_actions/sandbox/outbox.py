"""Webhook deliveries: every trigger is recorded in the outbox, signed like Cal.com signs it.

Deliveries are written in the request's transaction (so a rolled-back booking sends nothing)
and posted after it commits, only to loopback subscribers: the sandbox never reaches the
network. Other subscribers keep the status ``recorded``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from cal_actions.sandbox.routing import Call, Event
from cal_actions.sandbox.store import Tx
from cal_actions.sandbox.times import iso_utc
from cal_actions.webhooks.signature import SIGNATURE_HEADER, sign

if TYPE_CHECKING:
    from cal_actions.sandbox.app import Sandbox

KIND = "delivery"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Pending:
    delivery_id: int
    url: str
    body: bytes
    headers: dict[str, str]


def subscribers(tx: Tx, event: Event) -> list[dict[str, Any]]:
    """Active webhooks of every scope that cover this event and listen to its trigger."""
    organizer = tx.get("user", event.user_id) if event.user_id is not None else None
    owners = {("eventType", event.event_type_id)}
    if organizer is not None:
        owners.add(("user", organizer["id"]))
        if organizer.get("organizationId") is not None:
            owners.add(("org", organizer["organizationId"]))
        if organizer.get("oauthClientId") is not None:
            owners.add(("oauthClient", organizer["oauthClientId"]))
    return [
        hook
        for hook in tx.all("webhook")
        if hook["active"] and (hook["scope"], hook["ownerId"]) in owners and event.trigger in hook["triggers"]
    ]


def record(call: Call) -> list[Pending]:
    pending = []
    for event in call.events:
        for hook in subscribers(call.tx, event):
            body = json.dumps(
                {"triggerEvent": event.trigger, "createdAt": iso_utc(call.now), "payload": event.payload},
                separators=(",", ":"),
            ).encode()
            headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(body, hook.get("secret"))}
            loopback = urlsplit(hook["subscriberUrl"]).hostname in LOOPBACK_HOSTS and call.sandbox.deliver
            delivery_id = call.tx.next_id(KIND)
            call.tx.put(
                KIND,
                delivery_id,
                {
                    "id": delivery_id,
                    "webhookId": hook["id"],
                    "scope": hook["scope"],
                    "triggerEvent": event.trigger,
                    "subscriberUrl": hook["subscriberUrl"],
                    "headers": headers,
                    "body": body.decode(),
                    "createdAt": iso_utc(call.now),
                    "status": "pending" if loopback else "recorded",
                    "responseStatus": None,
                    "error": None,
                },
            )
            if loopback:
                pending.append(Pending(delivery_id, hook["subscriberUrl"], body, headers))
    return pending


def dispatch(sandbox: Sandbox, pending: list[Pending]) -> None:
    """POST each loopback delivery and store how it went."""
    for item in pending:
        status, response_status, error = _post(item)
        with sandbox.store.transaction() as tx:
            delivery = tx.get(KIND, item.delivery_id)
            if delivery is not None:
                delivery.update(status=status, responseStatus=response_status, error=error)
                tx.put(KIND, item.delivery_id, delivery)


def _post(item: Pending) -> tuple[str, int | None, str | None]:
    try:
        # trust_env=False: a proxy setting must never route a loopback delivery elsewhere.
        with httpx.Client(timeout=5.0, trust_env=False) as client:
            response = client.post(item.url, content=item.body, headers=item.headers)
    except httpx.HTTPError as exc:
        return "failed", None, f"{type(exc).__name__}: {exc}"
    return ("delivered" if response.is_success else "failed"), response.status_code, None
