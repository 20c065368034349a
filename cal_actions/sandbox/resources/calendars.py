"""``/v2/calendars``: stand-in Google, Outlook, Apple and ICS calendar connections.

Each connection is a credential holding its calendars and a few stand-in events. OAuth goes to
stand-in provider pages; the callbacks store a credential and redirect (301) like Cal.com does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from cal_actions.sandbox.auth import state_owner, state_token
from cal_actions.sandbox.errors import BadRequest, InvalidInput, NotFound, Unauthorized
from cal_actions.sandbox.resources import credentials
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, zone

routes = Routes()


@dataclass(frozen=True)
class Provider:
    type: str
    slug: str
    dir_name: str
    title: str


PROVIDERS = {
    "google": Provider("google_calendar", "google-calendar", "googlecalendar", "Google Calendar"),
    "office365": Provider("office365_calendar", "office365-calendar", "office365calendar", "Outlook Calendar"),
    "apple": Provider("apple_calendar", "apple-calendar", "applecalendar", "Apple Calendar"),
    "ics": Provider("ics-feed_calendar", "ics-feed", "ics-feedcalendar", "ICS Feed"),
}
BY_TYPE = {provider.type: provider for provider in PROVIDERS.values()}
_OAUTH = ("google", "office365")


def connect(tx: Tx, user_id: int, calendar: str, account: str, *, events: Sequence[dict[str, Any]] = ()) -> Document:
    """A calendar account of ``user_id`` with one primary calendar named after the account."""
    provider = PROVIDERS[calendar]
    entry = {"externalId": account, "name": account, "primary": True, "readOnly": False, "email": account}
    return credentials.new_credential(
        tx, provider.type, provider.slug, user_id=user_id, account=account, calendars=[entry], events=list(events)
    )


def calendar_credential(tx: Tx, user_id: int, credential_id: int) -> Document:
    found = tx.get(credentials.KIND, credential_id)
    if found is None or found["userId"] != user_id or found["type"] not in BY_TYPE:
        raise NotFound(f"Calendar credentials with id={credential_id} not found")
    return found


def _integration(provider: Provider) -> dict[str, Any]:
    return {
        "appData": None,
        "dirName": provider.dir_name,
        "__template": "",
        "name": provider.title,
        "description": f"Stand-in {provider.title} connection of the sandbox.",
        "installed": True,
        "type": provider.type,
        "title": provider.title,
        "variant": "calendar",
        "category": "calendar",
        "categories": ["calendar"],
        "logo": f"/app-store/{provider.dir_name}/icon.svg",
        "publisher": "Cal.com",
        "slug": provider.slug,
        "url": "https://cal.com/",
        "email": "help@cal.com",
        "locationOption": None,
    }


def _selected(tx: Tx, user_id: int) -> set[tuple[str, str]]:
    return {(s["integration"], s["externalId"]) for s in tx.all("selected_calendar") if s["userId"] == user_id}


def _calendar_entries(credential: Document, selected: set[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {**entry, "integration": credential["type"], "credentialId": credential["id"],
         "isSelected": (credential["type"], entry["externalId"]) in selected}
        for entry in credential["calendars"]
    ]  # fmt: skip


@routes.action("CAL_LIST_CALENDARS")
def list_calendars(call: Call) -> dict[str, Any]:
    selected = _selected(call.tx, call.user_id)
    connected = []
    for credential in credentials.of_user(call.tx, call.user_id):
        provider = BY_TYPE.get(credential["type"])
        if provider is None:
            continue
        entries = _calendar_entries(credential, selected)
        primary = next((entry for entry in entries if entry["primary"]), entries[0] if entries else None)
        item = {"integration": _integration(provider), "credentialId": credential["id"], "calendars": entries}
        connected.append({**item, "primary": primary} if primary else item)
    destination = call.tx.get("destination_calendar", call.user_id)
    # Cal.com answers null without a destination calendar although the documents require an object.
    return {"connectedCalendars": connected, "destinationCalendar": destination}


def _calendar(call: Call, allowed: tuple[str, ...]) -> str:
    calendar = call.params.get("calendar", "google")  # the Google-only routes name no calendar
    if calendar not in allowed:
        raise BadRequest(f"Invalid calendar type, available calendars are: {', '.join(allowed)}")
    return calendar


@routes.action("CAL_GET_CALENDAR_CONNECT_URL", "CAL_GET_GOOGLE_CALENDAR_AUTH_URL")
def connect_url(call: Call) -> dict[str, Any]:
    calendar = _calendar(call, _OAUTH)
    dry_run = credentials.query_text(call, "isDryRun")
    if dry_run not in ("true", "false"):
        raise BadRequest("isDryRun must be a boolean value")
    redir = credentials.query_text(call, "redir", required=False) or ""
    token = state_token(call.tx, call.principal)
    origin = "https://sandbox.cal.local"
    state = urlencode({"accessToken": token, "origin": origin, "redir": redir, "isDryRun": dry_run})
    auth_url = stand_in_url(
        calendar, "oauth/authorize", client_id="stand-in-client-id", response_type="code", access_type="offline",
        redirect_uri=f"https://sandbox.cal.local/v2/calendars/{calendar}/save", state=state,
    )  # fmt: skip
    return {"authUrl": auth_url}


@routes.action("CAL_SAVE_CALENDAR_CREDENTIALS", "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS")
def save_credentials(call: Call) -> Reply:
    calendar = _calendar(call, _OAUTH)
    credentials.query_text(call, "code")  # a stand-in provider accepts any code
    # Cal.com reads the state as URL parameters and checks accessToken and origin with zod (a 400 when missing).
    fields = {key: values[0] for key, values in parse_qs(credentials.query_text(call, "state") or "").items()}
    missing = [key for key in ("origin", "accessToken") if not fields.get(key)]
    if missing:
        raise InvalidInput(", ".join(f"{key} - Expected string, received null" for key in missing) + ", ")
    user_id = state_owner(call.tx, fields["accessToken"])
    if fields.get("isDryRun") != "true" and not credentials.of_user(call.tx, user_id, PROVIDERS[calendar].type):
        user = call.tx.get("user", user_id) or {}
        connect(call.tx, user_id, calendar, user.get("email", f"user{user_id}@example.com"))
    target = fields.get("redir") or stand_in_url("cal", "apps/installed/calendar")
    # Cal.com redirects the browser back after storing the credential (301, as the spec does not say).
    return Reply({"url": target}, status=301, headers={"location": target})


@routes.action("CAL_SYNC_CALENDAR_CREDENTIALS", status=201)
def sync_credentials(call: Call) -> Reply:
    _calendar(call, ("apple",))
    username = call.body["username"]
    existing = [c for c in credentials.of_user(call.tx, call.user_id, "apple_calendar") if c["account"] == username]
    if existing:
        raise BadRequest("Apple calendar credentials for this account are already connected")
    connect(call.tx, call.user_id, "apple", username)
    return Reply(NO_DATA)


def check_connection(tx: Tx, user_id: int, calendar: str) -> Reply:
    provider = PROVIDERS[calendar]
    found = credentials.of_user(tx, user_id, provider.type)
    if not found:
        raise Unauthorized(f"Credentials for {provider.type} not found.")
    if all(c["invalid"] for c in found):
        raise BadRequest(f"Invalid {provider.title} credentials.")
    return Reply(NO_DATA)


@routes.action("CAL_CHECK_CALENDAR_CONNECTION", "CAL_CHECK_GOOGLE_CALENDAR_CONNECTION")
def check(call: Call) -> Reply:
    return check_connection(call.tx, call.user_id, _calendar(call, ("apple", "google", "office365")))


@routes.action("CAL_DISCONNECT_CALENDAR")
def disconnect(call: Call) -> dict[str, Any]:
    calendar = _calendar(call, ("apple", "google", "office365"))
    credential = calendar_credential(call.tx, call.user_id, call.body["id"])
    if credential["type"] != PROVIDERS[calendar].type:
        raise BadRequest(f"Credential {credential['id']} is not a {calendar} calendar")
    forget_credential(call.tx, call.user_id, credential)
    return credentials.credential_output(credential)


def forget_credential(tx: Tx, user_id: int, credential: Document) -> None:
    """Delete a calendar credential with its selected calendars and the destination that used it."""
    tx.delete(credentials.KIND, credential["id"])
    for key, selected in _selected_items(tx):
        if selected["credentialId"] == credential["id"]:
            tx.delete("selected_calendar", key)
    destination = tx.get("destination_calendar", user_id)
    if destination is not None and destination["credentialId"] == credential["id"]:
        tx.delete("destination_calendar", user_id)


def _selected_items(tx: Tx) -> list[tuple[str, Document]]:
    return [(selected_key(s["userId"], s["integration"], s["externalId"]), s) for s in tx.all("selected_calendar")]


def selected_key(user_id: int, integration: str, external_id: str) -> str:
    return f"{user_id}:{integration}:{external_id}"


@routes.action("CAL_SAVE_ICS_FEED", status=201)
def save_ics_feed(call: Call) -> dict[str, Any]:
    urls = call.body["urls"]
    bad = [url for url in urls if urlparse(url).scheme not in ("http", "https", "webcal") or not urlparse(url).netloc]
    if not urls or bad:
        raise BadRequest(f"Invalid ICS feed URL: {bad[0] if bad else 'none given'}")
    read_only = call.body.get("readOnly", True)
    entries = [
        {"externalId": url, "name": urlparse(url).netloc, "primary": index == 0, "readOnly": read_only, "email": url}
        for index, url in enumerate(urls)
    ]
    provider = PROVIDERS["ics"]
    credential = credentials.new_credential(
        call.tx, provider.type, provider.slug, user_id=call.user_id, account=urls[0], calendars=entries, events=[]
    )
    return credentials.credential_output(credential)


@routes.action("CAL_CHECK_ICS_FEED")
def check_ics_feed(call: Call) -> Reply:
    return check_connection(call.tx, call.user_id, "ics")


def seed_calendars(tx: Tx, user: Document, now: datetime) -> None:
    """Google (the destination, with two stand-in events), Outlook and Apple accounts of ``user``."""
    local = zone(user["timeZone"])
    today = now.astimezone(local).date()

    def event(days: int, hour: int, minutes: int, title: str, calendar: str) -> dict[str, Any]:
        start = datetime(today.year, today.month, today.day, hour, tzinfo=local) + timedelta(days=days)
        return {"externalId": calendar, "title": title, "start": iso_utc(start),
                "end": iso_utc(start + timedelta(minutes=minutes))}  # fmt: skip

    email = user["email"]
    google = connect(tx, user["id"], "google", email, events=[event(1, 12, 60, "Lunch", email)])
    google["calendars"].append(
        {"externalId": "holidays@group.stand-in.google", "name": "Holidays", "primary": False, "readOnly": True,
         "email": email}
    )  # fmt: skip
    google["events"].append(event(2, 0, 24 * 60, "Public holiday", "holidays@group.stand-in.google"))
    tx.put(credentials.KIND, google["id"], google)
    outlook_account = f"{user['username']}@outlook.stand-in"
    connect(tx, user["id"], "office365", outlook_account, events=[event(2, 9, 30, "Dentist", outlook_account)])
    connect(tx, user["id"], "apple", f"{user['username']}@icloud.stand-in")
    tx.put(
        "selected_calendar",
        selected_key(user["id"], "google_calendar", email),
        {"userId": user["id"], "integration": "google_calendar", "externalId": email, "credentialId": google["id"]},
    )
    from cal_actions.sandbox.resources.calendar_use import set_destination

    set_destination(tx, user["id"], google, email)
