"""Organization team workflows: stored as sent (the action's model has already checked each trigger and step
shape) and answered in Cal.com's output form: the recipient follows the step's action, steps are in order.

Team admins only. Sending the reminders is Cal.com's job; the sandbox keeps the definitions. A step to an
address or a number names one the team verified (``verified_resources``); its ``email`` or ``phone``
answers it, empty for the other steps, as in Cal.com.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cal_actions.sandbox.errors import BadRequest, NotFound, Unauthorized
from cal_actions.sandbox.resources import org_access, verified_resources
from cal_actions.sandbox.routing import NO_DATA, Call, Reply, Routes, page
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc

routes = Routes()

KIND = "workflow"
_RECIPIENTS = {"email_host": "const", "email_address": "email", "sms_number": "phone_number",
               "whatsapp_number": "phone_number"}  # fmt: skip  # the rest go to the attendees


def _activation(tx: Tx, team_id: int, given: dict[str, Any]) -> dict[str, Any]:
    """Every team event type when active on all; otherwise the ids given, which must be the team's."""
    team_types = [e["id"] for e in tx.all("event_type") if e.get("teamId") == team_id]
    if given["isActiveOnAllEventTypes"]:
        return {"isActiveOnAllEventTypes": True, "activeOnEventTypeIds": team_types}
    ids = given.get("activeOnEventTypeIds") or []
    if any(event_type_id not in team_types for event_type_id in ids):
        # Cal.com's workflow update refuses with tRPC's UNAUTHORIZED, which its filter turns into this 401.
        raise Unauthorized("You are not authorized to access this resource")
    return {"isActiveOnAllEventTypes": False, "activeOnEventTypeIds": ids}


# Steps to one address or number: the id field naming it, where it is kept, and Cal.com's refusal.
_VERIFIED = {
    "email_address": ("verifiedEmailId", verified_resources.EMAIL, "Invalid Verified Email Id."),
    "sms_number": ("verifiedPhoneId", verified_resources.PHONE, "Invalid Verified Phone Id."),
    "whatsapp_number": ("verifiedPhoneId", verified_resources.PHONE, "Invalid Verified Phone Id."),
}


def _send_to(tx: Tx, team_id: int, step: dict[str, Any]) -> str:
    """The team-verified address or number a step sends to ("" for steps to the host or attendees)."""
    if step["action"] not in _VERIFIED:
        return ""
    key, channel, refusal = _VERIFIED[step["action"]]
    record = tx.get(channel.store, step[key])
    if record is None or record["teamId"] != team_id:
        raise BadRequest(refusal)
    return str(record[channel.field])


