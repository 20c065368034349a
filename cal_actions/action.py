"""The action registry: each Cal.com action declared once, every other view derived from it.

An :class:`Action` joins a pydantic parameter model (what the caller may send) with a
:class:`Route` (how it travels over HTTP). Field placement is derived from the route:
path placeholders take their fields, GET and DELETE send every other field as query
parameters, and the remaining methods send them in the JSON body unless the route names
them in ``query``. A route whose body has no fixed names (a routing form's answers, keyed by
the form's own fields) names one mapping field ``body_map``: its mapping is the whole body.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cal_actions.errors import UnknownActionError
from cal_actions.params import (
    SENSITIVE,
    Forms,
    NoParams,
    OneOf,
    Params,
    all_optional,
    literal_discriminator,
    sensitive_values,
)
from cal_actions.versions import BOOKINGS_VERSION, EVENT_TYPES_VERSION, SCHEDULES_VERSION, SLOTS_VERSION

Method = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]
#: ``bearer``: API key or access token; ``platform``: OAuth client id and secret headers;
#: ``bearer_or_platform``: either (the bearer token when one is configured, since Cal.com lets the
#: client headers win and would then act as the platform's owner); ``client_secret``: the secret
#: header alone (token refresh); ``none``: public route.
AuthKind = Literal["bearer", "platform", "bearer_or_platform", "client_secret", "none"]
Location = Literal["path", "query", "body", "body_map"]

NAME_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PLACEHOLDER = re.compile(r"{(\w+)}")

__all__ = [
    "BOOKINGS_VERSION",
    "EVENT_TYPES_VERSION",
    "SCHEDULES_VERSION",
    "SENSITIVE",
    "SLOTS_VERSION",
    "Action",
    "Forms",
    "NoParams",
    "OneOf",
    "Params",
    "Registry",
    "Route",
    "all_optional",
    "declare",
    "example_line",
    "literal_discriminator",
    "sensitive_values",
]


@dataclass(frozen=True, slots=True)
class Route:
    method: Method
    path: str
    version: str | None = None
    auth: AuthKind = "bearer"
    #: Non-path fields sent as query parameters on a method that has a body.
    query: frozenset[str] = frozenset()
    #: The mapping field sent as the whole JSON body; every other non-path field must be in ``query``.
    body_map: str | None = None

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(PLACEHOLDER.findall(self.path))

    @property
    def has_body(self) -> bool:
        return self.method in ("POST", "PUT", "PATCH")


@dataclass(frozen=True)
class Action:
    name: str
    description: str
    params: type[Params]
    route: Route
    tags: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    read_only: bool = False
    destructive: bool = False
    idempotent: bool = False
    #: Why a hint departs from what the method implies (see :func:`method_hints`); shown in the catalogue.
    hints_note: str | None = None
    #: HTTP status → what the caller can do, for answers Cal.com gives where the request is not
    #: really at fault (a 500 for an unknown id); appended to that answer's error.
    error_hints: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    #: Wire name → location, computed once at registration.
    placement: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)
    #: Worked example calls, as argument dicts with the wire names a model sends: the typical call, and one per
    #: commonly used form where the parameters come in exclusive forms. Read them through :meth:`example_calls`
    #: (copies); the views that show them (Anthropic's ``input_examples``, the CLI, the catalogue) do.
    examples: tuple[dict[str, Any], ...] = field(default=(), compare=False, repr=False)

    @property
    def method(self) -> Method:
        return self.route.method

    @property
    def path(self) -> str:
        return self.route.path

    @property
    def legacy(self) -> bool:
        return "legacy" in self.tags

    @property
    def open_world(self) -> bool:
        """Whether a call reaches beyond this process (MCP's ``openWorldHint``): every action calls Cal.com."""
        return True

    def json_schema(self) -> dict[str, Any]:
        from cal_actions.schema import parameters_schema

        return parameters_schema(self.params)

    def tool_schema(self) -> dict[str, Any]:
        """The schema tool APIs take: :meth:`json_schema` with any exclusive forms folded into one object."""
        from cal_actions.schema import tool_schema

        return tool_schema(self.params)

    def tool_description(self) -> str:
        """The description tools are offered with: :attr:`description`, then every way to call, should the
        parameters come in exclusive forms (the forms :meth:`tool_schema` folded away)."""
        from cal_actions.schema import forms_sentence

        return " ".join(filter(None, [self.description, forms_sentence(self.params)]))

    def example_calls(self) -> list[dict[str, Any]]:
        """Copies of :attr:`examples`, for a view to hand out without exposing the declaration's own dicts."""
        return copy.deepcopy(list(self.examples))

    def fields_in(self, location: Location) -> tuple[str, ...]:
        return tuple(name for name, where in self.placement.items() if where == location)


def method_hints(method: Method) -> dict[str, bool]:
    """The hints an HTTP method implies, in MCP's meaning.

    read-only: changes nothing. Destructive: may overwrite or remove existing state (every update
    replaces values, every delete removes); a create only adds. Idempotent: repeating the same call
    has no further effect.
    """
    return {
        "read_only": method == "GET",
        "destructive": method in ("PUT", "PATCH", "DELETE"),
        "idempotent": method in ("GET", "PUT", "PATCH", "DELETE"),
    }


def declare(
    name: str,
    *,
    description: str,
    params: type[Params],
    route: Route,
    tags: tuple[str, ...],
    aliases: tuple[str, ...] = (),
    read_only: bool | None = None,
    destructive: bool | None = None,
    idempotent: bool | None = None,
    hints_note: str | None = None,
    error_hints: dict[int, str] | None = None,
    examples: tuple[dict[str, Any], ...] = (),
) -> Action:
    """Build an action; hints follow the HTTP method unless given explicitly, and an explicit hint
    that departs from the method's needs ``hints_note`` saying why. ``error_hints`` say, per HTTP
    status, what the caller can do when Cal.com answers it although the request is well formed.
    ``examples`` are worked calls (a tuple of argument dicts); each names only the action's wire names
    here, and the tests validate each against the parameter model and the tool schemas."""
    implied = method_hints(route.method)
    given = {"read_only": read_only, "destructive": destructive, "idempotent": idempotent}
    hints = {hint: implied[hint] if value is None else value for hint, value in given.items()}
    if hints != implied and not hints_note:
        raise ValueError(f"{name}: hints differ from what {route.method} implies; say why in hints_note")
    if hints["read_only"] and hints["destructive"]:
        raise ValueError(f"{name}: an action cannot be both read-only and destructive")
    placement = _placement(name, params, route)
    return Action(
        name=name,
        description=description,
        params=params,
        route=route,
        tags=tags,
        aliases=aliases,
        hints_note=hints_note,
        error_hints=dict(error_hints or {}),
        placement=placement,
        examples=_examples(name, examples, placement),
        **hints,
    )


def example_line(example: Mapping[str, Any]) -> str:
    """An example call as one line of JSON, as the CLI and the catalogue show it."""
    return json.dumps(example, ensure_ascii=False)


def _examples(name: str, examples: Any, placement: dict[str, Location]) -> tuple[dict[str, Any], ...]:
    """The examples, after the checks that cost nothing at import: a tuple of dicts (``({...})`` without its
    comma is one dict) naming only the action's fields."""
    if not isinstance(examples, tuple) or not all(isinstance(example, dict) for example in examples):
        raise ValueError(f"{name}: examples must be a tuple of argument dicts, e.g. ({{...}},)")
    for example in examples:
        if unknown := sorted(set(example) - set(placement)):
            raise ValueError(f"{name}: an example names fields the action does not have: {unknown}")
    return examples


def _placement(name: str, params: type[Params], route: Route) -> dict[str, Location]:
    placement: dict[str, Location] = {}
    wire_names: set[str] = set()
    for field_name, info in params.model_fields.items():
        wire = info.alias or field_name
        if wire in wire_names:
            raise ValueError(f"{name}: two fields share the wire name {wire!r}")
        wire_names.add(wire)
        if wire in route.placeholders:
            if not info.is_required():
                raise ValueError(f"{name}: path field {wire!r} must be required")
            placement[wire] = "path"
        elif route.body_map is not None and wire == route.body_map:
            placement[wire] = "body_map"
        elif not route.has_body or wire in route.query:
            placement[wire] = "query"
        else:
            placement[wire] = "body"
    missing = set(route.placeholders) - wire_names
    if missing:
        raise ValueError(f"{name}: path placeholders without a field: {sorted(missing)}")
    unknown_query = route.query - wire_names
    if unknown_query:
        raise ValueError(f"{name}: route names unknown query fields: {sorted(unknown_query)}")
    if route.body_map is not None:
        if not route.has_body or route.body_map not in wire_names:
            raise ValueError(f"{name}: body_map {route.body_map!r} must be a field of a route with a body")
        if "body" in placement.values():
            raise ValueError(f"{name}: the body is the {route.body_map!r} mapping; other fields must go in query")
    return placement


class Registry:
    """Actions by name and alias. Checks its own invariants as actions are added."""

    def __init__(self, actions: list[Action] | tuple[Action, ...] = ()) -> None:
        self._actions: dict[str, Action] = {}
        self._lookup: dict[str, Action] = {}
        for action in actions:
            self.add(action)

    def add(self, action: Action) -> None:
        for key in (action.name, *action.aliases):
            if not NAME_PATTERN.match(key):
                raise ValueError(f"invalid action name or alias {key!r}")
            if key.upper() in self._lookup:
                raise ValueError(f"duplicate action name or alias {key!r}")
            self._lookup[key.upper()] = action
        self._actions[action.name] = action

    def get(self, name_or_alias: str) -> Action:
        if not isinstance(name_or_alias, str):
            raise UnknownActionError(name_or_alias)
        action = self._lookup.get(name_or_alias.strip().upper())
        if action is None:
            raise UnknownActionError(name_or_alias, self.closest(name_or_alias))
        return action

    def closest(self, name: str, n: int = 3) -> tuple[str, ...]:
        """Names of the actions whose names or aliases look most like ``name``, for "did you mean"."""
        wanted = re.sub(r"[\s-]+", "_", name.strip()).upper()
        if not wanted.startswith("CAL_"):
            wanted = "CAL_" + wanted
        found = difflib.get_close_matches(wanted, self._lookup, n=n * 2, cutoff=0.75)
        return tuple(dict.fromkeys(self._lookup[key].name for key in found))[:n]

    def __contains__(self, name_or_alias: object) -> bool:
        return isinstance(name_or_alias, str) and name_or_alias.strip().upper() in self._lookup

    def __iter__(self) -> Iterator[Action]:
        return iter(self._actions.values())

    def __len__(self) -> int:
        return len(self._actions)

    def with_tag(self, tag: str) -> list[Action]:
        return [action for action in self if tag in action.tags]

    def tags(self) -> list[str]:
        """Every tag some action carries, sorted."""
        return sorted({tag for action in self for tag in action.tags})

    def search(self, query: str, k: int = 5) -> list[Action]:
        """The ``k`` actions that best fit a natural-language request, best first (offline, no model).

        A query that is not a string or a ``k`` that is not an integer raises ``TypeError``; an empty or blank query,
        or ``k < 1``, raises ``ValueError``. See :mod:`cal_actions.search`.
        """
        from cal_actions.search import search  # imported on first use: the registry does not need the search

        return search(self, query, k)
