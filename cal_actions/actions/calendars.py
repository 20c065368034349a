"""TODO module docstring."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from cal_actions.action import NoParams, Params, Route, declare


class SaveIcsFeed(Params):
    urls: list[str] = Field(description='SPEC: An array of ICS URLs')
    readOnly: bool = Field(True, description='SPEC: Whether to allowing writing to the calendar or not')


CAL_SAVE_ICS_FEED = declare(
    "CAL_SAVE_ICS_FEED",
    description="TODO (Save an ICS feed)",
    params=SaveIcsFeed,
    route=Route("POST", "/v2/calendars/ics-feed/save"),
    tags=('calendars',),
    aliases=('CAL_SAVE_CALENDAR_ICS_FEEDS',),
)




CAL_CHECK_ICS_FEED = declare(
    "CAL_CHECK_ICS_FEED",
    description="TODO (Check an ICS feed)",
    params=NoParams,
    route=Route("GET", "/v2/calendars/ics-feed/check"),
    tags=('calendars',),
    aliases=('CAL_CHECK_ICS_FEED_CALENDAR_ENDPOINT',),
)


class ListBusyTimes(Params):
    loggedInUsersTz: str = Field(description='SPEC: The timezone of the logged in user represented as a string')
    dateFrom: str = Field(None, description='SPEC: The starting date for the busy times query')
    dateTo: str = Field(None, description='SPEC: The ending date for the busy times query')
    credentialId: int = Field(description='SPEC: ')
    externalId: str = Field(description='SPEC: ')


CAL_LIST_BUSY_TIMES = declare(
    "CAL_LIST_BUSY_TIMES",
    description="TODO (Get busy times)",
    params=ListBusyTimes,
    route=Route("GET", "/v2/calendars/busy-times"),
    tags=('calendars',),
    aliases=('CAL_RETRIEVE_CALENDAR_BUSY_TIMES',),
)




CAL_LIST_CALENDARS = declare(
    "CAL_LIST_CALENDARS",
    description="TODO (Get all calendars)",
    params=NoParams,
    route=Route("GET", "/v2/calendars"),
    tags=('calendars',),
    aliases=('CAL_RETRIEVE_CALENDAR_LIST',),
)


class GetCalendarConnectUrl(Params):
    calendar: str = Field(description='SPEC: ')
    isDryRun: bool = Field(description='SPEC: ')


# NOTE: isDryRun required by the live API
CAL_GET_CALENDAR_CONNECT_URL = declare(
    "CAL_GET_CALENDAR_CONNECT_URL",
    description="TODO (Get connect URL)",
    params=GetCalendarConnectUrl,
    route=Route("GET", "/v2/calendars/{calendar}/connect"),
    tags=('calendars',),
    aliases=('CAL_CONNECT_TO_CALENDAR',),
)


class SaveCalendarCredentials(Params):
    calendar: str = Field(description='SPEC: ')
    state: str = Field(description='SPEC: ')
    code: str = Field(description='SPEC: ')


CAL_SAVE_CALENDAR_CREDENTIALS = declare(
    "CAL_SAVE_CALENDAR_CREDENTIALS",
    description="TODO (Save a calendar)",
    params=SaveCalendarCredentials,
    route=Route("GET", "/v2/calendars/{calendar}/save"),
    tags=('calendars',),
    aliases=('CAL_SAVE_CALENDAR_ENTRY',),
)


class SyncCalendarCredentials(Params):
    calendar: str = Field(description='SPEC: ')
    username: str = Field(description='SPEC: ')
    password: str = Field(description='SPEC: ')


# NOTE: body from the live API (pinned spec omits it)
CAL_SYNC_CALENDAR_CREDENTIALS = declare(
    "CAL_SYNC_CALENDAR_CREDENTIALS",
    description="TODO (Sync credentials)",
    params=SyncCalendarCredentials,
    route=Route("POST", "/v2/calendars/{calendar}/credentials"),
    tags=('calendars',),
    aliases=('CAL_POST_CALENDAR_CREDENTIALS',),
)


class CheckCalendarConnection(Params):
    calendar: str = Field(description='SPEC: ')


CAL_CHECK_CALENDAR_CONNECTION = declare(
    "CAL_CHECK_CALENDAR_CONNECTION",
    description="TODO (Check a calendar connection)",
    params=CheckCalendarConnection,
    route=Route("GET", "/v2/calendars/{calendar}/check"),
    tags=('calendars',),
    aliases=('CAL_CHECK_CALENDAR_VERSION_2', 'CAL_CHECK_CALENDAR_VERSION2'),
)


class DisconnectCalendar(Params):
    calendar: str = Field(description='SPEC: ')
    id: int = Field(description='SPEC: Credential ID of the calendar to delete, as returned by the /calendars endpoint')


CAL_DISCONNECT_CALENDAR = declare(
    "CAL_DISCONNECT_CALENDAR",
    description="TODO (Disconnect a calendar)",
    params=DisconnectCalendar,
    route=Route("POST", "/v2/calendars/{calendar}/disconnect"),
    tags=('calendars',),
    aliases=('CAL_DISCONNECT_CALENDAR_USING_CREDENTIAL_ID',),
)


class GetGoogleCalendarAuthUrl(Params):
    isDryRun: bool = Field(description='SPEC: ')
    redir: str = Field(None, description='SPEC: Redirect URL after successful calendar authorization.')


# NOTE: replaces retired GET /v2/gcal/oauth/auth-url
CAL_GET_GOOGLE_CALENDAR_AUTH_URL = declare(
    "CAL_GET_GOOGLE_CALENDAR_AUTH_URL",
    description="TODO (Get OAuth connect URL)",
    params=GetGoogleCalendarAuthUrl,
    route=Route("GET", "/v2/calendars/google/connect"),
    tags=('calendars',),
    aliases=('CAL_GET_GOOGLE_CALENDAR_OAUTH_AUTHENTICATION_URL',),
)


class SaveGoogleCalendarCredentials(Params):
    state: str = Field(description='SPEC: ')
    code: str = Field(description='SPEC: ')


# NOTE: replaces retired GET /v2/gcal/oauth/save
CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS = declare(
    "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS",
    description="TODO (Save Google or Outlook calendar credentials)",
    params=SaveGoogleCalendarCredentials,
    route=Route("GET", "/v2/calendars/google/save"),
    tags=('calendars',),
    aliases=('CAL_SAVE_OAUTH_CREDENTIALS_VIA_GCAL_API',),
)




# NOTE: replaces retired GET /v2/gcal/check
CAL_CHECK_GOOGLE_CALENDAR_CONNECTION = declare(
    "CAL_CHECK_GOOGLE_CALENDAR_CONNECTION",
    description="TODO (Check a calendar connection)",
    params=NoParams,
    route=Route("GET", "/v2/calendars/google/check"),
    tags=('calendars',),
    aliases=('CAL_CHECK_GCAL_SYNCHRONIZATION_STATUS',),
)


class AddSelectedCalendar(Params):
    integration: str = Field(description='SPEC: ')
    externalId: str = Field(description='SPEC: ')
    credentialId: int = Field(description='SPEC: ')


CAL_ADD_SELECTED_CALENDAR = declare(
    "CAL_ADD_SELECTED_CALENDAR",
    description="TODO (Add a selected calendar)",
    params=AddSelectedCalendar,
    route=Route("POST", "/v2/selected-calendars"),
    tags=('calendars',),
    aliases=('CAL_POST_SELECTED_CALENDARS',),
)


class RemoveSelectedCalendar(Params):
    integration: str = Field(description='SPEC: ')
    externalId: str = Field(description='SPEC: ')
    credentialId: str = Field(description='SPEC: ')


CAL_REMOVE_SELECTED_CALENDAR = declare(
    "CAL_REMOVE_SELECTED_CALENDAR",
    description="TODO (Delete a selected calendar)",
    params=RemoveSelectedCalendar,
    route=Route("DELETE", "/v2/selected-calendars"),
    tags=('calendars',),
    aliases=('CAL_DELETE_SELECTED_CALENDARS',),
)


class UpdateDestinationCalendar(Params):
    integration: Literal["apple_calendar", "google_calendar", "office365_calendar"] = Field(description='SPEC: The calendar service you want to integrate, as returned by the /calendars endpoint')
    externalId: str = Field(description='SPEC: Unique identifier used to represent the specfic calendar, as returned by the /calendars endpoint')


CAL_UPDATE_DESTINATION_CALENDAR = declare(
    "CAL_UPDATE_DESTINATION_CALENDAR",
    description="TODO (Update destination calendars)",
    params=UpdateDestinationCalendar,
    route=Route("PUT", "/v2/destination-calendars"),
    tags=('calendars',),
    aliases=('CAL_UPDATE_DESTINATION_CALENDAR_INTEGRATION',),
)


ACTIONS = [CAL_SAVE_ICS_FEED, CAL_CHECK_ICS_FEED, CAL_LIST_BUSY_TIMES, CAL_LIST_CALENDARS, CAL_GET_CALENDAR_CONNECT_URL, CAL_SAVE_CALENDAR_CREDENTIALS, CAL_SYNC_CALENDAR_CREDENTIALS, CAL_CHECK_CALENDAR_CONNECTION, CAL_DISCONNECT_CALENDAR, CAL_GET_GOOGLE_CALENDAR_AUTH_URL, CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS, CAL_CHECK_GOOGLE_CALENDAR_CONNECTION, CAL_ADD_SELECTED_CALENDAR, CAL_REMOVE_SELECTED_CALENDAR, CAL_UPDATE_DESTINATION_CALENDAR]
