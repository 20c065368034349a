"""Calendar connections (Google, Outlook, Apple, ICS), busy times, and selected and destination calendars."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from cal_actions.action import SENSITIVE, NoParams, Params, Route, declare
from cal_actions.actions._fields import IsoDate

# Spec: `calendar` (path) is a plain string in the pinned spec; the Literals are the live API's per-route enums.


# Server: the conferencing and Stripe callbacks JSON-parse the state unguarded, so a state that is not JSON is a 500.
JSON_STATE_HINTS = {
    500: "Cal.com answers 500 when state is not the JSON state it put in the OAuth redirect: pass state and code "
    "exactly as the provider sent them"
}


# Query of a provider's OAuth redirect back to Cal.com; also used by conferencing and Stripe "save" routes.
CALLBACK_NOTE = (
    "an OAuth callback: a GET, but it stores the account's credentials (adding a connection); its one-time code "
    "makes a repeat fail without effect"
)


class OAuthCallback(Params):
    state: str = Field(description="From the provider's OAuth redirect")
    code: str = Field(description="From the provider's OAuth redirect")


class ReturnUrls(Params):
    returnTo: str = Field(description="Return URL on success")
    onErrorReturnTo: str = Field(description="Return URL on failure")


# Live API: `isDryRun` is a required query parameter and `redir` an optional one; the pinned spec has neither
# on GET /v2/calendars/{calendar}/connect.
class ConnectUrlFields(Params):
    isDryRun: bool = Field(description="true: test OAuth without saving")
    redir: str | None = Field(None, description="Return URL after authorizing")


class OAuthCalendar(Params):
    calendar: Literal["office365", "google"] = Field(description="Provider")


class AnyCalendar(Params):
    calendar: Literal["apple", "google", "office365"] = Field(description="Provider")


class SaveIcsFeed(Params):
    urls: list[str] = Field(description="ICS feed URLs")
    readOnly: bool = Field(True, description="Default true")


CAL_SAVE_ICS_FEED = declare(
    "CAL_SAVE_ICS_FEED",
    description=("Connect ICS feed URLs as a calendar whose events count as busy."),
    params=SaveIcsFeed,
    route=Route("POST", "/v2/calendars/ics-feed/save"),
    tags=("calendars",),
    aliases=("CAL_SAVE_CALENDAR_ICS_FEEDS",),
    examples=({"urls": ["https://calendar.example.com/ical/ana.ics"], "readOnly": True},),
)

CAL_CHECK_ICS_FEED = declare(
    "CAL_CHECK_ICS_FEED",
    description="Check whether the authenticated user has a working ICS feed calendar connected.",
    params=NoParams,
    route=Route("GET", "/v2/calendars/ics-feed/check"),
    tags=("calendars",),
    aliases=("CAL_CHECK_ICS_FEED_CALENDAR_ENDPOINT",),
    examples=({},),
)


class BusyCalendar(Params):
    # A connected calendar to read.

    credentialId: int = Field(description="From CAL_LIST_CALENDARS")
    externalId: str = Field(description="Often an email; from CAL_LIST_CALENDARS")


class ListBusyTimes(Params):
    loggedInUsersTz: str = Field(description="IANA zone of the results, e.g. Europe/Madrid")
    # Server: busy-times.input.ts requires both dates (IsDateString, not optional: "dateFrom must be a valid ISO 8601
    # date string"); the document marks them optional.
    dateFrom: IsoDate = Field(description="First day, YYYY-MM-DD")
    dateTo: IsoDate = Field(description="Last day, YYYY-MM-DD")
    # Server: busy-times.input.ts reads a list of calendars (calendarsToLoad[0][credentialId]=…&
    # calendarsToLoad[0][externalId]=…) and refuses the two flat parameters both documents show ("calendarsToLoad
    # must be an array").
    calendarsToLoad: list[BusyCalendar] = Field(min_length=1, description="Calendars to read")


CAL_LIST_BUSY_TIMES = declare(
    "CAL_LIST_BUSY_TIMES",
    description="List busy intervals of connected calendars between two dates. "
    "For bookable times use CAL_LIST_AVAILABLE_SLOTS.",
    params=ListBusyTimes,
    route=Route("GET", "/v2/calendars/busy-times"),
    tags=("calendars",),
    aliases=("CAL_RETRIEVE_CALENDAR_BUSY_TIMES",),
    examples=(
        {"loggedInUsersTz": "Europe/Madrid", "dateFrom": "2027-03-04", "dateTo": "2027-03-06",
         "calendarsToLoad": [{"credentialId": 5, "externalId": "dana.lee@gmail.com"}]},
    ),
)  # fmt: skip

CAL_LIST_CALENDARS = declare(
    "CAL_LIST_CALENDARS",
    description=("List your connected calendars and the destination calendar, with the ids calendar actions need."),
    params=NoParams,
    route=Route("GET", "/v2/calendars"),
    tags=("calendars",),
    aliases=("CAL_RETRIEVE_CALENDAR_LIST",),
    examples=({},),
)


class GetCalendarConnectUrl(ConnectUrlFields, OAuthCalendar):
    pass


CAL_GET_CALENDAR_CONNECT_URL = declare(
    "CAL_GET_CALENDAR_CONNECT_URL",
    description=("Get the OAuth URL that connects a Google or Outlook calendar; send the user there."),
    params=GetCalendarConnectUrl,
    route=Route("GET", "/v2/calendars/{calendar}/connect"),
    tags=("calendars",),
    aliases=("CAL_CONNECT_TO_CALENDAR",),
    examples=({"calendar": "google", "isDryRun": False, "redir": "https://app.acme.com/settings/calendars"},),
)


class SaveCalendarCredentials(OAuthCallback, OAuthCalendar):
    pass


CAL_SAVE_CALENDAR_CREDENTIALS = declare(
    "CAL_SAVE_CALENDAR_CREDENTIALS",
    description=("OAuth callback storing Google or Outlook calendar credentials; normally reached by the browser."),
    params=SaveCalendarCredentials,
    # Server: calendars.controller.ts guards nothing here (the state carries the user's access token).
    route=Route("GET", "/v2/calendars/{calendar}/save", auth="none"),
    tags=("calendars",),
    aliases=("CAL_SAVE_CALENDAR_ENTRY",),
    read_only=False,
    hints_note=CALLBACK_NOTE,
    examples=(
        {"calendar": "office365", "state": "accessToken=eyJhbGciOiJIUzI1NiJ9.e30.sig&origin=https://app.acme.com",
         "code": "M.C507_BAY.2.U.8a3f1c2e-0b9d-4e6a-b7c5-d4e3f2a1b0c9"},
    ),
)  # fmt: skip


class SyncCalendarCredentials(Params):
    calendar: Literal["apple"] = Field(description="Provider")
    username: str = Field(description="Apple ID email")
    password: Annotated[str, SENSITIVE] = Field(description="Secret: the app-specific password")


# Spec: the pinned spec declares no body; the live API takes {username, password}.
CAL_SYNC_CALENDAR_CREDENTIALS = declare(
    "CAL_SYNC_CALENDAR_CREDENTIALS",
    description="Connect an Apple iCloud calendar with an Apple ID and app-specific password.",
    params=SyncCalendarCredentials,
    route=Route("POST", "/v2/calendars/{calendar}/credentials"),
    tags=("calendars",),
    aliases=("CAL_POST_CALENDAR_CREDENTIALS",),
    examples=({"calendar": "apple", "username": "dana.lee@icloud.com", "password": "abcd-efgh-ijkl-mnop"},),
)


CAL_CHECK_CALENDAR_CONNECTION = declare(
    "CAL_CHECK_CALENDAR_CONNECTION",
    description="Check whether your connection to one calendar provider works.",
    params=AnyCalendar,
    route=Route("GET", "/v2/calendars/{calendar}/check"),
    tags=("calendars",),
    aliases=("CAL_CHECK_CALENDAR_VERSION_2", "CAL_CHECK_CALENDAR_VERSION2"),
    examples=({"calendar": "office365"},),
)


class DisconnectCalendar(AnyCalendar):
    id: int = Field(description="credentialId from CAL_LIST_CALENDARS")


CAL_DISCONNECT_CALENDAR = declare(
    "CAL_DISCONNECT_CALENDAR",
    description="Disconnect a calendar account by deleting its credential. "
    "To only stop conflict checks use CAL_REMOVE_SELECTED_CALENDAR.",
    params=DisconnectCalendar,
    route=Route("POST", "/v2/calendars/{calendar}/disconnect"),
    tags=("calendars",),
    aliases=("CAL_DISCONNECT_CALENDAR_USING_CREDENTIAL_ID",),
    destructive=True,
    idempotent=True,
    hints_note="a POST that removes a calendar connection; disconnecting again changes nothing",
    examples=({"calendar": "google", "id": 5},),
)

# Live API: the three Google Calendar actions below replace the listing's /v2/gcal/oauth/auth-url,
# /v2/gcal/oauth/save and /v2/gcal/check, which were retired; the live routes are the generic calendar routes
# with calendar=google. They are kept so the Composio names (their aliases) keep working.

CAL_GET_GOOGLE_CALENDAR_AUTH_URL = declare(
    "CAL_GET_GOOGLE_CALENDAR_AUTH_URL",
    description=("Get the OAuth URL that connects a Google Calendar; send the user there."),
    params=ConnectUrlFields,
    route=Route("GET", "/v2/calendars/google/connect"),
    tags=("calendars",),
    aliases=("CAL_GET_GOOGLE_CALENDAR_OAUTH_AUTHENTICATION_URL",),
    examples=({"isDryRun": False, "redir": "https://app.acme.com/settings/calendars"},),
)

CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS = declare(
    "CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS",
    description=("OAuth callback storing Google Calendar credentials; normally reached by the browser."),
    params=OAuthCallback,
    route=Route("GET", "/v2/calendars/google/save", auth="none"),
    tags=("calendars",),
    aliases=("CAL_SAVE_OAUTH_CREDENTIALS_VIA_GCAL_API",),
    read_only=False,
    hints_note=CALLBACK_NOTE,
    examples=(
        {"state": "accessToken=eyJhbGciOiJIUzI1NiJ9.e30.sig&origin=https://app.acme.com",
         "code": "4/0AeaYSHB3kq9xZtW7vN2mQ8rL5pD1cF6gH0jK"},
    ),
)  # fmt: skip

CAL_CHECK_GOOGLE_CALENDAR_CONNECTION = declare(
    "CAL_CHECK_GOOGLE_CALENDAR_CONNECTION",
    description=("Check whether your Google Calendar is connected and working."),
    params=NoParams,
    route=Route("GET", "/v2/calendars/google/check"),
    tags=("calendars",),
    aliases=("CAL_CHECK_GCAL_SYNCHRONIZATION_STATUS",),
    examples=({},),
)


# Spec: `credentialId` is a number in the POST body but a string in the DELETE query; both are the same integer.
class SelectedCalendar(Params):
    integration: str = Field(description="e.g. google_calendar, from CAL_LIST_CALENDARS")
    externalId: str = Field(description="From CAL_LIST_CALENDARS")
    credentialId: int = Field(description="From CAL_LIST_CALENDARS")
    delegationCredentialId: str | None = Field(None, description="If the calendar comes through delegation")


CAL_ADD_SELECTED_CALENDAR = declare(
    "CAL_ADD_SELECTED_CALENDAR",
    description=("Check a connected calendar for conflicts, so its events block availability."),
    params=SelectedCalendar,
    route=Route("POST", "/v2/selected-calendars"),
    tags=("calendars",),
    aliases=("CAL_POST_SELECTED_CALENDARS",),
    examples=({"integration": "google_calendar", "externalId": "dana.lee@gmail.com", "credentialId": 5},),
)

CAL_REMOVE_SELECTED_CALENDAR = declare(
    "CAL_REMOVE_SELECTED_CALENDAR",
    description=("Stop checking a calendar for conflicts; it stays connected."),
    params=SelectedCalendar,
    route=Route("DELETE", "/v2/selected-calendars"),
    tags=("calendars",),
    aliases=("CAL_DELETE_SELECTED_CALENDARS",),
    examples=(
        {"integration": "google_calendar", "externalId": "family04@group.calendar.google.com", "credentialId": 5},
    ),
)


class UpdateDestinationCalendar(Params):
    integration: Literal["apple_calendar", "google_calendar", "office365_calendar"] = Field(
        description="From CAL_LIST_CALENDARS"
    )
    externalId: str = Field(description="From CAL_LIST_CALENDARS")
    delegationCredentialId: str | None = Field(None, description="If the calendar comes through delegation")


CAL_UPDATE_DESTINATION_CALENDAR = declare(
    "CAL_UPDATE_DESTINATION_CALENDAR",
    description=("Set the calendar where events for new bookings are created."),
    params=UpdateDestinationCalendar,
    route=Route("PUT", "/v2/destination-calendars"),
    tags=("calendars",),
    aliases=("CAL_UPDATE_DESTINATION_CALENDAR_INTEGRATION",),
    examples=({"integration": "office365_calendar", "externalId": "AAMkADk0ZjE5NzQ4LWI2NDAtNGM1Ny1iYjZmLTE="},),
)


ACTIONS = [
    CAL_SAVE_ICS_FEED,
    CAL_CHECK_ICS_FEED,
    CAL_LIST_BUSY_TIMES,
    CAL_LIST_CALENDARS,
    CAL_GET_CALENDAR_CONNECT_URL,
    CAL_SAVE_CALENDAR_CREDENTIALS,
    CAL_SYNC_CALENDAR_CREDENTIALS,
    CAL_CHECK_CALENDAR_CONNECTION,
    CAL_DISCONNECT_CALENDAR,
    CAL_GET_GOOGLE_CALENDAR_AUTH_URL,
    CAL_SAVE_GOOGLE_CALENDAR_CREDENTIALS,
    CAL_CHECK_GOOGLE_CALENDAR_CONNECTION,
    CAL_ADD_SELECTED_CALENDAR,
    CAL_REMOVE_SELECTED_CALENDAR,
    CAL_UPDATE_DESTINATION_CALENDAR,
]
