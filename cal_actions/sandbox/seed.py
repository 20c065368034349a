"""The seeded world, the same on every reset: a user with an API key, schedules, event types, a team,
an organization, webhooks of every scope, an OAuth client with a managed user, verified email addresses and
phone numbers of every scope, and a few bookings.

Booking times are placed relative to the clock at seeding so they stay upcoming (or past).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cal_actions.sandbox.resources import event_types, schedules, teams, verified_resources, webhooks
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc

API_KEY = "cal_sandbox_0c4f7e2a9b1d4e6f8a3c5b7d9e1f2a4c"
OTHER_API_KEYS = {2: "cal_sandbox_grace_5d2e8f1a3b6c9d0e", 3: "cal_sandbox_alan_7a1b3c5d7e9f1a2b"}
OAUTH_CLIENT_ID = "clsandboxoauthclient000001"
OAUTH_CLIENT_SECRET = "sandbox_client_secret_3f9a1c7e5b2d"
MANAGED_ACCESS_TOKEN = "sandbox_access_token_linus"
MANAGED_REFRESH_TOKEN = "sandbox_refresh_token_linus"

USER_ID, GRACE_ID, ALAN_ID, MANAGED_ID = 1, 2, 3, 4
ORG_ID = 1  # first team id: the organization
TEAM_ID = 2  # a team outside the organization
ORG_TEAM_ID = 3


def _user(tx: Tx, username: str, name: str, time_zone: str, **extra: Any) -> Document:
    user_id = tx.next_id("user")
    user = {
        "id": user_id,
        "username": username,
        "name": name,
        "email": f"{username}@example.com",
        "timeZone": time_zone,
        "timeFormat": 24,
        "weekStart": "Monday",
        "locale": "en",
        "avatarUrl": None,
        "defaultScheduleId": None,
        "organizationId": None,
        "oauthClientId": None,
        **extra,
    }
    tx.put("user", user_id, user)
    schedule = schedules.new_schedule(tx, user_id, "Working hours", time_zone)
    user["defaultScheduleId"] = schedule["id"]
    tx.put("user", user_id, user)
    return user


def seed(tx: Tx, now: datetime) -> None:
    ada = _user(tx, "ada", "Ada Lovelace", "Europe/Berlin")
    _user(tx, "grace", "Grace Hopper", "America/New_York")
    _user(tx, "alan", "Alan Turing", "Europe/London")
    managed = _user(tx, "linus-clsandboxoauthclient000001", "Linus Managed", "UTC", oauthClientId=OAUTH_CLIENT_ID)
    schedules.new_schedule(
        tx,
        ada["id"],
        "Evenings",
        "Europe/Berlin",
        [{"days": ["Tuesday", "Thursday"], "startTime": "18:00", "endTime": "21:00"}],
    )
    tx.put("api_key", API_KEY, {"userId": USER_ID})
    for user_id, key in OTHER_API_KEYS.items():
        tx.put("api_key", key, {"userId": user_id})

    _organization(tx)
    _personal_event_types(tx)
    _team_event_types(tx)
    _private_links(tx, now)
    _platform(tx, managed, now)
    _webhooks(tx)
    _integrations(tx, ada, now)
    verified_resources.seed_verified_resources(tx, USER_ID, TEAM_ID, ORG_TEAM_ID)
    _org_team_automation(tx, now)
    from cal_actions.sandbox.resources.bookings import seed_bookings

    seed_bookings(tx, now)


def _organization(tx: Tx) -> None:
    org = teams.new_team(tx, "Sandbox Org", "sandbox-org", organization=True)
    org["isPlatform"] = True  # it owns the OAuth client: a platform organization
    tx.put("team", org["id"], org)
    teams.new_team(tx, "Sandbox Team", "sandbox-team")
    teams.new_team(tx, "Engineering", "engineering", parent_id=org["id"])
    for user_id, role in ((USER_ID, "OWNER"), (GRACE_ID, "MEMBER")):
        teams.add_membership(tx, ORG_ID, user_id, role)
        user = tx.get("user", user_id)
        assert user is not None
        user["organizationId"] = ORG_ID
        tx.put("user", user_id, user)
    for user_id, role in ((USER_ID, "OWNER"), (GRACE_ID, "MEMBER"), (ALAN_ID, "MEMBER")):
        teams.add_membership(tx, TEAM_ID, user_id, role)
    for user_id, role in ((USER_ID, "ADMIN"), (GRACE_ID, "MEMBER")):
        teams.add_membership(tx, ORG_TEAM_ID, user_id, role)
    attributes = (("Department", ("Engineering", "Sales")), ("Seniority", ("Senior", "Junior")))
    for name, options in attributes:
        attribute_id = tx.next_id("attribute")
        option_docs = []
        for value in options:
            option_id = tx.next_id("attribute_option")
            option_docs.append({"id": option_id, "attributeId": attribute_id, "value": value, "slug": value.lower()})
        tx.put(
            "attribute",
            attribute_id,
            {
                "id": attribute_id,
                "teamId": ORG_ID,
                "type": "SINGLE_SELECT",
                "name": name,
                "slug": name.lower(),
                "enabled": True,
                "usersCanEditRelation": False,
                "isLocked": False,
                "options": option_docs,
            },
        )
    tx.put("attribute_assignment", f"{USER_ID}:1", {"userId": USER_ID, "attributeOptionId": 1})


def _personal_event_types(tx: Tx) -> None:
    settings = (
        {"title": "Quick chat", "slug": "quick-chat", "lengthInMinutes": 15, "beforeEventBuffer": 10,
         "afterEventBuffer": 5, "minimumBookingNotice": 120},
        {"title": "Meeting", "slug": "meeting", "lengthInMinutes": 30, "lengthInMinutesOptions": [15, 30, 60]},
        {"title": "Consultation", "slug": "consultation", "lengthInMinutes": 60,
         "confirmationPolicy": {"type": "always"}},
    )  # fmt: skip
    for item in settings:
        event_types.new_event_type(tx, item, owner_id=USER_ID)
    event_types.new_event_type(
        tx, {"title": "Onboarding", "slug": "onboarding", "lengthInMinutes": 30}, owner_id=MANAGED_ID
    )


def _team_event_types(tx: Tx) -> None:
    event_types.new_event_type(
        tx,
        {"title": "Team intro", "slug": "team-intro", "lengthInMinutes": 30, "schedulingType": "roundRobin",
         "hosts": [{"userId": user_id} for user_id in (USER_ID, GRACE_ID, ALAN_ID)]},
        owner_id=None,
        team_id=TEAM_ID,
    )  # fmt: skip
    event_types.new_event_type(
        tx,
        {"title": "Engineering sync", "slug": "eng-sync", "lengthInMinutes": 30, "schedulingType": "collective",
         "hosts": [{"userId": USER_ID}, {"userId": GRACE_ID}]},
        owner_id=None,
        team_id=ORG_TEAM_ID,
    )  # fmt: skip


def _org_team_automation(tx: Tx, now: datetime) -> None:
    """An organization team's routing form (to its event type, a URL or a message) and reminder workflow."""
    from cal_actions.sandbox.resources.routing_forms import seed_form
    from cal_actions.sandbox.resources.workflows import seed_workflow

    event_type = next(e for e in tx.all("event_type") if e["teamId"] == ORG_TEAM_ID and e["slug"] == "eng-sync")
    seed_form(tx, now, team_id=ORG_TEAM_ID, owner_id=USER_ID, event_type=event_type)
    seed_workflow(tx, now, ORG_TEAM_ID)


