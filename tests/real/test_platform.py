"""The platform: OAuth clients, their managed users and webhooks, managed organizations, the provider checks.

They belong to a platform organization (Cal.com's platform plan); this server's organization is not one, so no
OAuth client can exist here. Each action is run with realistic arguments and the server's refusal recorded.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from cal_actions import Cal
from tests.real.harness import PLATFORM, TAG, Ledger, Run

pytestmark = pytest.mark.real_calcom

NOT_PLATFORM = ("needs a platform organization (Cal.com's platform plan); this server's organization is not one, "
                "so it refuses OAuth clients")
NO_CLIENT = "needs an OAuth client, which only a platform organization has: " + NOT_PLATFORM
CLIENT_ID = "clrealsuiteoauthclient0001"
HOOK = {"subscriberUrl": f"https://hooks.example.com/{TAG}/platform", "triggers": ["BOOKING_CREATED"], "active": True,
        "payloadTemplate": '{"title": "{{title}}"}', "secret": "whsec-platform"}
MANAGED = {"email": f"{TAG}-managed@example.com", "name": "Linus Managed", "timeFormat": 24, "weekStart": "Monday",
           "timeZone": "Europe/London", "locale": "en", "avatarUrl": "https://example.com/linus.png", "bio": "Managed"}


@pytest.fixture
def platform_run(ledger: Ledger) -> Any:
    """Calls with the key and a stand-in OAuth client, as a platform customer's backend would send them."""
    with Cal(api_key=os.environ["CAL_REAL_API_KEY"], base_url=os.environ["CAL_REAL_BASE_URL"], client_id=CLIENT_ID,
             client_secret="stand-in-client-secret", max_retries=0) as cal:
        yield Run(cal, ledger)


def _refused(run: Run, name: str, given: dict[str, Any], says: str) -> None:
    """Refused as unauthorized: the OAuth client cannot exist on this server."""
    run.cannot(name, given, status=401, says=says, why=NO_CLIENT, kind=PLATFORM)


def test_oauth_clients(run: Run) -> None:
    client = {"name": f"{TAG} client", "redirectUris": ["https://app.example.com/callback"],
              "permissions": ["EVENT_TYPE_READ", "BOOKING_READ", "BOOKING_WRITE"], "logo": "https://example.com/l.png",
              "bookingRedirectUri": "https://app.example.com/booked",
              "bookingCancelRedirectUri": "https://app.example.com/cancelled",
              "bookingRescheduleRedirectUri": "https://app.example.com/moved", "areEmailsEnabled": True,
              "areDefaultEventTypesEnabled": False, "areCalendarEventsEnabled": True}
    names: dict[str, dict[str, Any]] = {"CAL_CREATE_OAUTH_CLIENT": client, "CAL_LIST_OAUTH_CLIENTS": {},
             "CAL_GET_OAUTH_CLIENT": {"clientId": CLIENT_ID},
             "CAL_UPDATE_OAUTH_CLIENT": {"clientId": CLIENT_ID, "name": f"{TAG} client renamed"},
             "CAL_DELETE_OAUTH_CLIENT": {"clientId": CLIENT_ID}}
    for name, given in names.items():
        run.cannot(name, given, status=403, says="Organization is not a platform", why=NOT_PLATFORM, kind=PLATFORM)


def test_managed_users_and_client_webhooks(platform_run: Run) -> None:
    client = {"clientId": CLIENT_ID}
    user = {**client, "userId": 999999}
    unknown_client = (("CAL_LIST_MANAGED_USERS", {**client, "limit": 10, "offset": 0}),
                      ("CAL_CREATE_MANAGED_USER", {**client, **MANAGED}),
                      ("CAL_GET_MANAGED_USER", user),
                      ("CAL_UPDATE_MANAGED_USER", {**user, "bio": "Moved"}),
                      ("CAL_DELETE_MANAGED_USER", user),
                      ("CAL_FORCE_REFRESH_MANAGED_USER_TOKENS", user),
                      ("CAL_REFRESH_MANAGED_USER_TOKENS", {**client, "refreshToken": "stand-in-refresh-token"}))
    for name, given in unknown_client:
        _refused(platform_run, name, given, f"Client with ID {CLIENT_ID} not found")
    hook = {**client, "webhookId": "stand-in"}
    for name, given in (("CAL_CREATE_OAUTH_CLIENT_WEBHOOK", {**client, **HOOK}),
                        ("CAL_LIST_OAUTH_CLIENT_WEBHOOKS", {**client, "take": 10, "skip": 0}),
                        ("CAL_GET_OAUTH_CLIENT_WEBHOOK", hook),
                        ("CAL_UPDATE_OAUTH_CLIENT_WEBHOOK", {**hook, "active": False}),
                        ("CAL_DELETE_OAUTH_CLIENT_WEBHOOK", hook),
                        ("CAL_DELETE_ALL_OAUTH_CLIENT_WEBHOOKS", client)):
        _refused(platform_run, name, given, "Authentication token is missing or invalid")


def test_managed_organizations(platform_run: Run, me: dict[str, int]) -> None:
    org = {"orgId": me["orgId"]}
    managed = {**org, "managedOrganizationId": 999999}
    for name, given in (("CAL_LIST_MANAGED_ORGS", {**org, "take": 10, "skip": 0, "slug": f"{TAG}-managed"}),
                        ("CAL_CREATE_MANAGED_ORG", {**org, "name": f"{TAG} managed", "slug": f"{TAG}-managed",
                                                    "apiKeyDaysValid": 30}),
                        ("CAL_GET_MANAGED_ORG", managed),
                        ("CAL_UPDATE_MANAGED_ORG", {**managed, "name": f"{TAG} managed renamed"}),
                        ("CAL_DELETE_MANAGED_ORG", managed)):
        _refused(platform_run, name, given, f"Client with ID {CLIENT_ID} not found")


def test_provider_checks(run: Run) -> None:
    _refused(run, "CAL_VERIFY_OAUTH_CLIENT", {"clientId": CLIENT_ID}, "Unauthorized")
    # The access-token check passes for any credential the server knows: it never looks at the client id.
    run.both("CAL_VERIFY_PROVIDER_ACCESS_TOKEN", {"clientId": CLIENT_ID})
    run.note("CAL_VERIFY_PROVIDER_ACCESS_TOKEN", "This server's code answers success to any credential it knows, "
             "the API key included: it never looks at the client id.")
