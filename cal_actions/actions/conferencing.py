"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class ConnectConferencingApp(Params):
    app: str = Field(description='SPEC: ')


CAL_CONNECT_CONFERENCING_APP = declare(
    "CAL_CONNECT_CONFERENCING_APP",
    description="TODO (Connect your conferencing application)",
    params=ConnectConferencingApp,
    route=Route("POST", "/v2/conferencing/{app}/connect"),
    tags=('conferencing',),
    aliases=('CAL_POST_CONFERENCING_APP_CONNECT',),
)


class GetConferencingAuthUrl(Params):
    app: str = Field(description='SPEC: ')
    returnTo: str = Field(description='SPEC: ')
    onErrorReturnTo: str = Field(description='SPEC: ')


CAL_GET_CONFERENCING_AUTH_URL = declare(
    "CAL_GET_CONFERENCING_AUTH_URL",
    description="TODO (Get OAuth conferencing app auth url)",
    params=GetConferencingAuthUrl,
    route=Route("GET", "/v2/conferencing/{app}/oauth/auth-url"),
    tags=('conferencing',),
    aliases=('CAL_GET_CONFERENCE_OAUTH_AUTHORIZATION_URL',),
)


class SaveConferencingCredentials(Params):
    app: str = Field(description='SPEC: ')
    state: str = Field(description='SPEC: ')
    code: str = Field(description='SPEC: ')


CAL_SAVE_CONFERENCING_CREDENTIALS = declare(
    "CAL_SAVE_CONFERENCING_CREDENTIALS",
    description="TODO (conferencing apps oauths callback)",
    params=SaveConferencingCredentials,
    route=Route("GET", "/v2/conferencing/{app}/oauth/callback"),
    tags=('conferencing',),
    aliases=('CAL_HANDLE_CONFERENCING_OAUTH_CALLBACK_FOR_APP',),
)




CAL_LIST_CONFERENCING_APPS = declare(
    "CAL_LIST_CONFERENCING_APPS",
    description="TODO (List your conferencing applications)",
    params=NoParams,
    route=Route("GET", "/v2/conferencing"),
    tags=('conferencing',),
    aliases=('CAL_RETRIEVE_V2_CONFERENCING_INFO',),
)


class SetDefaultConferencingApp(Params):
    app: str = Field(description='SPEC: ')


CAL_SET_DEFAULT_CONFERENCING_APP = declare(
    "CAL_SET_DEFAULT_CONFERENCING_APP",
    description="TODO (Set your default conferencing application)",
    params=SetDefaultConferencingApp,
    route=Route("POST", "/v2/conferencing/{app}/default"),
    tags=('conferencing',),
)




CAL_GET_DEFAULT_CONFERENCING_APP = declare(
    "CAL_GET_DEFAULT_CONFERENCING_APP",
    description="TODO (Get your default conferencing application)",
    params=NoParams,
    route=Route("GET", "/v2/conferencing/default"),
    tags=('conferencing',),
    aliases=('CAL_RETRIEVE_DEFAULT_CONFERENCING_SETTINGS',),
)


class DisconnectConferencingApp(Params):
    app: str = Field(description='SPEC: ')


CAL_DISCONNECT_CONFERENCING_APP = declare(
    "CAL_DISCONNECT_CONFERENCING_APP",
    description="TODO (Disconnect your conferencing application)",
    params=DisconnectConferencingApp,
    route=Route("DELETE", "/v2/conferencing/{app}/disconnect"),
    tags=('conferencing',),
    aliases=('CAL_DELETE_CONFERENCE_APP_CONNECTION',),
)


ACTIONS = [CAL_CONNECT_CONFERENCING_APP, CAL_GET_CONFERENCING_AUTH_URL, CAL_SAVE_CONFERENCING_CREDENTIALS, CAL_LIST_CONFERENCING_APPS, CAL_SET_DEFAULT_CONFERENCING_APP, CAL_GET_DEFAULT_CONFERENCING_APP, CAL_DISCONNECT_CONFERENCING_APP]
