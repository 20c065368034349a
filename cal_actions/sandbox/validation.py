"""Body validation with Cal.com-like 400s, reusing each action's parameter model.

The toolkit's models already encode what Cal.com accepts (required fields, enums, unknown
fields rejected), so the sandbox checks incoming bodies against the same declaration.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from cal_actions.action import OneOf, Params
from cal_actions.sandbox.errors import pipe_error, validation_error


def check(action_name: str, path_params: dict[str, str], query: Mapping[str, str], body: Any) -> None:
    """Validate a body (with the path and query fields the model also requires) against the action's model."""
    from cal_actions.actions import registry

    action = registry.get(action_name)
    if not isinstance(body, dict):
        raise validation_error(["request body must be a JSON object"])
    if action.route.body_map is not None:
        sent = {action.route.body_map: body}  # the body is one mapping with the caller's own keys
    else:
        body_fields = set(action.fields_in("body"))
        unknown = [f"property {name} should not exist" for name in body if name not in body_fields]
        if unknown:
            raise validation_error(unknown)
        sent = body
    queried = {name: query[name] for name in action.fields_in("query") if name in query}
    candidate = {**path_params, **queried, **sent}
    if issubclass(action.params, OneOf):
        raise_pipe_errors(action.params, candidate)
        return
    try:
        action.params.model_validate(candidate)
    except ValidationError as exc:
        raise validation_error(
            [_message(error) for error in exc.errors(include_url=False, include_input=False)]
        ) from None


def raise_pipe_errors(model: type[OneOf], candidate: dict[str, Any]) -> None:
    """Validate as Cal.com's input pipes do: the one form they pick, its problems joined in one message
    ("instant property is wrong,property instant should not exist ")."""
    try:
        form: type[Params] = model
        while issubclass(form, OneOf) and form.forms:
            form = form.form_of(candidate)
        form.model_validate(candidate)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        if errors[0]["type"] == "no_form":  # the server's own words, without our list of forms
            raise pipe_error(f"{errors[0]['msg'].split(';')[0]} ") from None
        parts = [f"{error['loc'][0]} property is wrong,{_message(error)} " for error in errors]
        raise pipe_error(", ".join(parts)) from None


def _message(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"] if not str(part).startswith("function-"))
    kind = error["type"]
    if kind == "missing":
        return f"{where} should not be empty"
    if kind == "extra_forbidden":
        return f"property {where} should not exist"
    return f"{where}: {error['msg'].lower()}"
