"""A stateful, seeded Cal.com API v2 emulator: run agents with no account and no network.

``Cal.sandbox()`` gives a client wired to a fresh one; ``Sandbox(db=...)`` keeps the state in
a SQLite file shared by processes; ``cal-actions sandbox serve`` answers over HTTP.
"""

from __future__ import annotations

from cal_actions.sandbox.app import SANDBOX_BASE_URL, Sandbox
from cal_actions.sandbox.seed import API_KEY, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
from cal_actions.sandbox.transport import SandboxTransport

__all__ = ["API_KEY", "OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "SANDBOX_BASE_URL", "Sandbox", "SandboxTransport"]
