"""Organization team workflows on the sandbox: typed triggers and steps stored and returned in Cal.com's output
form, partial updates, step ids kept, event types checked, guards and the team cascade."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox import OAUTH_CLIENT_ID, Sandbox
from cal_actions.sandbox.seed import GRACE_ID, OAUTH_CLIENT_SECRET, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS

TEAM = {"orgId": ORG_ID, "teamId": ORG_TEAM_ID}
VERIFIED_ID = 3  # the team's seeded verified email address and phone number (ids 1 and 2 are other scopes')
HTML = {"subject": "See you soon", "html": "<p>Hi {ATTENDEE}</p>"}
TEXT = {"subject": "Reminder", "text": "{EVENT_NAME} at {START_TIME_h:mma}"}
BASE = {"stepNumber": 1, "recipient": "attendee", "template": "custom", "sender": "Sandbox"}
STEPS = [
    {**BASE, "stepNumber": 3, "action": "sms_number", "recipient": "phone_number", "verifiedPhoneId": VERIFIED_ID,
     "message": TEXT},
    {**BASE, "action": "email_host", "recipient": "const", "includeCalendarEvent": True, "message": HTML},
    {**BASE, "stepNumber": 2, "action": "whatsapp_attendee", "message": TEXT},
    {**BASE, "stepNumber": 4, "action": "email_address", "recipient": "email", "verifiedEmailId": VERIFIED_ID,
     "includeCalendarEvent": False, "message": HTML},
]  # fmt: skip
NEW = {**TEAM, "name": "Follow-up", "activation": {"isActiveOnAllEventTypes": False, "activeOnEventTypeIds": [6]},
       "trigger": {"type": "afterEvent", "offset": {"value": 2, "unit": "day"}}, "steps": STEPS}  # fmt: skip


@pytest.fixture
def cal() -> Iterator[Cal]:
    with Cal.sandbox(Sandbox(deliver=False)) as client:
        yield client


def _create(cal: Cal, **changes: Any) -> dict[str, Any]:
    created = cal.execute("CAL_CREATE_ORG_TEAM_WORKFLOW", {**NEW, **changes})
    assert created.status_code == 201, created.error
    return dict(created.data)


def test_the_seeded_reminder_is_listed(cal: Cal) -> None:
    (seeded,) = cal.execute("CAL_LIST_ORG_TEAM_WORKFLOWS", TEAM).data
    assert seeded["trigger"] == {"type": "beforeEvent", "offset": {"value": 24, "unit": "hour"}}
    assert seeded["activation"] == {"isActiveOnAllEventTypes": True, "activeOnEventTypeIds": [6]}, "all team types"
    assert [step["action"] for step in seeded["steps"]] == ["email_attendee"]


def test_a_workflow_is_returned_in_cal_com_output_form(cal: Cal) -> None:
    created = _create(cal)
    assert created == cal.execute("CAL_GET_ORG_TEAM_WORKFLOW", {**TEAM, "workflowId": created["id"]}).data
    assert created["trigger"] == NEW["trigger"] and created["activation"] == NEW["activation"]
    steps = created["steps"]
    assert [step["stepNumber"] for step in steps] == [1, 2, 3, 4], "in step order"
    assert [step["recipient"] for step in steps] == ["const", "attendee", "phone_number", "email"]
    assert steps[0]["message"] == HTML and steps[1]["message"] == TEXT
    assert steps[0]["includeCalendarEvent"] is True and steps[1]["includeCalendarEvent"] is False
    assert [(step["email"], step["phone"]) for step in steps] == [
        ("", ""), ("", ""), ("", "+14155550102"), ("eng-oncall@example.com", "")]  # fmt: skip
    assert len({step["id"] for step in steps}) == 4


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"trigger": {"type": "newEvent", "offset": {"value": 1, "unit": "hour"}}}, "trigger.BookingTrigger.offset"),
        ({"trigger": {"type": "beforeEvent"}}, "trigger.TimedTrigger.offset: Field required"),
        ({"trigger": {"type": "whenever"}}, "trigger: type must be one of beforeEvent"),
        ({"steps": [{**STEPS[2], "message": HTML}]}, "steps.0.TextStep.message.text: Field required"),
        ({"steps": [{**STEPS[2], "includeCalendarEvent": True}]}, "steps.0.TextStep.includeCalendarEvent: unknown"),
        ({"steps": [{**STEPS[0], "action": "email_address"}]}, "steps.0.EmailAddressStep.verifiedEmailId: Field req"),
        ({"steps": []}, "steps: List should have at least 1 item"),
    ],
)
def test_a_wrong_mix_of_shapes_is_refused_before_anything_is_sent(
    cal: Cal, change: dict[str, Any], error: str
) -> None:
    refused = cal.execute("CAL_CREATE_ORG_TEAM_WORKFLOW", {**NEW, **change})
    assert not refused.successful and refused.attempts == 0 and error in (refused.error or "")
    assert len(cal.execute("CAL_LIST_ORG_TEAM_WORKFLOWS", TEAM).data) == 1


def test_an_update_changes_only_what_it_names_and_keeps_named_step_ids(cal: Cal) -> None:
    created = _create(cal)
    target = {**TEAM, "workflowId": created["id"]}
    renamed = cal.execute("CAL_UPDATE_ORG_TEAM_WORKFLOW", {**target, "name": "Thanks"}).data
    assert renamed == {**created, "name": "Thanks"}

    kept = {**STEPS[1], "id": created["steps"][0]["id"], "message": {"subject": "New", "html": "<p>x</p>"}}
    added = {**STEPS[2], "id": 99_999}  # not one of this workflow's steps: a new step
    changed = cal.execute("CAL_UPDATE_ORG_TEAM_WORKFLOW", {**target, "trigger": {"type": "eventCancelled"},
                                                          "steps": [kept, added]}).data  # fmt: skip
    assert changed["trigger"] == {"type": "eventCancelled"}
    assert changed["steps"][0]["id"] == kept["id"] and changed["steps"][0]["message"]["subject"] == "New"
    assert changed["steps"][1]["id"] not in {step["id"] for step in created["steps"]} | {99_999}
    assert cal.execute("CAL_GET_ORG_TEAM_WORKFLOW", target).data == changed


@pytest.mark.parametrize(("step", "refusal"), [(0, "Invalid Verified Phone Id."), (3, "Invalid Verified Email Id.")])
def test_an_address_or_number_must_be_verified_for_the_team(cal: Cal, step: int, refusal: str) -> None:
    key = "verifiedPhoneId" if step == 0 else "verifiedEmailId"
    for other in (1, 2, 999):  # the user's own, another team's, none
        refused = cal.execute("CAL_CREATE_ORG_TEAM_WORKFLOW", {**NEW, "steps": [{**STEPS[step], key: other}]})
        assert refused.status_code == 400 and refusal in (refused.error or "")


def test_event_types_must_be_the_teams(cal: Cal) -> None:
    foreign = cal.execute("CAL_CREATE_ORG_TEAM_WORKFLOW", {**NEW, "activation": {
        "isActiveOnAllEventTypes": False, "activeOnEventTypeIds": [1]}})  # fmt: skip
    assert foreign.status_code == 401 and "not authorized" in (foreign.error or "")


def test_delete_and_missing_workflows(cal: Cal) -> None:
    created = _create(cal)
    target = {**TEAM, "workflowId": created["id"]}
    assert cal.execute("CAL_DELETE_ORG_TEAM_WORKFLOW", target).successful
    gone = cal.execute("CAL_GET_ORG_TEAM_WORKFLOW", target)
    assert gone.status_code == 404 and f"Workflow with ID {created['id']} not found for team" in (gone.error or "")
    assert cal.execute("CAL_DELETE_ORG_TEAM_WORKFLOW", target).status_code == 404


def test_team_admins_only_and_the_oauth_client_acts_as_the_owner(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:  # a plain team member
        assert grace.execute("CAL_LIST_ORG_TEAM_WORKFLOWS", TEAM).status_code == 403
    with Cal.sandbox(cal.emulator, api_key="", client_id=OAUTH_CLIENT_ID, client_secret=OAUTH_CLIENT_SECRET) as client:
        assert len(client.execute("CAL_LIST_ORG_TEAM_WORKFLOWS", TEAM).data) == 1


def test_deleting_the_team_deletes_its_workflows_and_routing_forms(cal: Cal) -> None:
    _create(cal)
    assert cal.execute("CAL_DELETE_ORG_TEAM", TEAM).successful
    assert cal.emulator.read("workflow") == [] and cal.emulator.read("routing_form") == []
