"""Every action against a mock that validates requests with the OpenAPI document itself.

The mock knows nothing of the declarations: it finds the operation by method and path, then checks
headers, required query parameters and the JSON body with jsonschema. The document's known errors
(reference README) are patched in one place, below, so the mock follows the real API there.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from cal_actions import Cal, registry
from tests.support import LIVE_SPEC, PINNED_SPEC, declared_version, example_arguments, find_operation, load_spec

TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}


def _patched(spec: dict[str, Any]) -> dict[str, Any]:
    """The document with its known errors corrected (each settled against Cal.com's server), and ``oneOf`` read
    as ``anyOf``."""
    spec = json.loads(json.dumps(spec).replace('"oneOf"', '"anyOf"'), object_hook=_fix_keywords)
    schemas = spec["components"]["schemas"]
    for name, schema in schemas.items():
        properties = schema.get("properties", {})
        if "enum" in properties.get("triggers", {}) and properties["triggers"].get("type") == "string":  # a list
            trigger = properties["triggers"]
            properties["triggers"] = {"type": "array", "items": {"type": "string", "enum": trigger["enum"]}}
        if name.startswith("ScheduleAvailabilityInput") or name.startswith("ScheduleOverrideInput"):
            properties["startTime"], properties["endTime"] = TIME, TIME  # placeholder patterns
        if "lengthInMinutesOptions" in properties:  # whole minutes, typed as strings
            properties["lengthInMinutesOptions"]["items"] = {"type": "integer"}
        if name == "CreatePhoneCallInput":  # typed as an object, a boolean on the wire
            properties["enabled"] = {"type": "boolean"}
        if name == "CalVideoSettings":  # typed as an object, the URL participants land on
            properties["redirectUrlOnExit"] = {"type": "string"}
        if "includeCalendarEvent" in properties:  # workflow steps: likewise
            properties["includeCalendarEvent"] = {"type": "boolean"}
        if name == "WorkflowTriggerOffsetDto":  # the unit's enum of strings is typed as an object
            properties["unit"] = {"type": "string", "enum": properties["unit"]["enum"]}
        if name.endswith("DelegationCredentialInput"):  # one key object, typed as an array of them
            properties["serviceAccountKey"] = properties["serviceAccountKey"]["items"]
    return spec


def _fix_keywords(node: dict[str, Any]) -> dict[str, Any]:
    """Keyword slips: an item ``enum`` repeated on the array, patterns written as ``/regex/`` literals."""
    if node.get("type") == "array" and "enum" in node and "items" in node:
        node.pop("enum")
    pattern = node.get("pattern")
    if isinstance(pattern, str) and len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/"):
        node["pattern"] = pattern[1:-1]
    return node


@functools.cache
def _document(live: bool) -> tuple[dict[str, Any], Registry]:
    spec = _patched(load_spec(LIVE_SPEC if live else PINNED_SPEC))
    resource = Resource.from_contents(spec, default_specification=DRAFT7)
    return spec, Registry().with_resource("spec", resource)


def validate_request(request: httpx.Request, *, live: bool) -> list[str]:
    spec, schema_registry = _document(live)
    found = find_operation(spec, request.method, request.url.path)
    if found is None:
        return [f"no operation {request.method} {request.url.path}"]
    operation = found[1]
    problems = []
    version = declared_version(operation)
    if version and request.headers.get("cal-api-version") != version:
        problems.append(f"cal-api-version {request.headers.get('cal-api-version')!r} != {version}")
    query = set(parse_qs(request.url.query.decode()))
    # The document flattens a list of objects into its members' names; we send name[i][member].
    query |= {key.rsplit("[", 1)[-1].rstrip("]") for key in query if key.endswith("]")}
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query" and parameter.get("required") and parameter["name"] not in query:
            problems.append(f"missing query parameter {parameter['name']}")
    body = operation.get("requestBody")
    if body and body.get("required") and not request.content:
        problems.append("missing body")
    if body and request.content:
        schema = copy.deepcopy(body["content"]["application/json"]["schema"])
        schema = json.loads(json.dumps(schema).replace('"#/components', '"spec#/components'))
        validator = Draft7Validator(schema, registry=schema_registry)
        problems += [f"body: {error.message}" for error in validator.iter_errors(json.loads(request.content))]
    return problems


@pytest.mark.parametrize("complete", [False, True], ids=["required", "complete"])
@pytest.mark.parametrize("action", list(registry), ids=lambda a: a.name)
def test_the_spec_accepts_what_we_send(action, complete: bool) -> None:
    problems: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        problems.extend(validate_request(request, live=not action.legacy))
        return httpx.Response(200, json={"status": "success", "data": None})

    arguments = example_arguments(action.json_schema(), complete=complete)
    with Cal(api_key="k", client_id="c", client_secret="s", transport=httpx.MockTransport(handler)) as cal:
        result = cal.execute(action.name, arguments)
    assert result.successful, result.error
    assert not problems, problems


def test_the_mock_rejects_what_the_spec_rejects() -> None:
    wrong = httpx.Request("POST", "https://cal.test/v2/bookings", json={"start": 5}, headers={"cal-api-version": "x"})
    problems = validate_request(wrong, live=False)
    assert any("cal-api-version" in p for p in problems)
    assert any("body" in p for p in problems)