def _private_links(tx: Tx, now: datetime) -> None:
    """A one-use link to Meeting, already used (so expired), and a link to Engineering sync valid for 30 days."""
    from cal_actions.sandbox.resources import private_links

    meeting, eng_sync = tx.get("event_type", 2), tx.get("event_type", 6)
    assert meeting is not None and eng_sync is not None
    private_links.new_link(tx, meeting, expires_at=None, max_usage=1, used=1)
    private_links.new_link(tx, eng_sync, expires_at=iso_utc(now + timedelta(days=30)), max_usage=None)


def _platform(tx: Tx, managed: Document, now: datetime) -> None:
    # The first id of the counter new clients take theirs from.
    assert f"clsandboxoauthclient{tx.next_id('oauth_client'):06d}" == OAUTH_CLIENT_ID
    tx.put(
        "oauth_client",
        OAUTH_CLIENT_ID,
        {
            "id": OAUTH_CLIENT_ID,
            "secret": OAUTH_CLIENT_SECRET,
            "name": "Sandbox platform",
            "organizationId": ORG_ID,
            "redirectUris": ["http://localhost:3000/callback"],
            "permissions": 1023,  # every permission
            "createdAt": iso_utc(now),
        },
    )
    for kind, token in (("access_token", MANAGED_ACCESS_TOKEN), ("refresh_token", MANAGED_REFRESH_TOKEN)):
        tx.put(kind, token, {"token": token, "userId": managed["id"], "clientId": OAUTH_CLIENT_ID})


def _webhooks(tx: Tx) -> None:
    booking_triggers = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"]
    hooks = (
        (
            "user",
            USER_ID,
            "https://hooks.example.com/user",
            [*booking_triggers, "BOOKING_REQUESTED", "BOOKING_REJECTED"],
        ),
        ("eventType", 2, "https://hooks.example.com/meeting", booking_triggers),
        ("org", ORG_ID, "https://hooks.example.com/org", ["BOOKING_CREATED"]),
        ("oauthClient", OAUTH_CLIENT_ID, "https://hooks.example.com/platform", booking_triggers),
    )
    for scope, owner, url, triggers in hooks:
        webhooks.new_webhook(
            tx, scope, owner, {"subscriberUrl": url, "triggers": triggers, "active": True, "secret": f"whsec_{scope}"}
        )


def _integrations(tx: Tx, user: Document, now: datetime) -> None:
    """Stand-in calendar accounts, an installed Zoom, Stripe for the user and an organization team, and that
    team's Google Calendar (which Google Meet needs)."""
    from cal_actions.sandbox.resources import calendars, conferencing, credentials, stripe

    calendars.seed_calendars(tx, user, now)
    conferencing.install(tx, "zoom", user_id=user["id"])
    credentials.new_credential(tx, "google_calendar", "google-calendar", user_id=None, team_id=ORG_TEAM_ID)
    stripe.connect_account(tx, user_id=user["id"])
    stripe.connect_account(tx, user_id=None, team_id=ORG_TEAM_ID)
