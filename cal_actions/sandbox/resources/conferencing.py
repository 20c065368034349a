"""Installed meeting apps (stand-in Zoom, Teams, Google Meet) and the default one, of the authenticated user
(``/v2/conferencing``) and of an organization team (``/v2/organizations/{orgId}/teams/{teamId}/conferencing``,
team admins; the team's default lives in its metadata, as in Cal.com).

Cal Video (``daily-video``) is built in: never installed, always available as the default.
"""

from __future__ import annotations

import json
from typing import Any

from cal_actions.sandbox.auth import state_token
from cal_actions.sandbox.errors import BadRequest, NotFound
from cal_actions.sandbox.resources import credentials, org_access
from cal_actions.sandbox.resources.credentials import stand_in_url
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes
from cal_actions.sandbox.store import Document, Tx

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


def install(tx: Tx, app: str, *, user_id: int | None = None, team_id: int | None = None) -> dict[str, Any]:
    credential = credentials.new_credential(tx, APPS[app][0], app, user_id=user_id, team_id=team_id)
    return _output(credential)


def _output(credential: dict[str, Any]) -> dict[str, Any]:
    return {key: credential[key] for key in ("id", "type", "userId", "invalid")}


def owned(tx: Tx, *, user_id: int | None = None, team_id: int | None = None) -> list[Document]:
    """The conferencing credentials of a team (``team_id``) or else of a user."""
    if team_id is not None:
        return [c for c in tx.all(credentials.KIND) if c["teamId"] == team_id and c["type"] in _TYPES]
    return [c for c in credentials.of_user(tx, user_id or 0) if c["type"] in _TYPES]


def installed(tx: Tx, app: str, *, user_id: int | None = None, team_id: int | None = None) -> list[Document]:
    return [c for c in owned(tx, user_id=user_id, team_id=team_id) if c["type"] == APPS[app][0]]


def default_app(tx: Tx, user_id: int) -> dict[str, Any]:
    stored = tx.get("conferencing_default", user_id)
    return stored or {"appSlug": BUILT_IN, "appLink": APPS[BUILT_IN][1]}


def _auth_url(call: Call, app: str, callback: str, **state: Any) -> dict[str, str]:
    state = {
        "returnTo": credentials.query_text(call, "returnTo"),
        "onErrorReturnTo": credentials.query_text(call, "onErrorReturnTo"),
        "fromApp": False,
        "accessToken": state_token(call.tx, call.principal),
        **state,
    }
    url = stand_in_url(
        app, "oauth/authorize", client_id="stand-in-client-id", response_type="code",
        redirect_uri=f"https://sandbox.cal.local{callback}", state=json.dumps(state),
    )  # fmt: skip
    # The pinned document shows only `status`; Cal.com also answers the URL in `data`.
    return {"url": url}


def _callback(call: Call, app: str, *, team_id: int | None = None) -> Reply:
    """Store the app for the team, or else for the user whose token the state carries (as Cal.com, which acts as
    that token on both routes)."""
    credentials.query_text(call, "code")  # a stand-in provider accepts any code
    owner, state = credentials.json_state(call)
    target = str(state.get("returnTo") or credentials.stand_in_url("cal", "apps/installed/conferencing"))
    user_id = None if team_id is not None else owner
    if not installed(call.tx, app, user_id=user_id, team_id=team_id):
        install(call.tx, app, user_id=user_id, team_id=team_id)
    # Like Cal.com, the browser is sent back to returnTo once the credential is stored.
    return Reply({"url": target}, status=301, headers={"location": target})


def _disconnectable(call: Call) -> str:
    app = call.params["app"]
    if app not in ("google-meet", "zoom", "msteams"):
        raise BadRequest("Invalid app, available apps are: google-meet, zoom, msteams")
    return app


@routes.action("CAL_LIST_CONFERENCING_APPS")
def list_apps(call: Call) -> list[dict[str, Any]]:
    return [_output(c) for c in owned(call.tx, user_id=call.user_id)]


@routes.action("CAL_CONNECT_CONFERENCING_APP")
def connect(call: Call) -> dict[str, Any]:
    app = call.params["app"]
    if app != "google-meet":
        raise BadRequest("Invalid app, available apps are: google-meet")
    if not credentials.of_user(call.tx, call.user_id, "google_calendar"):
        raise BadRequest("Google Meet app requires a Google Calendar to be installed.")
    if installed(call.tx, app, user_id=call.user_id):
        raise BadRequest("Google Meet is already connected.")
    return install(call.tx, app, user_id=call.user_id)


def _oauth_app(call: Call) -> str:
    app = call.params["app"]
    if app not in ("zoom", "msteams"):
        raise BadRequest("Invalid app, available apps are: zoom, msteams")
    return app


