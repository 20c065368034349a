"""Conferencing apps of the authenticated user: connect (OAuth or not), list, default, disconnect."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare
from cal_actions.actions.calendars import JSON_STATE_HINTS, OAuthCallback

# Spec: `app` (path) is a plain string in the pinned spec; the Literals are the live API's per-route enums.


class OAuthApp(Params):
    app: Literal["zoom", "msteams"] = Field(description="OAuth app")


class ConnectConferencingApp(Params):
    app: Literal["google-meet"] = Field(description="App")


CAL_CONNECT_CONFERENCING_APP = declare(
    "CAL_CONNECT_CONFERENCING_APP",
    description=("Install Google Meet, which needs no OAuth but a connected Google Calendar."),
    params=ConnectConferencingApp,
    route=Route("POST", "/v2/conferencing/{app}/connect"),
    tags=("conferencing",),
    aliases=("CAL_POST_CONFERENCING_APP_CONNECT",),
)


class GetConferencingAuthUrl(OAuthApp):
    returnTo: str = Field(description="Return URL on success")
    onErrorReturnTo: str = Field(description="Return URL on failure")


CAL_GET_CONFERENCING_AUTH_URL = declare(
    "CAL_GET_CONFERENCING_AUTH_URL",
    description=("Get the OAuth URL that connects Zoom or Microsoft Teams; send the user there."),
    params=GetConferencingAuthUrl,
    route=Route("GET", "/v2/conferencing/{app}/oauth/auth-url"),
    tags=("conferencing",),
    aliases=("CAL_GET_CONFERENCE_OAUTH_AUTHORIZATION_URL",),
)


class SaveConferencingCredentials(OAuthCallback, OAuthApp):
    pass


CAL_SAVE_CONFERENCING_CREDENTIALS = declare(
    "CAL_SAVE_CONFERENCING_CREDENTIALS",
    description=("OAuth callback storing Zoom or Teams credentials; normally reached by the browser."),
    params=SaveConferencingCredentials,
    # Server: conferencing.controller.ts guards nothing here (the state carries the user's access token).
    route=Route("GET", "/v2/conferencing/{app}/oauth/callback", auth="none"),
    tags=("conferencing",),
    aliases=("CAL_HANDLE_CONFERENCING_OAUTH_CALLBACK_FOR_APP",),
    read_only=False,
    hints_note="an OAuth callback: a GET, but it stores the account's credentials (adding a connection); its "
    "one-time code makes a repeat fail without effect",
    error_hints=JSON_STATE_HINTS,
)

CAL_LIST_CONFERENCING_APPS = declare(
    "CAL_LIST_CONFERENCING_APPS",
    description=("List your installed conferencing apps and whether each connection works."),
    params=NoParams,
    route=Route("GET", "/v2/conferencing"),
    tags=("conferencing",),
    aliases=("CAL_RETRIEVE_V2_CONFERENCING_INFO",),
)


class SetDefaultConferencingApp(Params):
    app: Literal["google-meet", "zoom", "msteams", "daily-video"] = Field(description="Installed app")


CAL_SET_DEFAULT_CONFERENCING_APP = declare(
    "CAL_SET_DEFAULT_CONFERENCING_APP",
    description=("Make an installed conferencing app your default meeting location."),
    params=SetDefaultConferencingApp,
    route=Route("POST", "/v2/conferencing/{app}/default"),
    tags=("conferencing",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that replaces the current default app; the same app again changes nothing",
)

CAL_GET_DEFAULT_CONFERENCING_APP = declare(
    "CAL_GET_DEFAULT_CONFERENCING_APP",
    description="Get your default conferencing app and its link.",
    params=NoParams,
    route=Route("GET", "/v2/conferencing/default"),
    tags=("conferencing",),
    aliases=("CAL_RETRIEVE_DEFAULT_CONFERENCING_SETTINGS",),
)


class DisconnectConferencingApp(Params):
    app: Literal["google-meet", "zoom", "msteams"] = Field(description="Installed app")


CAL_DISCONNECT_CONFERENCING_APP = declare(
    "CAL_DISCONNECT_CONFERENCING_APP",
    description="Uninstall a conferencing app, deleting its credentials.",
    params=DisconnectConferencingApp,
    route=Route("DELETE", "/v2/conferencing/{app}/disconnect"),
    tags=("conferencing",),
    aliases=("CAL_DELETE_CONFERENCE_APP_CONNECTION",),
)


ACTIONS = [
    CAL_CONNECT_CONFERENCING_APP,
    CAL_GET_CONFERENCING_AUTH_URL,
    CAL_SAVE_CONFERENCING_CREDENTIALS,
    CAL_LIST_CONFERENCING_APPS,
    CAL_SET_DEFAULT_CONFERENCING_APP,
    CAL_GET_DEFAULT_CONFERENCING_APP,
    CAL_DISCONNECT_CONFERENCING_APP,
]
