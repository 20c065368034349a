"""An organization team's apps, routing forms, and the team routes newer than the server's code.

This server has no route that creates a routing form (Cal.com's web app makes them), so the sequence puts one form
and one stored response into its database (``tests.real.database``), on a team the sequence creates: deleting the
team removes both.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.real.database import database_url, sql
from tests.real.harness import TAG, Run, weekday
from tests.real.test_integrations import NO_APP, NO_CREDENTIAL, RETURN

pytestmark = pytest.mark.real_calcom
CALLBACK = "an OAuth callback: its state comes from {provider}'s redirect, which needs {provider}'s app; the server " \
    "sends the caller to its error page"
UNBOOKED = {"routedToBookingUid": "the seeded response led to no booking (booking through a form is a newer route)"}


@contextmanager
def org_team(run: Run, org_id: int, name: str) -> Iterator[dict[str, Any]]:
    made = run.need("CAL_CREATE_ORG_TEAM", {"orgId": org_id, "name": f"{TAG} {name}", "slug": f"{TAG}-{name}"})
    team = {"orgId": org_id, "teamId": made["id"]}
    run.later("CAL_DELETE_ORG_TEAM", team)
    yield {**team, "slug": made["slug"]}


def test_org_team_conferencing_and_stripe(run: Run, me: dict[str, int]) -> None:
    with org_team(run, me["orgId"], "apps") as made:
        team = {"orgId": made["orgId"], "teamId": made["teamId"]}
        assert run.both("CAL_LIST_ORG_TEAM_CONFERENCING_APPS", team)[0] == []
        run.both("CAL_SET_ORG_TEAM_DEFAULT_CONFERENCING_APP", {**team, "app": "daily-video"})
        assert run.both("CAL_GET_ORG_TEAM_DEFAULT_CONFERENCING_APP", team)[0]["appSlug"] == "daily-video"
        run.cannot("CAL_CONNECT_ORG_TEAM_CONFERENCING_APP", {**team, "app": "google-meet"}, status=400,
                   says="Google Meet requires a Google Calendar connection",
                   why=NO_CREDENTIAL.format(provider="Google"))
        run.cannot("CAL_GET_ORG_TEAM_CONFERENCING_AUTH_URL", {**team, "app": "zoom", **RETURN}, status=400,
                   says="Required", why=NO_APP.format(provider="Zoom") + " (its check of the app's keys: 'Required')")
        state = json.dumps({**RETURN, "accessToken": "stand-in", **team})
        run.cannot("CAL_SAVE_ORG_TEAM_CONFERENCING_CREDENTIALS", {**team, "app": "zoom", "state": state,
                                                                  "code": "stand-in-code"},
                   status=301, says=RETURN["onErrorReturnTo"], why=CALLBACK.format(provider="Zoom"))
        run.cannot("CAL_DISCONNECT_ORG_TEAM_CONFERENCING_APP", {**team, "app": "zoom"}, status=400,
                   says="zoom not connected", why=NO_CREDENTIAL.format(provider="Zoom"))
        run.cannot("CAL_GET_ORG_TEAM_STRIPE_CONNECT_URL", {**team, **RETURN}, status=400, says="Required",
                   why=NO_APP.format(provider="Stripe") + " (its check of the app's keys: 'Required')")
        run.cannot("CAL_SAVE_ORG_TEAM_STRIPE_CREDENTIALS", {**team, "state": state, "code": "stand-in-code"},
                   status=301, says=RETURN["onErrorReturnTo"], why=CALLBACK.format(provider="Stripe"))


def test_newer_team_routes(run: Run, me: dict[str, int]) -> None:
    with org_team(run, me["orgId"], "newer") as made:
        team = {"orgId": made["orgId"], "teamId": made["teamId"]}
        run.newer("CAL_LIST_TEAM_SCHEDULES", {"teamId": made["teamId"]})
        for name in ("CAL_LIST_ORG_TEAM_SCHEDULES", "CAL_LIST_ORG_TEAM_WORKFLOWS", "CAL_CREATE_ORG_TEAM_INVITE_LINK",
                     "CAL_CREATE_ORG_TEAM_WORKFLOW"):
            run.newer(name, team)
        for name in ("CAL_GET_ORG_TEAM_WORKFLOW", "CAL_UPDATE_ORG_TEAM_WORKFLOW", "CAL_DELETE_ORG_TEAM_WORKFLOW"):
            run.newer(name, {**team, "workflowId": 1})


# -- routing forms ---------------------------------------------------------------------------------------------


def _seed_form(owner: int, team_id: int, team_slug: str, event_type: dict[str, Any]) -> dict[str, str]:
    """A form asking for a product, routing "Billing" to the team's event type and everything else to a message,
    and one stored response to it; the ids of the form, its field and the response's filler."""
    ids = {name: str(uuid.uuid4()) for name in ("form", "field", "billing", "api", "route", "rule", "fallback")}
    fields = [{"id": ids["field"], "type": "select", "label": "product", "required": True,
               "options": [{"id": ids["billing"], "label": "Billing"}, {"id": ids["api"], "label": "API"}]}]
    group = {"id": str(uuid.uuid4()), "type": "group"}
    routes = [
        {"id": ids["route"], "action": {"type": "eventTypeRedirectUrl", "value": f"team/{team_slug}/"
                                        f"{event_type['slug']}", "eventTypeId": event_type["id"]},
         "queryValue": {"id": str(uuid.uuid4()), "type": "group", "children1": {ids["rule"]: {
             "type": "rule", "properties": {"field": ids["field"], "value": [ids["billing"]],
                                            "operator": "select_equals", "valueSrc": ["value"],
                                            "valueType": ["select"], "valueError": [None]}}}},
         "attributesQueryValue": group, "attributeRoutingConfig": {}, "fallbackAttributesQueryValue": group},
        {"id": ids["fallback"], "isFallback": True, "action": {"type": "customPageMessage", "value": "Thanks!"},
         "queryValue": {"id": ids["fallback"], "type": "group"}, "attributesQueryValue": group,
         "fallbackAttributesQueryValue": group},
    ]
    answer = {ids["field"]: {"label": "product", "value": ids["billing"]}}
    sql("""insert into "App_RoutingForms_Form" (id, name, description, routes, fields, "userId", "teamId",
            "updatedAt", settings)
            values (:'v0', :'v1', 'Which product is it about?', :'v2'::jsonb, :'v3'::jsonb, :'v4'::int, :'v5'::int,
            now(), '{"emailOwnerOnSubmission": false}');
            insert into "App_RoutingForms_FormResponse" ("formFillerId", "formId", response, "updatedAt")
            values (:'v6', :'v0', :'v7'::jsonb, now());""",
         ids["form"], f"{TAG} product form", json.dumps(routes), json.dumps(fields), str(owner), str(team_id),
         str(uuid.uuid4()), json.dumps(answer))
    return ids


