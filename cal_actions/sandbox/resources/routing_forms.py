"""Routing forms of organization teams: the forms, their stored responses, and the seeded form.

Forms are read-only here (Cal.com's API v2 has no route that creates one); responses are created by
submitting answers (``routing_submissions``) and may be corrected. Organization routes need an
organization admin; team routes a team admin (to read and correct) and the form must be the team's.
"""

from __future__ import annotations

import operator
import uuid
from datetime import datetime, timedelta
from typing import Any

from cal_actions.sandbox.errors import Forbidden
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.routing import Call, Routes, page
from cal_actions.sandbox.store import Document, Tx
from cal_actions.sandbox.times import iso_utc, parse_instant

routes = Routes()

FORMS, RESPONSES = "routing_form", "routing_form_response"
NAMESPACE = uuid.UUID("5b0e2c1a-7d43-4f6e-9a18-3c2d4e5f6a7b")

# The seeded form: what someone needs decides where they go (ids are stable across resets).
FORM_ID = "9f1c2b3a-4d5e-4f60-8a7b-1c2d3e4f5a6b"
TOPIC_FIELD, EMAIL_FIELD = "b1e2c3d4-0001-4a00-8000-000000000001", "b1e2c3d4-0002-4a00-8000-000000000002"
DEMO, SUPPORT, OTHER = (f"c0ffee00-000{n}-4b00-8000-00000000000{n}" for n in (1, 2, 3))


def _rule(option_id: str) -> dict[str, Any]:
    rule = {"type": "rule", "properties": {"field": TOPIC_FIELD, "operator": "select_equals", "value": [option_id],
                                           "valueSrc": ["value"], "valueType": ["select"]}}  # fmt: skip
    return {"id": f"group-{option_id}", "type": "group", "children1": {f"rule-{option_id}": rule}}


def seed_form(tx: Tx, now: datetime, *, team_id: int, owner_id: int, event_type: Document) -> None:
    team = tx.get("team", team_id) or {}
    fields = [
        {"id": TOPIC_FIELD, "type": "select", "label": "What do you need?", "identifier": "topic", "required": True,
         "options": [{"id": DEMO, "label": "Product demo"}, {"id": SUPPORT, "label": "Support"},
                     {"id": OTHER, "label": "Something else"}]},
        {"id": EMAIL_FIELD, "type": "email", "label": "Email", "identifier": "email", "required": True},
    ]  # fmt: skip
    form_routes = [
        {"id": "route-demo", "queryValue": _rule(DEMO),
         "action": {"type": "eventTypeRedirectUrl", "value": f"team/{team.get('slug')}/{event_type['slug']}",
                    "eventTypeId": event_type["id"]}},
        {"id": "route-support", "queryValue": _rule(SUPPORT),
         "action": {"type": "externalRedirectUrl", "value": "https://support.example.com/new-ticket"}},
        {"id": "route-fallback", "isFallback": True, "queryValue": {"id": "route-fallback", "type": "group"},
         "action": {"type": "customPageMessage", "value": "Thanks! We will reply by email within a day."}},
    ]  # fmt: skip
    created = iso_utc(now - timedelta(days=30))
    form = {"id": FORM_ID, "name": "Talk to us", "description": "Routes each request to the right place.",
            "position": 0, "routes": form_routes, "fields": fields, "settings": {"emailOwnerOnSubmission": False},
            "userId": owner_id, "teamId": team_id, "disabled": False, "createdAt": created,
            "updatedAt": created}  # fmt: skip
    tx.put(FORMS, FORM_ID, form)
    answers = {TOPIC_FIELD: {"label": "What do you need?", "value": SUPPORT},
               EMAIL_FIELD: {"label": "Email", "value": "grace@example.com"}}  # fmt: skip
    store_response(tx, now - timedelta(days=2), FORM_ID, answers, "route-support")


def store_response(tx: Tx, now: datetime, form_id: str, response: dict[str, Any], route_id: str) -> Document:
    response_id = tx.next_id(RESPONSES)
    stored = {
        "id": response_id,
        "formId": form_id,
        "formFillerId": str(uuid.uuid5(NAMESPACE, f"filler-{response_id}")),
        "routedToBookingUid": None,
        "response": response,
        "chosenRouteId": route_id,
        "createdAt": iso_utc(now),
        "updatedAt": iso_utc(now),
    }
    tx.put(RESPONSES, response_id, stored)
    return stored