def _steps(tx: Tx, team_id: int, given: list[dict[str, Any]], old: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Steps as sent; a step keeps its id when the update names one of the workflow's, else gets a new one."""
    known = {step["id"] for step in old}
    return [
        {**step, "sendTo": _send_to(tx, team_id, step),
         "id": step["id"] if step.get("id") in known else tx.next_id("workflow_step")}
        for step in given
    ]  # fmt: skip


def new_workflow(tx: Tx, now: datetime, team_id: int, fields: dict[str, Any]) -> Document:
    workflow = {
        "id": tx.next_id(KIND),
        "teamId": team_id,
        "name": fields["name"],
        "activation": _activation(tx, team_id, fields["activation"]),
        "trigger": fields["trigger"],
        "steps": _steps(tx, team_id, fields["steps"], []),
        "createdAt": iso_utc(now),
        "updatedAt": iso_utc(now),
    }
    tx.put(KIND, workflow["id"], workflow)
    return workflow


def seed_workflow(tx: Tx, now: datetime, team_id: int) -> None:
    """A day-before reminder emailed to the attendees of every team event type."""
    message = {"subject": "Reminder: {EVENT_NAME} tomorrow",
               "html": "<p>Hi {ATTENDEE}, see you at {START_TIME_h:mma} {TIMEZONE}.</p>"}  # fmt: skip
    step = {"action": "email_attendee", "stepNumber": 1, "recipient": "attendee", "template": "reminder",
            "sender": "Cal.com", "includeCalendarEvent": True, "message": message}  # fmt: skip
    fields = {"name": "Day-before reminder", "activation": {"isActiveOnAllEventTypes": True},
              "trigger": {"type": "beforeEvent", "offset": {"value": 24, "unit": "hour"}}, "steps": [step]}  # fmt: skip
    new_workflow(tx, now, team_id, fields)


def _step_output(step: dict[str, Any]) -> dict[str, Any]:
    message = step["message"]
    return {
        "id": step["id"],
        "stepNumber": step["stepNumber"],
        "action": step["action"],
        "recipient": _RECIPIENTS.get(step["action"], "attendee"),
        "email": step["sendTo"] if step["action"] == "email_address" else "",
        "phone": step["sendTo"] if step["action"] in ("sms_number", "whatsapp_number") else "",
        "template": step["template"],
        "includeCalendarEvent": step.get("includeCalendarEvent", False),
        "sender": step["sender"],
        "message": {key: message[key] for key in ("subject", "html", "text") if key in message},
    }


def workflow_output(workflow: Document) -> dict[str, Any]:
    steps = sorted(workflow["steps"], key=lambda step: step["stepNumber"])
    return {
        "id": workflow["id"],
        "name": workflow["name"],
        "activation": workflow["activation"],
        "trigger": workflow["trigger"],
        "steps": [_step_output(step) for step in steps],
    }


def _workflow(call: Call, team_id: int) -> Document:
    workflow_id = call.int_param("workflowId")
    workflow = call.tx.get(KIND, workflow_id)
    if workflow is None or workflow["teamId"] != team_id:
        raise NotFound(f"Workflow with ID {workflow_id} not found for team {team_id}")
    return workflow


@routes.action("CAL_LIST_ORG_TEAM_WORKFLOWS")
def list_workflows(call: Call) -> list[dict[str, Any]]:
    team = org_access.require_org_team_role(call, "ADMIN")
    found = sorted((w for w in call.tx.all(KIND) if w["teamId"] == team["id"]), key=lambda w: w["id"])
    return [workflow_output(workflow) for workflow in page(call, found)]


@routes.action("CAL_CREATE_ORG_TEAM_WORKFLOW", status=201)
def create_workflow(call: Call) -> dict[str, Any]:
    team = org_access.require_org_team_role(call, "ADMIN")
    return workflow_output(new_workflow(call.tx, call.now, team["id"], call.body))


@routes.action("CAL_GET_ORG_TEAM_WORKFLOW")
def get_workflow(call: Call) -> dict[str, Any]:
    team = org_access.require_org_team_role(call, "ADMIN")
    return workflow_output(_workflow(call, team["id"]))


@routes.action("CAL_UPDATE_ORG_TEAM_WORKFLOW")
def update_workflow(call: Call) -> dict[str, Any]:
    team = org_access.require_org_team_role(call, "ADMIN")
    workflow = _workflow(call, team["id"])
    body = call.body
    for key in ("name", "trigger"):
        if body.get(key) is not None:
            workflow[key] = body[key]
    if body.get("activation") is not None:
        workflow["activation"] = _activation(call.tx, team["id"], body["activation"])
    if body.get("steps") is not None:
        workflow["steps"] = _steps(call.tx, team["id"], body["steps"], workflow["steps"])
    workflow["updatedAt"] = iso_utc(call.now)
    call.tx.put(KIND, workflow["id"], workflow)
    return workflow_output(workflow)


@routes.action("CAL_DELETE_ORG_TEAM_WORKFLOW")
def delete_workflow(call: Call) -> Reply:
    team = org_access.require_org_team_role(call, "ADMIN")
    call.tx.delete(KIND, _workflow(call, team["id"])["id"])
    return Reply(NO_DATA)
