"""Conferencing apps of the authenticated user and of an organization team: connect (OAuth or not), list, default,
disconnect."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare
from cal_actions.actions._paths import OrgTeamPath
from cal_actions.actions.calendars import CALLBACK_NOTE, JSON_STATE_HINTS, OAuthCallback, ReturnUrls

SET_DEFAULT_NOTE = "a POST that replaces the current default app; the same app again changes nothing"

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
    examples=({"app": "google-meet"},),
)


class GetConferencingAuthUrl(ReturnUrls, OAuthApp):
    pass


CAL_GET_CONFERENCING_AUTH_URL = declare(
    "CAL_GET_CONFERENCING_AUTH_URL",
    description=("Get the OAuth URL that connects Zoom or Microsoft Teams; send the user there."),
    params=GetConferencingAuthUrl,
    route=Route("GET", "/v2/conferencing/{app}/oauth/auth-url"),
    tags=("conferencing",),
    aliases=("CAL_GET_CONFERENCE_OAUTH_AUTHORIZATION_URL",),
    examples=({"app": "zoom", "returnTo": "https://app.acme.com/settings/apps",
               "onErrorReturnTo": "https://app.acme.com/settings/apps?error=zoom"},),
)  # fmt: skip


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
    hints_note=CALLBACK_NOTE,
    error_hints=JSON_STATE_HINTS,
    examples=(
        {"app": "zoom", "state": '{"returnTo":"https://app.acme.com/settings/apps","accessToken":"eyJhbGciOi.e30.sig"}',
         "code": "pQ7xZk2LmN_9aBcD3eFgH"},
    ),
)  # fmt: skip

CAL_LIST_CONFERENCING_APPS = declare(
    "CAL_LIST_CONFERENCING_APPS",
    description=("List your installed conferencing apps and whether each connection works."),
    params=NoParams,
    route=Route("GET", "/v2/conferencing"),
    tags=("conferencing",),
    aliases=("CAL_RETRIEVE_V2_CONFERENCING_INFO",),
    examples=({},),
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
    hints_note=SET_DEFAULT_NOTE,
    examples=({"app": "zoom"},),
)

CAL_GET_DEFAULT_CONFERENCING_APP = declare(
    "CAL_GET_DEFAULT_CONFERENCING_APP",
    description="Get your default conferencing app and its link.",
    params=NoParams,
    route=Route("GET", "/v2/conferencing/default"),
    tags=("conferencing",),
    aliases=("CAL_RETRIEVE_DEFAULT_CONFERENCING_SETTINGS",),
    examples=({},),
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
    examples=({"app": "msteams"},),
)


# --- an organization team's apps (team admins): the same app choices under the team's path --------------------
TEAM_TAGS = ("conferencing", "orgs", "teams")
TEAM_PATH = "/v2/organizations/{orgId}/teams/{teamId}/conferencing"


class ConnectOrgTeamConferencingApp(ConnectConferencingApp, OrgTeamPath):
    pass


CAL_CONNECT_ORG_TEAM_CONFERENCING_APP = declare(
    "CAL_CONNECT_ORG_TEAM_CONFERENCING_APP",
    description="Install Google Meet for an organization team; the team needs a connected Google Calendar.",
    params=ConnectOrgTeamConferencingApp,
    route=Route("POST", TEAM_PATH + "/{app}/connect"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31, "app": "google-meet"},),
)


class GetOrgTeamConferencingAuthUrl(GetConferencingAuthUrl, OrgTeamPath):
    pass


CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL = declare(
    "CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL",
    description="Get the OAuth URL that connects Zoom or Microsoft Teams for an organization team; send an admin "
    "there.",
    params=GetOrgTeamConferencingAuthUrl,
    route=Route("GET", TEAM_PATH + "/{app}/oauth/auth-url"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31, "app": "msteams", "returnTo": "https://app.acme.com/teams/31/apps",
               "onErrorReturnTo": "https://app.acme.com/teams/31/apps?error=msteams"},),
)  # fmt: skip


class SaveOrgTeamConferencingCredentials(SaveConferencingCredentials, OrgTeamPath):
    pass


CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS = declare(
    "CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS",
    description="OAuth callback storing an organization team's Zoom or Teams credentials; normally reached by the "
    "browser.",
    params=SaveOrgTeamConferencingCredentials,
    route=Route("GET", TEAM_PATH + "/{app}/oauth/callback"),
    tags=TEAM_TAGS,
    read_only=False,
    hints_note=CALLBACK_NOTE,
    error_hints=JSON_STATE_HINTS,
    examples=(
        {"orgId": 12, "teamId": 31, "app": "zoom",
         "state": '{"returnTo":"https://app.acme.com/teams/31/apps","accessToken":"eyJhbGciOi.e30.sig"}',
         "code": "pQ7xZk2LmN_9aBcD3eFgH"},
    ),
)  # fmt: skip

CAL_LIST_ORG_TEAM_CONFERENCING_APPS = declare(
    "CAL_LIST_ORG_TEAM_CONFERENCING_APPS",
    description="List an organization team's installed conferencing apps. For your own use "
    "CAL_LIST_CONFERENCING_APPS.",
    params=OrgTeamPath,
    route=Route("GET", TEAM_PATH),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31},),
)


class SetOrgTeamDefaultConferencingApp(SetDefaultConferencingApp, OrgTeamPath):
    pass


CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP = declare(
    "CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP",
    description="Make an app installed for an organization team (or Cal Video) the team's default meeting place.",
    params=SetOrgTeamDefaultConferencingApp,
    route=Route("POST", TEAM_PATH + "/{app}/default"),
    tags=TEAM_TAGS,
    destructive=True,
    idempotent=True,
    hints_note=SET_DEFAULT_NOTE,
    examples=({"orgId": 12, "teamId": 31, "app": "google-meet"},),
)

CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP = declare(
    "CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP",
    description="Get an organization team's default conferencing app; no data when none was set.",
    params=OrgTeamPath,
    route=Route("GET", TEAM_PATH + "/default"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31},),
)


class DisconnectOrgTeamConferencingApp(DisconnectConferencingApp, OrgTeamPath):
    pass


CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP = declare(
    "CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP",
    description="Uninstall a conferencing app from an organization team, deleting its credentials.",
    params=DisconnectOrgTeamConferencingApp,
    route=Route("DELETE", TEAM_PATH + "/{app}/disconnect"),
    tags=TEAM_TAGS,
    examples=({"orgId": 12, "teamId": 31, "app": "zoom"},),
)


ACTIONS = [
    CAL_CONNECT_CONFERENCING_APP,
    CAL_GET_CONFERENCING_AUTH_URL,
    CAL_SAVE_CONFERENCING_CREDENTIALS,
    CAL_LIST_CONFERENCING_APPS,
    CAL_SET_DEFAULT_CONFERENCING_APP,
    CAL_GET_DEFAULT_CONFERENCING_APP,
    CAL_DISCONNECT_CONFERENCING_APP,
    CAL_CONNECT_ORG_TEAM_CONFERENCING_APP,
    CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL,
    CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS,
    CAL_LIST_ORG_TEAM_CONFERENCING_APPS,
    CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP,
    CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP,
    CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP,
]