def form_output(form: Document) -> dict[str, Any]:
    keys = ("id", "name", "description", "position", "routes", "fields", "settings", "userId", "teamId",
            "disabled", "createdAt", "updatedAt")  # fmt: skip
    return {key: form[key] for key in keys}


def response_output(stored: Document) -> dict[str, Any]:
    keys = ("id", "formId", "formFillerId", "routedToBookingUid", "response", "createdAt")
    return {key: stored[key] for key in keys}


_DATE_FILTERS = (
    ("afterCreatedAt", "createdAt", operator.ge),
    ("beforeCreatedAt", "createdAt", operator.le),
    ("afterUpdatedAt", "updatedAt", operator.ge),
    ("beforeUpdatedAt", "updatedAt", operator.le),
)


def _filtered(call: Call, items: list[Document], *, by_booking: bool) -> list[Document]:
    """Cal.com's filters of the form and response lists: dates, the routed booking, sorting, paging."""
    for name, key, keep in _DATE_FILTERS:
        if call.query.get(name):
            bound = parse_instant(call.query[name], name)
            items = [item for item in items if keep(parse_instant(item[key], key), bound)]
    if by_booking and call.query.get("routedToBookingUid"):
        items = [item for item in items if item["routedToBookingUid"] == call.query["routedToBookingUid"]]
    for name, key in (("sortUpdatedAt", "updatedAt"), ("sortCreatedAt", "createdAt")):  # the first sort wins
        if call.query.get(name) in ("asc", "desc"):
            items = sorted(items, key=lambda item: item[key], reverse=call.query[name] == "desc")
    return page(call, items)


def org_form(call: Call, org_id: int) -> Document:
    """A form of a team inside the organization."""
    form = call.tx.get(FORMS, call.params["routingFormId"])
    team = call.tx.get("team", form["teamId"]) if form and form["teamId"] is not None else None
    if form is None or team is None or team["parentId"] != org_id:
        raise org_access.record_missing()
    return form


def team_form(call: Call, team_id: int) -> Document:
    form = call.tx.get(FORMS, call.params["routingFormId"])
    if form is None or form["teamId"] != team_id:
        raise Forbidden(
            f"IsRoutingFormInTeam - team with id=({team_id}) does not own routing form with "
            f"id=({call.params['routingFormId']})."
        )
    return form


def _admin_form(call: Call) -> Document:
    """The route's form, for an organization admin (organization routes) or a team admin (team routes)."""
    if "teamId" in call.params:
        return team_form(call, org_access.require_org_team_role(call, "ADMIN")["id"])
    return org_form(call, org_access.require_org_role(call, "ADMIN")["id"])


@routes.action("CAL_LIST_ORG_ROUTING_FORMS")
def list_org_forms(call: Call) -> list[dict[str, Any]]:
    org = org_access.require_org_role(call, "ADMIN")
    team_ids = {t["id"] for t in call.tx.all("team") if t["parentId"] == org["id"]}
    if call.query.get("teamIds"):
        team_ids &= {int(part) for part in call.query["teamIds"].split(",") if part.strip().isdigit()}
    found = [form for form in call.tx.all(FORMS) if form["teamId"] in team_ids]
    return [form_output(form) for form in _filtered(call, found, by_booking=False)]


@routes.action("CAL_LIST_ORG_TEAM_ROUTING_FORMS")
def list_team_forms(call: Call) -> list[dict[str, Any]]:
    team = org_access.require_org_team_role(call, "ADMIN")
    found = [form for form in call.tx.all(FORMS) if form["teamId"] == team["id"]]
    return [form_output(form) for form in _filtered(call, found, by_booking=False)]


@routes.action("CAL_LIST_ORG_ROUTING_FORM_RESPONSES", "CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES")
def list_responses(call: Call) -> list[dict[str, Any]]:
    form = _admin_form(call)
    found = sorted((r for r in call.tx.all(RESPONSES) if r["formId"] == form["id"]), key=lambda r: r["id"])
    return [response_output(r) for r in _filtered(call, found, by_booking=True)]


@routes.action("CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE", "CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE")
def update_response(call: Call) -> dict[str, Any]:
    form = _admin_form(call)
    stored = call.tx.get(RESPONSES, call.int_param("responseId"))
    if stored is None or stored["formId"] != form["id"]:
        raise org_access.record_missing()
    if call.body.get("response") is not None:
        stored["response"] = call.body["response"]
    stored["updatedAt"] = iso_utc(call.now)
    call.tx.put(RESPONSES, stored["id"], stored)
    return response_output(stored)
