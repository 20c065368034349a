"""Verified email addresses and phone numbers of a user, a team and an organization team, and their codes.

Requesting a code stands in for Cal.com's email (a time-based code) or SMS (Twilio Verify): the code is
stored, never answered. :func:`code_sent_to` (or ``Sandbox.read(CODES, "email:<address>")``) reads what
the recipient would have received. As in Cal.com, a code belongs to the address, not to the caller or
the scope that asked; asking again while it is valid sends the same code. An email code stays valid for
its 15 minutes; a phone code is used up once it verifies. Verifying creates the address for the caller
(and for the team, at the team scopes); a user's lists show every address the user verified, those
verified for a team included, as Cal.com's do.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cal_actions.actions.verified_resources import (
    EMAIL_KIND,
    PHONE_KIND,
    SCOPES,
    TEAM,
    USER,
    get_name,
    list_name,
    send_name,
    verify_name,
)
from cal_actions.sandbox.errors import ApiError, BadRequest
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes, page
from cal_actions.sandbox.store import Document, Tx

if TYPE_CHECKING:
    from cal_actions.actions.verified_resources import Kind, Scope
    from cal_actions.sandbox.app import Sandbox

routes = Routes()

CODES = "verification_code"


class WrongEmailCode(BadRequest):
    """Cal.com checks email codes in a tRPC handler; its tRPC error filter answers with this wording."""

    code = "TRPCError"

    def __init__(self) -> None:
        super().__init__("Bad request: Please check your request data and try again")


class WrongPhoneCode(BadRequest):
    def __init__(self) -> None:
        super().__init__("Could not verify phone number.")


@dataclass(frozen=True)
class _Channel:
    kind: Kind
    store: str  # document kind of the verified addresses
    field: str  # the address in a stored record and in the answer
    body_field: str  # the address in a request body
    lifetime: timedelta
    single_use: bool
    wrong_code: Callable[[], ApiError]


# Email codes are time-based (15-minute steps); Twilio Verify codes last 10 minutes and verify once.
EMAIL = _Channel(EMAIL_KIND, "verified_email", "email", "email", timedelta(minutes=15), False, WrongEmailCode)
PHONE = _Channel(PHONE_KIND, "verified_phone", "phoneNumber", "phone", timedelta(minutes=10), True, WrongPhoneCode)


def _code_key(channel: _Channel, address: str) -> str:
    return f"{channel.body_field}:{address}"


def code_sent_to(sandbox: Sandbox, address: str) -> str | None:
    """The pending code Cal.com would have emailed or texted to ``address`` (an email or an E.164 number)."""
    channel = EMAIL if "@" in address else PHONE
    pending = sandbox.read(CODES, _code_key(channel, address))
    return None if pending is None or _expired(pending, sandbox.clock.now()) else str(pending["code"])


def _expired(pending: Document, now: datetime) -> bool:
    return bool(now.timestamp() * 1000 >= pending["expiresAt"])


def _team_id(call: Call, scope: Scope) -> int | None:
    """The team a route acts for (None at the user scope), once Cal.com's guards let the caller in."""
    if scope is USER:
        return None
    team = (
        org_access.require_team_role(call, "ADMIN")
        if scope is TEAM
        else org_access.require_org_team_role(call, "ADMIN")
    )
    return int(team["id"])


def _owned(tx: Tx, channel: _Channel, user_id: int, team_id: int | None) -> list[Document]:
    """A team's addresses, or at the user scope every address the user verified."""
    rows = sorted(tx.all(channel.store), key=lambda row: row["id"])
    if team_id is None:
        return [row for row in rows if row["userId"] == user_id]
    return [row for row in rows if row["teamId"] == team_id]


def add_verified(tx: Tx, channel: _Channel, address: str, *, user_id: int, team_id: int | None) -> Document:
    """The verified address of this user (and team); verifying it again keeps the one record."""
    for row in tx.all(channel.store):
        if (row["userId"], row["teamId"], row[channel.field]) == (user_id, team_id, address):
            return row
    record_id = tx.next_id(channel.store)
    record = {"id": record_id, "userId": user_id, "teamId": team_id, channel.field: address}
    tx.put(channel.store, record_id, record)
    return record


def _send_code(call: Call, channel: _Channel) -> Reply:
    key = _code_key(channel, call.body[channel.body_field])
    pending = call.tx.get(CODES, key)
    if pending is None or _expired(pending, call.now):
        expires = call.now + channel.lifetime
        pending = {"code": f"{secrets.randbelow(10**6):06d}", "expiresAt": int(expires.timestamp() * 1000)}
        call.tx.put(CODES, key, pending)
    return Reply(NO_DATA)  # Cal.com answers {"status": "success"} alone


def _verify(call: Call, channel: _Channel, team_id: int | None) -> Document:
    address = call.body[channel.body_field]
    key = _code_key(channel, address)
    pending = call.tx.get(CODES, key)
    given = str(call.body["code"])
    if pending is None or _expired(pending, call.now) or not hmac.compare_digest(given, str(pending["code"])):
        raise channel.wrong_code()
    if channel.single_use:
        call.tx.delete(CODES, key)
    return add_verified(call.tx, channel, address, user_id=call.user_id, team_id=team_id)


def _register(scope: Scope, channel: _Channel) -> None:
    """The four routes of one kind at one scope; only the team lookup differs between scopes."""
    kind = channel.kind

    @routes.action(list_name(scope, kind))
    def list_verified(call: Call) -> list[Document]:
        return page(call, _owned(call.tx, channel, call.user_id, _team_id(call, scope)))

    @routes.action(get_name(scope, kind))
    def get_verified(call: Call) -> Document | None:
        # Cal.com answers 200 with null data for an id that is not there.
        rows = _owned(call.tx, channel, call.user_id, _team_id(call, scope))
        return next((row for row in rows if row["id"] == call.int_param("id")), None)

    @routes.action(send_name(scope, kind))
    def send_code(call: Call) -> Reply:
        _team_id(call, scope)
        return _send_code(call, channel)

    @routes.action(verify_name(scope, kind))
    def verify(call: Call) -> Document:
        return _verify(call, channel, _team_id(call, scope))


for _scope in SCOPES:
    for _channel in (EMAIL, PHONE):
        _register(_scope, _channel)


def seed_verified_resources(tx: Tx, user_id: int, team_id: int, org_team_id: int) -> None:
    """One verified email address and phone number per scope, all verified by ``user_id``."""
    addresses: tuple[tuple[int | None, str, str], ...] = (
        (None, "ada.assistant@example.com", "+14155550100"),
        (team_id, "team-desk@example.com", "+14155550101"),
        (org_team_id, "eng-oncall@example.com", "+14155550102"),
    )
    for owner_team, email, phone in addresses:
        add_verified(tx, EMAIL, email, user_id=user_id, team_id=owner_team)
        add_verified(tx, PHONE, phone, user_id=user_id, team_id=owner_team)
