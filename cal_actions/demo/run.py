"""``cal-actions demo``: an agent books, reschedules and cancels on the embedded sandbox.

Everything runs on this machine: the sandbox answers in-process, and a webhook subscriber on
127.0.0.1 receives the signed cancellation. With ``OPENAI_API_KEY`` set a real model drives the
conversation (``OPENAI_BASE_URL`` and ``OPENAI_MODEL`` are honoured); otherwise a scripted
stand-in plays the same conversation and says so.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, ClassVar

from cal_actions.adapters.openai import openai_tools
from cal_actions.compact import READING_NOTE
from cal_actions.demo.agent import ChatModel, Message, OpenAIChatModel, run_turn
from cal_actions.demo.script import ATTENDEE, ScriptedModel
from cal_actions.demo.show import Printer

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
    "Send booking cancellations to {url} signed with the secret '{secret}'. Then cancel the meeting: she is ill.",
)
if TYPE_CHECKING:
    from cal_actions.sandbox.app import Sandbox

ALWAYS_OFFERED = "scheduling"  # the preset every turn gets; search adds what the request needs


class _Subscriber(BaseHTTPRequestHandler):
    """Receives webhook deliveries and checks their signature."""

    secret: ClassVar[str] = ""
    received: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        expected = hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
        signature = self.headers.get("X-Cal-Signature-256", "")
        self.received.append(
            {"body": json.loads(body), "signature": signature, "valid": hmac.compare_digest(signature, expected)}
        )
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass  # the demo prints what matters itself


@contextmanager
def webhook_subscriber(secret: str) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    handler = type("Subscriber", (_Subscriber,), {"secret": secret, "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/cal-webhook", handler.received
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


def run_demo(
    *, printer: Printer | None = None, model: ChatModel | None = None, sandbox: Sandbox | None = None
) -> int:
    """Run the conversation; 0 when every call succeeded and the signed delivery arrived."""
    from cal_actions.http.client import Cal

    show = printer or Printer()
    secret = "whsec_" + secrets.token_hex(8)
    with (
        webhook_subscriber(secret) as (url, received),
        Cal.sandbox(sandbox) as cal,
    ):
        sandbox = cal.emulator
        today = sandbox.clock.now().date()
        if model is None:
            real = bool(os.environ.get("OPENAI_API_KEY"))
            model = OpenAIChatModel() if real else ScriptedModel()
        show.heading(f"cal-actions demo on the embedded sandbox; model: {model.label}")
        system = f"{SYSTEM.format(today=today, zone='UTC')} {READING_NOTE}"
        messages: list[Message] = [{"role": "system", "content": system}]
        pick = _tool_picker(cal)
        failures = 0
        for template in USER_TURNS:
            text = template.format(url=url, secret=secret, **ATTENDEE)
            show.user(text)
            messages.append({"role": "user", "content": text})
            run_turn(model, cal, messages, pick, show)
            failures += sum(
                not json.loads(message["content"])["successful"] for message in messages if message["role"] == "tool"
            )
        deliveries = [item for item in sandbox.outbox() if item.get("subscriberUrl") == url]
    show.heading("webhook deliveries recorded by the sandbox")
    for item in deliveries:
        show.line(json.dumps(item, indent=2, ensure_ascii=False)[:1500])
    for delivery in received:
        verdict = "valid" if delivery["valid"] else "INVALID"
        show.line(f"subscriber got {delivery['body'].get('triggerEvent')} with a {verdict} X-Cal-Signature-256")
    ok = failures == 0 and bool(received) and all(delivery["valid"] for delivery in received)
    show.heading("done" if ok else f"finished with problems: {failures} failed call(s), {len(received)} delivery(ies)")
    return 0 if ok else 1
