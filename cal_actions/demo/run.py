"""``cal-actions demo``: an agent books, reschedules and cancels on the embedded sandbox.

Everything runs on this machine: the sandbox answers in-process, and a webhook receiver on
127.0.0.1, subscribed with a fresh secret (``cal_actions.webhooks.subscribe``), verifies the signed
cancellation (``WebhookReceiver``); the secret never passes through the model. With
``OPENAI_API_KEY`` set a real model drives the conversation (``OPENAI_BASE_URL`` and
``OPENAI_MODEL`` are honoured); otherwise a scripted stand-in plays the same conversation and says so.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cal_actions.adapters.openai import openai_tools
from cal_actions.compact import READING_NOTE
from cal_actions.demo.agent import ChatModel, Message, OpenAIChatModel, run_turn
from cal_actions.demo.script import ATTENDEE, ScriptedModel
from cal_actions.demo.show import Printer
from cal_actions.webhooks import Refusal, WebhookReceiver, subscribe
from cal_actions.webhooks.listen import WebhookServer

SYSTEM = (
    "You schedule meetings on Cal.com for the user through the tools. Today is {today} ({zone}). "
    "Never invent ids or times: read them from tool results. Check free slots before booking or "
    "rescheduling. The user has already confirmed every change they ask for in this session. "
    "Answer in one or two sentences."
)
USER_TURNS = (
    "Book a 30-minute call with {name} ({email}, she is in London) at the first free afternoon "
    "slot from tomorrow on, then list my upcoming bookings.",
    "She can't make it. Move the meeting to the same time next week.",
    "Cancel the meeting: she is ill.",
)
if TYPE_CHECKING:
    from cal_actions.sandbox.app import Sandbox

ALWAYS_OFFERED = "scheduling"  # the preset every turn gets; search adds what the request needs


@contextmanager
def webhook_endpoint() -> Iterator[tuple[WebhookServer, list[Any]]]:
    """The CLI's listener on 127.0.0.1, collecting verified events and refusals; its receiver is set
    once the endpoint is subscribed (the subscription needs its URL, the receiver the secret)."""
    received: list[Any] = []
    server = WebhookServer(("127.0.0.1", 0), None, "/cal-webhook", received.append,
                           lambda refusal, client: received.append(refusal))  # fmt: skip
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, received
    finally:
        server.shutdown()
        server.server_close()


def _tool_picker(cal: Any) -> Any:
    """Tools for the next model call: the scheduling preset plus the best search hits for the request."""
    base = openai_tools(preset=ALWAYS_OFFERED)

    def pick(messages: list[Message]) -> list[dict[str, Any]]:
        request = next(message["content"] for message in reversed(messages) if message["role"] == "user")
        names = {tool["function"]["name"] for tool in base}
        extra = [action for action in cal.registry.search(request, k=5) if action.name not in names]
        return base + openai_tools(extra)

    return pick


def run_demo(*, printer: Printer | None = None, model: ChatModel | None = None, sandbox: Sandbox | None = None) -> int:
    """Run the conversation; 0 when every call succeeded and the signed cancellation was verified."""
    from cal_actions.http.client import Cal

    show = printer or Printer()
    with webhook_endpoint() as (endpoint, received), Cal.sandbox(sandbox) as cal:
        sandbox = cal.emulator
        url = f"http://127.0.0.1:{endpoint.server_port}{endpoint.path}"
        subscription = subscribe(cal, url, ["BOOKING_CANCELLED"])
        # The sandbox's clock may be pinned: the receiver judges an event's age by it.
        endpoint.receiver = WebhookReceiver(subscription.secret, clock=lambda: sandbox.clock.now().timestamp())
        today = sandbox.clock.now().date()
        if model is None:
            real = bool(os.environ.get("OPENAI_API_KEY"))
            model = OpenAIChatModel() if real else ScriptedModel()
        show.heading(f"cal-actions demo on the embedded sandbox; model: {model.label}")
        if not subscription.result.successful:
            show.line(f"could not subscribe {url}: {subscription.result.error}")
            return 1
        show.line(f"subscribed {url} to BOOKING_CANCELLED with a fresh secret (webhook {subscription.webhook['id']})")
        system = f"{SYSTEM.format(today=today, zone='UTC')} {READING_NOTE}"
        messages: list[Message] = [{"role": "system", "content": system}]
        pick = _tool_picker(cal)
        for template in USER_TURNS:
            text = template.format(**ATTENDEE)
            show.user(text)
            messages.append({"role": "user", "content": text})
            run_turn(model, cal, messages, pick, show)
        answers = [json.loads(message["content"]) for message in messages if message["role"] == "tool"]
        failures = sum(not answer["successful"] for answer in answers)  # each call once, over the whole run
        deliveries = [item for item in sandbox.outbox() if item.get("subscriberUrl") == url]
    show.heading("webhook deliveries recorded by the sandbox")
    for item in deliveries:
        show.line(json.dumps(item, indent=2, ensure_ascii=False))
    for item in received:
        if isinstance(item, Refusal):
            show.line(f"subscriber REFUSED a delivery: {item.reason}: {item.message}")
        else:
            show.line(f"subscriber got {item.trigger} with a valid X-Cal-Signature-256 (booking {item.payload.uid})")
    verified = [item for item in received if not isinstance(item, Refusal)]
    ok = failures == 0 and bool(verified) and len(verified) == len(received)
    show.heading("done" if ok else f"finished with problems: {failures} failed call(s), {len(received)} delivery(ies)")
    return 0 if ok else 1