def test_routing_forms(run: Run, me: dict[str, int]) -> None:
    database_url()  # this server has no route that creates a routing form
    org = {"orgId": me["orgId"]}
    with org_team(run, me["orgId"], "routing") as made:
        team = {"orgId": made["orgId"], "teamId": made["teamId"]}
        event_type = run.need("CAL_CREATE_ORG_TEAM_EVENT_TYPE", {
            **team, "title": "Billing call", "slug": f"{TAG}-billing", "lengthInMinutes": 30,
            "schedulingType": "collective", "hosts": [{"userId": me["userId"]}]})
        ids = _seed_form(me["userId"], made["teamId"], made["slug"], event_type)
        dates = {"afterCreatedAt": weekday(-30, 0), "beforeCreatedAt": weekday(30, 0),
                 "afterUpdatedAt": weekday(-30, 0), "beforeUpdatedAt": weekday(30, 0)}
        for page in run.both("CAL_LIST_ORG_ROUTING_FORMS", org, {**dates, "teamIds": [made["teamId"]],
                                                                 "take": 10, "skip": 0}):
            assert [form["id"] for form in page] == [ids["form"]]
        for page in run.both("CAL_LIST_ORG_TEAM_ROUTING_FORMS", team, {**dates, "take": 10, "skip": 0}):
            assert [form["id"] for form in page] == [ids["form"]]
        form = {**org, "routingFormId": ids["form"]}
        team_form = {**team, "routingFormId": ids["form"]}
        responses = run.both("CAL_LIST_ORG_ROUTING_FORM_RESPONSES", form, {**dates, "take": 10, "skip": 0},
                             left_out=UNBOOKED)
        response_id = responses[0][0]["id"]
        assert [item["id"] for item in responses[1]] == [response_id]
        run.both("CAL_LIST_ORG_TEAM_ROUTING_FORM_RESPONSES", team_form, {**dates, "take": 10, "skip": 0},
                 left_out=UNBOOKED)
        corrected = {ids["field"]: {"label": "product", "value": ids["api"]}}
        run.both("CAL_UPDATE_ORG_ROUTING_FORM_RESPONSE", {**form, "responseId": response_id}, {"response": corrected})
        updated = run.both("CAL_UPDATE_ORG_TEAM_ROUTING_FORM_RESPONSE", {**team_form, "responseId": response_id},
                           {"response": {ids["field"]: {"label": "product", "value": ids["billing"]}}})[-1]
        assert updated["response"][ids["field"]]["value"] == ids["billing"]
        window = {"start": weekday(7, 0)[:10], "end": weekday(9, 0)[:10]}
        routed = run.both("CAL_CALCULATE_ROUTING_FORM_SLOTS", {"routingFormId": ids["form"], **window,
                                                               "answers": {"product": "Billing"}},
                          {"timeZone": "Europe/London", "duration": 30, "format": "range"},
                          left_out={"bookingUidToReschedule": "the form's answers route to a new booking here"})
        assert all(answer["eventTypeId"] == event_type["id"] and answer["slots"] for answer in routed)
        for name in ("CAL_CREATE_ORG_ROUTING_FORM_RESPONSE", "CAL_CREATE_ORG_TEAM_ROUTING_FORM_RESPONSE"):
            run.newer(name, {**team_form, **window, "answers": {"product": "Billing"}} if "TEAM" in name
                      else {**form, **window, "answers": {"product": "Billing"}})
