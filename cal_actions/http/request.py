"""Pure request building: (action, arguments, config) → ``httpx.Request``. No I/O."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from cal_actions import __version__
from cal_actions.action import Action, Params
from cal_actions.config import ClientConfig
from cal_actions.errors import InvalidInputError, MissingCredentialsError
from cal_actions.http.redact import redacted_headers
from cal_actions.versions import version_to_send

USER_AGENT = f"cal-actions/{__version__}"


class Declared(Protocol):
    """What validation needs of a tool: an action, or one of the router's tools."""

    @property
    def name(self) -> str: ...

    @property
    def params(self) -> type[Params]: ...


def parse_arguments(action: Declared, arguments: Mapping[str, Any] | str | None) -> Params:
    """Validate arguments (a mapping or a JSON object string) against the tool's model."""
    if arguments is None or arguments == "":
        arguments = {}
    if isinstance(arguments, str | bytes):
        try:
            arguments = json.loads(arguments)
        except ValueError as exc:
            raise InvalidInputError(f"arguments are not valid JSON: {exc}") from None
        except RecursionError:  # the parser gives up on arrays or objects nested about a thousand deep
            raise InvalidInputError("arguments are not valid JSON: nested too deeply") from None
    if not isinstance(arguments, Mapping):
        raise InvalidInputError(f"arguments must be a JSON object, not {json_kind(arguments)}")
    try:
        return action.params.model_validate(dict(arguments))
    except ValidationError as exc:
        raise InvalidInputError(f"invalid arguments for {action.name}: {describe_errors(exc)}") from None


def json_kind(value: Any) -> str:
    """What a value is, in JSON's terms when it has them (``null``, an array…): a model writes JSON."""
    if value is None:
        return "null"
    kinds = ((bool, "a boolean"), (int | float, "a number"), (str | bytes, "a string"), (list | tuple, "an array"))
    return next((kind for types, kind in kinds if isinstance(value, types)), type(value).__name__)


def describe_errors(exc: ValidationError) -> str:
    """One clause per problem, naming the field by its path; input values are left out."""
    clauses = []
    for error in exc.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in error["loc"]) or "arguments"
        message = "unknown field" if error["type"] == "extra_forbidden" else error["msg"].removeprefix("Value error, ")
        clauses.append(f"{where}: {message}")
    return "; ".join(clauses)


def build_request(action: Action, params: Params, config: ClientConfig) -> httpx.Request:
    """The request for validated ``params``; values no request can carry are input errors, not crashes."""
    try:
        return _build(action, params, config)
    except (ValueError, httpx.InvalidURL) as error:
        # Lone surrogates, NaN or infinity pass JSON parsing and validation but cannot be encoded.
        raise InvalidInputError(f"invalid arguments for {action.name}: {_encoding_problem(error)}") from None


def _encoding_problem(error: Exception) -> str:
    if isinstance(error, UnicodeError):
        return "text that cannot be encoded as UTF-8 (lone surrogate)"
    if isinstance(error, httpx.InvalidURL):
        return "a value that makes the URL invalid"
    return "a value JSON cannot carry (NaN or infinity)"


def _build(action: Action, params: Params, config: ClientConfig) -> httpx.Request:
    route = action.route
    # PATCH sends only what the caller set; other methods also send declared defaults.
    values = params.model_dump(
        mode="json",
        by_alias=True,
        exclude_unset=route.method == "PATCH",
        exclude_none=True,
    )
    path_values = {}
    query: dict[str, str] = {}
    body: dict[str, Any] = {}
    for wire, where in action.placement.items():
        if wire not in values:
            continue
        value = values[wire]
        if where == "path":
            path_values[wire] = path_segment(wire, value)
        elif where == "query":
            query.update(query_items(wire, value))
        elif where == "body_map":
            body.update(value)
        else:
            body[wire] = value
    # Requests are built here, not by the httpx client, so its default headers are not added:
    # ask for compressed bodies explicitly (httpx decodes them).
    headers = {"accept": "application/json", "accept-encoding": "gzip, deflate", "user-agent": USER_AGENT}
    if route.version:
        headers["cal-api-version"] = version_to_send(route.version, config.api_versions)
    headers.update(auth_headers(route.auth, config))
    return httpx.Request(
        route.method,
        config.base_url + route.path.format(**path_values),
        params=query or None,  # an empty mapping still costs httpx a merge of the URL's query
        json=body if route.has_body else None,
        headers=headers,
    )


def path_segment(name: str, value: Any) -> str:
    """Percent-encode a value as exactly one path segment, so no id can reach another route."""
    text = str(value)
    if not text.strip():
        raise InvalidInputError(f"{name}: must not be empty")
    encoded = quote(text, safe="")
    if encoded in (".", ".."):
        encoded = encoded.replace(".", "%2E")
    return encoded


def query_items(name: str, value: Any) -> dict[str, str]:
    """One query field as parameters. A list of objects uses the bracket form Cal.com's server
    parses into a list (``name[0][key]=…``); other lists are comma-separated."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return {
            f"{name}[{index}][{key}]": query_value(inner)
            for index, item in enumerate(value)
            for key, inner in item.items()
        }
    return {name: query_value(value)}


def query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # Cal.com reads list filters as comma-separated values
        return ",".join(query_value(item) for item in value)
    return str(value)


def describe_request(request: httpx.Request) -> dict[str, Any]:
    """What a dry run returns: the request that would be sent, credentials masked."""
    body = json.loads(request.content) if request.content else None
    return {
        "method": request.method,
        "url": str(request.url),
        "headers": redacted_headers(request.headers),
        "json": body,
    }


def auth_headers(kind: str, config: ClientConfig) -> dict[str, str]:
    """The credentials a route needs; a missing one fails here rather than as a 401."""
    if kind == "bearer_or_platform":
        if config.bearer_token or not (config.client_id and config.client_secret):
            try:
                return auth_headers("bearer", config)
            except MissingCredentialsError:
                raise MissingCredentialsError(
                    "this action needs api_key (CAL_API_KEY) or access_token (CAL_ACCESS_TOKEN), "
                    "or client_id and client_secret (CAL_CLIENT_ID, CAL_CLIENT_SECRET)"
                ) from None
        kind = "platform"
    if kind == "bearer":
        if not config.bearer_token:
            raise MissingCredentialsError("this action needs api_key (CAL_API_KEY) or access_token (CAL_ACCESS_TOKEN)")
        return {"authorization": f"Bearer {config.bearer_token}"}
    if kind in ("platform", "client_secret"):
        if not config.client_secret or (kind == "platform" and not config.client_id):
            needed = "client_id and client_secret" if kind == "platform" else "client_secret"
            raise MissingCredentialsError(f"this action needs {needed} (CAL_CLIENT_ID, CAL_CLIENT_SECRET)")
        headers = {"x-cal-secret-key": config.client_secret}
        if config.client_id:
            headers["x-cal-client-id"] = config.client_id
        return headers
    return {}
