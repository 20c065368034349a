"""An httpx transport (sync and async) that answers from a :class:`Sandbox` without sockets."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from cal_actions.sandbox.app import Sandbox
from cal_actions.sandbox.clock import parse_moment


class SandboxTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(self, sandbox: Sandbox | None = None) -> None:
        self.sandbox = sandbox if sandbox is not None else Sandbox()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self.sandbox.handle(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        # A worker thread keeps the event loop free while a SQLite writer waits for the file lock
        # or a webhook is posted to a subscriber served by this same loop.
        return await asyncio.to_thread(self.sandbox.handle, request)


def client_wiring(
    sandbox: Sandbox | None, db: str | Path | None, now: datetime | str | None, settings: dict[str, Any]
) -> tuple[Sandbox, SandboxTransport, dict[str, Any]]:
    """The emulator, its transport and client settings for ``Cal.sandbox()`` / ``AsyncCal.sandbox()``.

    Seeded credentials are given explicitly so ``CAL_*`` variables of a real account never leak
    into a sandbox client; empty token strings keep ``CAL_ACCESS_TOKEN`` from taking over.
    """
    from cal_actions.sandbox.app import SANDBOX_BASE_URL
    from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET

    moment = parse_moment(now) if now is not None else None
    emulator = sandbox if sandbox is not None else Sandbox(db, now=moment)
    if sandbox is not None and moment is not None:
        emulator.clock.freeze(moment)
    defaults: dict[str, Any] = {
        "api_key": API_KEY,
        "base_url": SANDBOX_BASE_URL,
        "client_id": OAUTH_CLIENT_ID,
        "client_secret": OAUTH_CLIENT_SECRET,
        "access_token": "",
        "refresh_token": "",
    }
    return emulator, SandboxTransport(emulator), {**defaults, **settings}