@routes.action("CAL_GET_CONFERENCING_AUTH_URL")
def auth_url(call: Call) -> dict[str, Any]:
    app = _oauth_app(call)
    return _auth_url(call, app, f"/v2/conferencing/{app}/oauth/callback")


@routes.action("CAL_SAVE_CONFERENCING_CREDENTIALS")
def oauth_callback(call: Call) -> Reply:
    return _callback(call, _oauth_app(call))


@routes.action("CAL_SET_DEFAULT_CONFERENCING_APP")
def set_default(call: Call) -> Reply:
    app = call.params["app"]
    if app not in APPS:
        raise BadRequest(f"Invalid app, available apps are: {', '.join(APPS)}")
    if app != BUILT_IN and not installed(call.tx, app, user_id=call.user_id):
        raise BadRequest(f"Can't set {app} as default conferencing app, app is not installed")
    call.tx.put("conferencing_default", call.user_id, {"appSlug": app, "appLink": APPS[app][1]})
    return Reply(NO_DATA)


@routes.action("CAL_GET_DEFAULT_CONFERENCING_APP")
def get_default(call: Call) -> dict[str, Any]:
    return default_app(call.tx, call.user_id)


@routes.action("CAL_DISCONNECT_CONFERENCING_APP")
def disconnect(call: Call) -> Reply:
    app = _disconnectable(call)
    found = installed(call.tx, app, user_id=call.user_id)
    if not found:
        raise NotFound(f"Conferencing app {app} is not installed")
    for credential in found:
        call.tx.delete(credentials.KIND, credential["id"])
    if default_app(call.tx, call.user_id)["appSlug"] == app:
        call.tx.delete("conferencing_default", call.user_id)  # back to the built-in Cal Video
    return Reply(NO_DATA)


# -- an organization team's apps -------------------------------------------------------------------


def _team(call: Call) -> Document:
    return org_access.require_org_team_role(call, "ADMIN")


def _team_default(call: Call, team: Document, app: str | None) -> None:
    metadata = dict(team.get("metadata") or {})
    if app is None:
        metadata.pop("defaultConferencingApp", None)
    else:
        metadata["defaultConferencingApp"] = {"appSlug": app}  # Cal.com stores no link for a team
    call.tx.put("team", team["id"], {**team, "metadata": metadata})


@routes.action("CAL_LIST_ORG_TEAM_CONFERENCING_APPS")
def list_team_apps(call: Call) -> list[dict[str, Any]]:
    return [_output(c) for c in owned(call.tx, team_id=_team(call)["id"])]


@routes.action("CAL_CONNECT_ORG_TEAM_CONFERENCING_APP")
def connect_team(call: Call) -> dict[str, Any]:
    team_id = _team(call)["id"]
    calendar = credentials.of_team(call.tx, team_id, "google_calendar")
    if not calendar:
        raise BadRequest("Google Meet requires a Google Calendar connection.")
    if all(credential["invalid"] for credential in calendar):
        raise BadRequest("Google Meet requires a valid Google Calendar connection. Please reconnect Google Calendar.")
    if installed(call.tx, "google-meet", team_id=team_id):
        raise BadRequest("Google Meet is already connected for this team.")
    return install(call.tx, "google-meet", team_id=team_id)


@routes.action("CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL")
def team_auth_url(call: Call) -> dict[str, Any]:
    team, app = _team(call), _oauth_app(call)
    callback = f"/v2/organizations/{team['parentId']}/teams/{team['id']}/conferencing/{app}/oauth/callback"
    return _auth_url(call, app, callback, teamId=str(team["id"]), orgId=str(team["parentId"]))


@routes.action("CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS")
def team_oauth_callback(call: Call) -> Reply:
    team = _team(call)
    return _callback(call, _oauth_app(call), team_id=team["id"])


@routes.action("CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP")
def set_team_default(call: Call) -> Reply:
    team, app = _team(call), call.params["app"]
    if app != BUILT_IN and not installed(call.tx, app, team_id=team["id"]):
        raise BadRequest(f"{app} not connected.")
    _team_default(call, team, app)
    return Reply(NO_DATA)


@routes.action("CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP")
def get_team_default(call: Call) -> Reply:
    chosen = (_team(call).get("metadata") or {}).get("defaultConferencingApp")
    return Reply(NO_DATA if chosen is None else chosen)  # Cal.com answers no data when none was set


@routes.action("CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP")
def disconnect_team(call: Call) -> Reply:
    team, app = _team(call), _disconnectable(call)
    found = installed(call.tx, app, team_id=team["id"])
    if not found:
        raise BadRequest(f"{app} not connected.")
    for credential in found:
        call.tx.delete(credentials.KIND, credential["id"])
    if ((team.get("metadata") or {}).get("defaultConferencingApp") or {}).get("appSlug") == app:
        _team_default(call, team, None)
    return Reply(NO_DATA)
