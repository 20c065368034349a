"""``/v2/conferencing``: installed meeting apps (stand-in Zoom, Teams, Google Meet) and the default one.

Cal Video (``daily-video``) is built in: never installed, always available as the default.
"""

from __future__ import annotations

import json
from typing import Any

from cal_actions.sandbox.auth import state_token
from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import credentials
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Tx

routes = Routes()

# app slug → (credential type, stand-in meeting link)
APPS = {
    "google-meet": ("google_video", "https://meet.google.com/stand-in-sandbox"),
    "zoom": ("zoom_video", "https://zoom.us/j/0000000000?stand-in=sandbox"),
    "msteams": ("office365_video", "https://teams.microsoft.com/l/meetup-join/stand-in-sandbox"),
    "daily-video": ("daily_video", "https://app.cal.com/video/stand-in-sandbox"),
}
BUILT_IN = "daily-video"
_TYPES = {credential_type for credential_type, _ in APPS.values()}


def install(tx: Tx, user_id: int, app: str) -> dict[str, Any]:
    credential = credentials.new_credential(tx, APPS[app][0], app, user_id=user_id)
    return _output(credential)


def _output(credential: dict[str, Any]) -> dict[str, Any]:
    return {key: credential[key] for key in ("id", "type", "userId", "invalid")}


def _installed(tx: Tx, user_id: int, app: str) -> list[dict[str, Any]]:
    return credentials.of_user(tx, user_id, APPS[app][0])


def default_app(tx: Tx, user_id: int) -> dict[str, Any]:
    stored = tx.get("conferencing_default", user_id)
    return stored or {"appSlug": BUILT_IN, "appLink": APPS[BUILT_IN][1]}


@routes.action("CAL_LIST_CONFERENCING_APPS")
def list_apps(call: Call) -> list[dict[str, Any]]:
    return [_output(c) for c in credentials.of_user(call.tx, call.user_id) if c["type"] in _TYPES]


@routes.action("CAL_CONNECT_CONFERENCING_APP")
def connect(call: Call) -> dict[str, Any]:
    app = call.params["app"]
    if app != "google-meet":
        raise BadRequest("Invalid app, available apps are: google-meet")
    if not credentials.of_user(call.tx, call.user_id, "google_calendar"):
        raise BadRequest("Google Meet app requires a Google Calendar to be installed.")
    if _installed(call.tx, call.user_id, app):
        raise BadRequest("Google Meet is already connected.")
    return install(call.tx, call.user_id, app)


def _oauth_app(call: Call) -> str:
    app = call.params["app"]
    if app not in ("zoom", "msteams"):
        raise BadRequest("Invalid app, available apps are: zoom, msteams")
    return app


@routes.action("CAL_GET_CONFERENCING_AUTH_URL")
def auth_url(call: Call) -> dict[str, Any]:
    app = _oauth_app(call)
    state = {
        "returnTo": credentials.query_text(call, "returnTo"),
        "onErrorReturnTo": credentials.query_text(call, "onErrorReturnTo"),
        "fromApp": False,
        "accessToken": state_token(call.tx, call.principal),
    }
    url = stand_in_url(
        app, "oauth/authorize", client_id="stand-in-client-id", response_type="code",
        redirect_uri=f"https://sandbox.cal.local/v2/conferencing/{app}/oauth/callback", state=json.dumps(state),
    )  # fmt: skip
    # The pinned document shows only `status`; Cal.com also answers the URL in `data`.
    return {"url": url}


@routes.action("CAL_SAVE_CONFERENCING_CREDENTIALS")
def oauth_callback(call: Call) -> Reply:
    app = _oauth_app(call)
    credentials.query_text(call, "code")  # a stand-in provider accepts any code
    user_id, state = credentials.json_state(call)
    target = str(state.get("returnTo") or credentials.stand_in_url("cal", "apps/installed/conferencing"))
    if not _installed(call.tx, user_id, app):
        install(call.tx, user_id, app)
    # Like Cal.com, the browser is sent back to returnTo once the credential is stored.
    return Reply({"url": target}, status=301, headers={"location": target})


@routes.action("CAL_SET_DEFAULT_CONFERENCING_APP")
def set_default(call: Call) -> Reply:
    app = call.params["app"]
    if app not in APPS:
        raise BadRequest(f"Invalid app, available apps are: {', '.join(APPS)}")
    if app != BUILT_IN and not _installed(call.tx, call.user_id, app):
        raise BadRequest(f"Can't set {app} as default conferencing app, app is not installed")
    call.tx.put("conferencing_default", call.user_id, {"appSlug": app, "appLink": APPS[app][1]})
    return Reply(NO_DATA)


@routes.action("CAL_GET_DEFAULT_CONFERENCING_APP")
def get_default(call: Call) -> dict[str, Any]:
    return default_app(call.tx, call.user_id)


@routes.action("CAL_DISCONNECT_CONFERENCING_APP")
def disconnect(call: Call) -> Reply:
    app = call.params["app"]
    if app not in ("google-meet", "zoom", "msteams"):
        raise BadRequest("Invalid app, available apps are: google-meet, zoom, msteams")
    installed = _installed(call.tx, call.user_id, app)
    if not installed:
        raise NotFound(f"Conferencing app {app} is not installed")
    for credential in installed:
        call.tx.delete(credentials.KIND, credential["id"])
    if default_app(call.tx, call.user_id)["appSlug"] == app:
        call.tx.delete("conferencing_default", call.user_id)  # back to the built-in Cal Video
    return Reply(NO_DATA)
