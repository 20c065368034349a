"""The organization's people: users, memberships, attributes and out-of-office entries; delegation credentials."""

from __future__ import annotations

from typing import Any

import pytest

from tests.real.harness import TAG, Run, weekday

pytestmark = pytest.mark.real_calcom
PAGE = {"take": 100, "skip": 0}
PROFILE = {
    "brandColor": "#292929", "darkBrandColor": "#fafafa", "bio": "Support, EMEA",
    "metadata": {"desk": "b-12"}, "hideBranding": False, "theme": "light", "appTheme": "dark", "timeFormat": 24,
    "locale": "de", "avatarUrl": "data:image/png;base64,iVBORw0KGgo=",
}  # fmt: skip
#: Sent to the user row as it is, which has weekStart instead (after the user was made, on create).
WEEKDAY = {"weekday": "this server's code writes it to a column that does not exist: 500 (its log: Prisma's 'Unknown "
                      "argument `weekday`'), on create after making the user"}
#: This server's time-zone check of a user (timeZoneValidator.ts reads `tzdata.zones`, undefined in its build).
TIME_ZONE = {"timeZone": "this server fails on any time zone: 500 'Internal server error' (its log: timezoneValidator "
                         "'Cannot read properties of undefined (reading 'zones')')"}


def _user_undo(org: dict[str, int]) -> Any:
    return lambda user: ("CAL_DELETE_ORG_USER", {**org, "userId": user["id"]})


def test_org_users(run: Run, me: dict[str, int]) -> None:
    org = {"orgId": me["orgId"]}
    made = run.both(
        "CAL_CREATE_ORG_USER", {**org, "email": f"{TAG}-user@example.com"},
        {**PROFILE, "email": f"{TAG}-user-full@example.com", "organizationRole": "MEMBER", "autoAccept": True},
        left_out={"defaultScheduleId": "a new user has no schedule to name yet; the update sets it", **TIME_ZONE,
                  **WEEKDAY,
                  "username": "this server's code invites a new user by the username when one is given, and refuses "
                  "it as no email ('Invite failed because … is not a valid email address', 400); the update sets it"},
        undo=_user_undo(org),
    )
    ids = [user["id"] for user in made]
    assert made[1]["bio"] == "Support, EMEA" and made[1]["locale"] == "de"
    assert {user["id"] for user in run.minimal("CAL_LIST_ORG_USERS", org)} >= set(ids)
    run.minimal("CAL_UPDATE_ORG_USER", {**org, "userId": ids[0]})
    schedule = run.need("CAL_CREATE_ORG_USER_SCHEDULE", {**org, "userId": ids[1], "name": "Hours",
                                                          "timeZone": "Europe/Berlin", "isDefault": False})
    updated = run.complete(
        "CAL_UPDATE_ORG_USER", {**org, "userId": ids[1]},
        {**PROFILE, "email": f"{TAG}-user-moved@example.com", "username": f"{TAG}-user-moved", "bio": "Moved",
         "defaultScheduleId": schedule["id"]},
        left_out={**TIME_ZONE, **WEEKDAY},
    )
    assert updated["bio"] == "Moved" and updated["defaultScheduleId"] == schedule["id"]
    for user_id in ids:
        run.both("CAL_DELETE_ORG_USER", {**org, "userId": user_id})
    assert not {user["id"] for user in run.need("CAL_LIST_ORG_USERS", {**org, **PAGE})} & set(ids)


