"""Submitting answers to a routing form: where they route, the routed event type's free slots, and the
stored response; and the dry run (``calculate-slots``) that stores nothing.

The body is the answers themselves, keyed by field identifier; the slot window is the query of
``/v2/slots``, and the slots are computed by the same code.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlencode

from cal_actions.sandbox import form_routing
from cal_actions.sandbox.errors import ApiError, BadRequest, Forbidden, NotFound
from cal_actions.sandbox.resources import org_access
from cal_actions.sandbox.resources.routing_forms import FORMS, NAMESPACE, org_form, store_response, team_form
from cal_actions.sandbox.resources.slots import free_slots
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import iso_utc

routes = Routes()

QUEUED = "routing_form_queued_response"
NO_ROUTE = "Route to which the form response should be redirected not found."


def _event_type(call: Call, action: Document) -> Document:
    event_type = call.tx.get("event_type", action.get("eventTypeId") or 0)
    if event_type is None:  # the route's event type was deleted after the form was saved
        slug = str(action["value"]).rsplit("/", 1)[-1]
        raise ApiError(f"Chosen event type identified by slug {slug} not found.")
    return event_type


def _routed(call: Call, form: Document) -> tuple[dict[str, Document], Document]:
    """The response the answers make and the route they take; a bad answer is Cal.com's 400."""
    response = form_routing.response_from_answers(form["fields"], call.body)
    problem = form_routing.response_problem(form["fields"], response)
    if problem:
        raise BadRequest(problem)
    route = form_routing.matching_route(form["routes"], response)
    if route is None:
        raise ApiError("No route found.")
    return response, route


def _submit(call: Call, form: Document) -> dict[str, Any]:
    response, route = _routed(call, form)
    action = route["action"]
    queued = call.query.get("queueResponse") == "true"
    if queued:  # held until a booking is made, then stored as a response
        held_id = str(uuid.uuid5(NAMESPACE, f"queued-{call.tx.next_id(QUEUED)}"))
        held = {"id": held_id, "formId": form["id"], "response": response, "chosenRouteId": route["id"],
                "createdAt": iso_utc(call.now)}  # fmt: skip
        call.tx.put(QUEUED, held_id, held)
        stored_id: dict[str, Any] = {"queuedResponseId": held_id}
    else:
        stored_id = {"responseId": store_response(call.tx, call.now, form["id"], response, route["id"])["id"]}
    if action["type"] == "customPageMessage":
        return {"routingCustomMessage": action["value"]}
    if action["type"] == "externalRedirectUrl":
        answers = {name: form_routing.answer_text(value) for name, value in call.body.items()}
        query = urlencode({**answers, "form": form["id"]})
        return {"routingExternalRedirectUrl": f"{action['value']}?{query}&cal.action=externalRedirectUrl"}
    event_type = _event_type(call, action)
    # Without attribute routing Cal.com names no team members: the booking picks among the event type's hosts.
    routing = {**stored_id, "teamMemberIds": [], "skipContactOwner": False}
    return {"eventTypeId": event_type["id"], "routing": routing, "slots": free_slots(call, event_type)}


def _submitted_form(call: Call) -> Document:
    """Team routes: any team member. Organization routes: an organization admin, or the form's owner."""
    if "teamId" in call.params:
        return team_form(call, org_access.require_org_team_role(call, "MEMBER")["id"])
    try:
        org_id = org_access.require_org_role(call, "ADMIN")["id"]
    except Forbidden:
        org = call.tx.get("team", call.int_param("orgId"))
        form = call.tx.get(FORMS, call.params["routingFormId"])
        if org is None or not org["isOrganization"] or form is None or form["userId"] != call.user_id:
            raise
        org_id = org["id"]
    return org_form(call, org_id)


@routes.action("CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", "CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE", status=201)
def create_response(call: Call) -> dict[str, Any]:
    return _submit(call, _submitted_form(call))


@routes.action("CAL_CALCULATE_ROUTING_FORM_SLOTS")
def calculate_slots(call: Call) -> dict[str, Any]:
    form = call.tx.get(FORMS, call.params["routingFormId"])
    if form is None:
        raise NotFound(NO_ROUTE)
    try:
        _, route = _routed(call, form)
    except BadRequest:  # the dry run reports a rejected response as having no route
        raise NotFound(NO_ROUTE) from None
    action = route["action"]
    if action["type"] == "customPageMessage":
        raise NotFound(NO_ROUTE)
    if action["type"] != "eventTypeRedirectUrl":
        raise NotFound("Routed to a non cal.com event type URL.")
    event_type = _event_type(call, action)
    return {"eventTypeId": event_type["id"], "slots": free_slots(call, event_type)}