def test_org_memberships(run: Run, me: dict[str, int]) -> None:
    org = {"orgId": me["orgId"]}
    user = run.need("CAL_CREATE_ORG_USER", {**org, "email": f"{TAG}-joiner@example.com"})
    run.later("CAL_DELETE_ORG_USER", {**org, "userId": user["id"]})
    listed = run.both("CAL_LIST_ORG_MEMBERSHIPS", org, PAGE)
    found = [membership for membership in listed[1] if membership["userId"] == user["id"]]
    assert len(found) == 1
    membership = {**org, "membershipId": found[0]["id"]}
    assert run.both("CAL_GET_ORG_MEMBERSHIP", membership)[0]["userId"] == user["id"]
    run.minimal("CAL_UPDATE_ORG_MEMBERSHIP", membership)
    updated = run.complete("CAL_UPDATE_ORG_MEMBERSHIP", membership,
                           {"accepted": True, "role": "ADMIN", "disableImpersonation": True})
    assert updated["role"] == "ADMIN"
    run.both("CAL_DELETE_ORG_MEMBERSHIP", membership)

    def undo(made: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "CAL_DELETE_ORG_MEMBERSHIP", {**org, "membershipId": made["id"]}

    rejoined = run.minimal("CAL_CREATE_ORG_MEMBERSHIP", {**org, "userId": user["id"], "role": "MEMBER"}, undo=undo)
    run.need("CAL_DELETE_ORG_MEMBERSHIP", {**org, "membershipId": rejoined["id"]})
    again = run.complete("CAL_CREATE_ORG_MEMBERSHIP", {**org, "userId": user["id"]},
                         {"accepted": True, "role": "MEMBER", "disableImpersonation": False}, undo=undo)
    assert again["accepted"] is True


def test_org_attributes(run: Run, me: dict[str, int], member: dict[str, Any]) -> None:
    org = {"orgId": me["orgId"]}

    def undo(attribute: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "CAL_DELETE_ORG_ATTRIBUTE", {**org, "attributeId": attribute["id"]}

    made = run.both(
        "CAL_CREATE_ORG_ATTRIBUTE",
        {**org, "name": f"{TAG} desk", "slug": f"{TAG}-desk", "type": "TEXT", "options": []},
        {"name": f"{TAG} department", "slug": f"{TAG}-department", "type": "SINGLE_SELECT", "enabled": True,
         "options": [{"value": "Engineering", "slug": "engineering"}, {"value": "Sales", "slug": "sales"}]},
        undo=undo,
    )
    ids = [attribute["id"] for attribute in made]
    department = {**org, "attributeId": ids[1]}
    for page in run.both("CAL_LIST_ORG_ATTRIBUTES", org, PAGE):
        assert {attribute["id"] for attribute in page} >= set(ids)
    assert run.both("CAL_GET_ORG_ATTRIBUTE", department)[0]["slug"] == f"{TAG}-department"
    run.minimal("CAL_UPDATE_ORG_ATTRIBUTE", {**org, "attributeId": ids[0]})
    renamed = run.complete("CAL_UPDATE_ORG_ATTRIBUTE", {**org, "attributeId": ids[0]},
                           {"name": f"{TAG} desk number", "slug": f"{TAG}-desk-number", "type": "TEXT",
                            "enabled": False})
    assert renamed["name"] == f"{TAG} desk number"

    added = run.both("CAL_CREATE_ORG_ATTRIBUTE_OPTION", {**department, "value": "Support", "slug": "support"})[0]
    options = run.both("CAL_LIST_ORG_ATTRIBUTE_OPTIONS", department)[0]
    assert {option["slug"] for option in options} == {"engineering", "sales", "support"}
    run.minimal("CAL_UPDATE_ORG_ATTRIBUTE_OPTION", {**department, "optionId": added["id"]})
    run.complete("CAL_UPDATE_ORG_ATTRIBUTE_OPTION", {**department, "optionId": added["id"]},
                 {"value": "Customer support", "slug": "customer-support"})

    team = run.need("CAL_CREATE_ORG_TEAM", {**org, "name": f"{TAG} attribute team"})
    run.later("CAL_DELETE_ORG_TEAM", {**org, "teamId": team["id"]})
    run.need("CAL_CREATE_ORG_TEAM_MEMBERSHIP", {**org, "teamId": team["id"], "userId": member["id"], "role": "MEMBER",
                                                "accepted": True})
    teams = {"teamIds": [team["id"]]}
    user = {**org, "userId": member["id"]}
    run.minimal("CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER", {**user, "attributeId": ids[1],
                                                             "attributeOptionId": added["id"]})
    run.complete("CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER", {**user, "attributeId": ids[0]}, {"value": "B-12"},
                 left_out={"attributeOptionId": "names an option of a select attribute (the minimal call above); a "
                           "text attribute takes a value"})
    held = run.both("CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS", user)[0]
    assert added["id"] in {option["id"] for option in held}
    assigned = run.both("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS", department,
                        {**PAGE, **teams, "assignedOptionIds": [added["id"]]})
    by_slug = run.both("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG", {**org, "attributeSlug": f"{TAG}-department"},
                       {**PAGE, **teams, "assignedOptionIds": [added["id"]]})
    for answer in (*assigned, *by_slug):
        assert member["id"] in {user_id for option in answer for user_id in option["assignedUserIds"]}
    filtered = run.complete("CAL_LIST_ORG_USERS", org, {
        **PAGE, **teams, "assignedOptionIds": [added["id"]], "attributeQueryOperator": "AND"},
        left_out={"emails": "this server fails on emails beside the attribute filters (500; its log: Prisma's 'Unknown "
                  "argument `email`'): they are sent on their own"})
    assert [found["id"] for found in filtered] == [member["id"]]
    by_email = run.check("CAL_LIST_ORG_USERS", {**org, "emails": [member["email"]]}, variant="by email")
    assert [found["id"] for found in by_email] == [member["id"]]
    for held_option in run.need("CAL_LIST_ORG_USER_ATTRIBUTE_OPTIONS", user):
        run.both("CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER", {**user, "attributeOptionId": held_option["id"]})
    run.both("CAL_DELETE_ORG_ATTRIBUTE_OPTION", {**department, "optionId": added["id"]})
    for attribute_id in ids:
        run.both("CAL_DELETE_ORG_ATTRIBUTE", {**org, "attributeId": attribute_id})


def _days(first: int, last: int) -> dict[str, str]:
    """Whole days away, from the first weekday ``first`` days ahead to the one ``last`` days ahead."""
    return {"start": weekday(first, 0)[:10] + "T00:00:00.000Z", "end": weekday(last, 0)[:10] + "T23:59:59.999Z"}


def test_out_of_office(run: Run, me: dict[str, int], member: dict[str, Any]) -> None:
    org = {"orgId": me["orgId"]}
    colleague = run.need("CAL_CREATE_ORG_USER", {**org, "email": f"{TAG}-cover@example.com"})
    run.later("CAL_DELETE_ORG_USER", {**org, "userId": colleague["id"]})
    team = run.need("CAL_CREATE_ORG_TEAM", {**org, "name": f"{TAG} cover team"})
    run.later("CAL_DELETE_ORG_TEAM", {**org, "teamId": team["id"]})
    for user_id in (member["id"], colleague["id"]):
        run.need("CAL_CREATE_ORG_TEAM_MEMBERSHIP", {**org, "teamId": team["id"], "userId": user_id,
                                                    "role": "MEMBER", "accepted": True})
    user = {**org, "userId": member["id"]}
    away = _days(40, 44)

    def undo(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        return "CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**user, "oooId": entry["id"]}

    made = run.both("CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**user, **away},
                    {**_days(60, 61), "notes": "Conference", "toUserId": colleague["id"], "reason": "travel"},
                    undo=undo)
    ids = [entry["id"] for entry in made]
    assert made[1]["toUserId"] == colleague["id"]
    for page in run.both("CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES", user, {**PAGE, "sortStart": "asc",
                                                                          "sortEnd": "desc"}):
        assert {entry["id"] for entry in page} >= set(ids)
    for page in run.both("CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES", org, {**PAGE, "sortStart": "desc", "sortEnd": "asc",
                                                                    "email": member["email"]}):
        assert {entry["id"] for entry in page} >= set(ids)
    run.minimal("CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**user, "oooId": ids[0]})
    moved = run.complete("CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**user, "oooId": ids[0]},
                         {**_days(47, 49), "notes": "Holiday", "toUserId": colleague["id"], "reason": "vacation"})
    assert moved["reason"] == "vacation"
    for entry_id in ids:
        run.both("CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY", {**user, "oooId": entry_id})


def test_delegation_credentials(run: Run, me: dict[str, int]) -> None:
    key = {"private_key": "-----BEGIN PRIVATE KEY-----\nstand-in\n-----END PRIVATE KEY-----\n",
           "client_email": "calendar@example-project.iam.gserviceaccount.com", "client_id": "104000000000000000001"}
    org = {"orgId": me["orgId"]}
    run.cannot("CAL_CREATE_ORG_DELEGATION_CREDENTIAL",
               {**org, "workspacePlatformSlug": "google", "domain": "example.com", "serviceAccountKey": key},
               status=404, says="The requested resource was not found",
               why="needs a workspace platform (Google Workspace, Microsoft 365) that the instance's admin registers "
               "with the provider's service account; this server has none")
    run.cannot("CAL_UPDATE_ORG_DELEGATION_CREDENTIAL", {**org, "credentialId": "stand-in", "enabled": True},
               status=404, says="not found",
               why="needs a delegation credential, which needs a registered workspace platform (above)")
