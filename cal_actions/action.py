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
import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, TypeVar, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    GetJsonSchemaHandler,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError

from cal_actions.errors import UnknownActionError
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


class Params(BaseModel):
    """Base of every parameter model: unknown fields are errors, schemas are built lazily.

    Coercion stays lax where it cannot change which resource is acted on ("42" for an id of 42,
    42 for a string uid) and is refused where it can: a boolean is never a number (pydantic
    would read ``true`` as the id 1).
    """

    # Models send ids as numbers or strings interchangeably; accept both where a string is declared.
    model_config = ConfigDict(extra="forbid", defer_build=True, coerce_numbers_to_str=True)

    @model_validator(mode="before")
    @classmethod
    def _prepare(cls, data: Any) -> Any:
        """Field checks before pydantic's own, at model level so that a field may be a union's
        discriminator: a boolean is refused where a number is wanted, and a map field also takes
        its entries as ``[{"key": …, "value": …}]`` (how strict-mode tools send maps, since strict
        JSON Schema cannot describe an object with open keys)."""
        if not isinstance(data, dict):
            return data
        prepared = data
        wrong: list[InitErrorDetails] = []
        for name, value in data.items():
            if type(value) not in (bool, list):  # only booleans and lists need a look
                continue
            info = cls.__pydantic_fields__.get(name) if isinstance(name, str) else None
            if info is None:
                continue
            if _holds_bool(value) and _numeric(info):
                wrong.append({"type": _BOOLEAN_NUMBER, "loc": (name,), "input": value})
            elif _is_pairs(value) and _map_annotation(info.annotation):  # type: ignore[arg-type]  # hashable forms
                prepared = {**prepared, name: {item["key"]: item["value"] for item in value}}
        if wrong:
            raise ValidationError.from_exception_data(cls.__name__, wrong)
        return prepared


_BOOLEAN_NUMBER = PydanticCustomError("boolean_number", "a boolean is not a number here")


def _is_pairs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) and set(item) == {"key", "value"} for item in value)


@functools.cache
def _map_annotation(annotation: Any) -> bool:
    """Whether the type is a map (``dict[str, …]``, optionally ``| None``)."""
    if get_origin(annotation) is dict:
        return True
    arguments = get_args(annotation)
    if get_origin(annotation) is Annotated:
        return _map_annotation(arguments[0])
    return type(None) in arguments and any(_map_annotation(argument) for argument in arguments)


def _holds_bool(value: Any) -> bool:
    return isinstance(value, bool) or (isinstance(value, list) and any(isinstance(item, bool) for item in value))


@functools.cache
def _numeric_annotation(annotation: Any) -> bool:
    """Whether the type takes numbers but not booleans (``int``, ``float``, ``list[int]``, ``int | None``…)."""
    if annotation is bool:
        return False
    if annotation in (int, float):
        return True
    arguments = get_args(annotation)
    if get_origin(annotation) is Literal:
        return all(isinstance(a, int | float) and not isinstance(a, bool) for a in arguments)
    if bool in arguments:
        return False
    return any(_numeric_annotation(argument) for argument in arguments)


def _numeric(info: FieldInfo) -> bool:
    annotation: Any = info.annotation  # a type form, hashable at run time
    return annotation is not None and _numeric_annotation(annotation)


class Sensitive:
    """Field metadata for a secret argument (``Annotated[str, SENSITIVE]``): every call masks its value in
    the answer, the error and the dry run, as it masks the client's own credentials. Tool schemas do not
    carry the mark; say it in the description."""

    def __repr__(self) -> str:
        return "SENSITIVE"


SENSITIVE = Sensitive()


def sensitive_values(params: BaseModel) -> set[str]:
    """The values of ``params``' sensitive fields, in nested models and lists too."""
    found: set[str] = set()
    if not _may_hold_secrets(type(params)):
        return found
    for name, info in type(params).model_fields.items():
        value = getattr(params, name)
        if SENSITIVE in info.metadata and isinstance(value, str):
            found.add(value)
        for item in value if isinstance(value, list) else (value,):
            if isinstance(item, BaseModel):
                found |= sensitive_values(item)
    return found


@functools.cache
def _may_hold_secrets(model: type[BaseModel]) -> bool:
    """Whether a model or a model inside it has a sensitive field; most have none, so calls skip the walk."""
    return any(
        SENSITIVE in info.metadata or any(_may_hold_secrets(inner) for inner in _models_in(info.annotation))
        for info in model.model_fields.values()
    )


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in _models_in(argument)]


class NoParams(Params):
    pass  # for actions that take no arguments


def literal_discriminator(key: str, *models: type[Params]) -> Discriminator:
    """Pick a union member by its ``Literal`` field ``key`` (one or more values per member); each member is
    tagged with its class name: ``Annotated[Annotated[A, Tag("A")] | Annotated[B, Tag("B")], literal_discriminator(
    "type", A, B)]``. A callable, so that a wrong or missing tag is refused in one line naming the allowed values."""
    owner = {value: model.__name__ for model in models for value in get_args(model.model_fields[key].annotation)}

    def tag(data: Any) -> str | None:
        value = data.get(key) if isinstance(data, dict) else getattr(data, key, None)
        return owner.get(value) if isinstance(value, str) else None

    allowed = ", ".join(owner)
    return Discriminator(tag, custom_error_type="union_tag", custom_error_message=f"{key} must be one of {allowed}")


ParamsType = TypeVar("ParamsType", bound=type[Params])


def all_optional(model: ParamsType) -> ParamsType:
    """Class decorator: the same fields with none required, the update twin of a create model.

    ``@all_optional class UpdateFields(CreateFields): ...`` keeps a real class (type checkers and
    subclasses see it) while every inherited field becomes optional.
    """
    for name, info in list(model.__pydantic_fields__.items()):
        # Defaults go too: an update sends only what the caller set.
        relaxed = FieldInfo.merge_field_infos(info, default=None)
        relaxed.annotation = info.annotation | None  # type: ignore[operator,assignment]
        model.__pydantic_fields__[name] = relaxed
    model.model_rebuild(force=True)
    return model


#: A model's exclusive forms, by name.
Forms = dict[str, type[Params]]


class OneOf(Params):
    """Parameters Cal.com takes in exclusive forms, each a :class:`Params` model of its own.

    A subclass names its forms in ``forms`` and says in :meth:`pick` which form Cal.com reads an
    input as (its input pipes decide from the fields present, before validating that one form).
    The subclass's own fields are derived: every field of every form, required where all forms
    require it, so placement and the request builder see one flat model. Validation checks the
    input against the picked form (a field of another form is unknown there) and names the forms
    when it fails; the JSON schema is that flat object plus ``anyOf`` of the forms.
    """

    forms: ClassVar[Forms] = {}
    #: What Cal.com answers when an input fits no form (the local error leads with it too).
    unmatched: ClassVar[str] = "these arguments fit none of the forms"

    @classmethod
    def pick(cls, data: Mapping[str, Any]) -> str | None:
        """The name of the form Cal.com would read ``data`` as; ``None`` when it fits none."""
        raise NotImplementedError

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.forms:
            cls.__pydantic_fields__ = _merged_fields(cls.forms)
            cls.model_rebuild(force=True)

    @classmethod
    def form_of(cls, data: Mapping[str, Any]) -> type[Params]:
        """The form model ``data`` is read as; a validation error naming the forms when none fits."""
        name = cls.pick(data)
        if name is None:
            raise _form_error(cls, data, [], f"{cls.unmatched}; give exactly one of: {cls.forms_summary()}", "no_form")
        return cls.forms[name]

    @classmethod
    def forms_summary(cls) -> str:
        return " | ".join(_first_line(form) for form in cls.forms.values())

    @model_validator(mode="wrap")
    @classmethod
    def _one_form(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        if not cls.forms or not isinstance(data, Mapping):
            return handler(data)
        form = cls.form_of(data)
        try:
            valid = form.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            if not any(cls._explains(form, error) for error in errors):
                raise
            hint = f"read as {_first_line(form)}; give exactly one of: {cls.forms_summary()}"
            raise _form_error(cls, data, _details(errors), hint) from None
        # The form's values are valid for the flat model too (its fields are the forms' fields, relaxed):
        # taken as they are, rather than validated a second time.
        values = {name: getattr(valid, name) for name in type(valid).__pydantic_fields__}
        return cls.model_construct(_fields_set=set(valid.model_fields_set), **values)

    @classmethod
    def _explains(cls, form: type[Params], error: Any) -> bool:
        """Whether the choice between these forms explains the error: a field of another form given,
        or a field only this form requires missing."""
        if len(error["loc"]) != 1:
            return False
        name = error["loc"][0]
        if error["type"] == "extra_forbidden":
            return name in cls.__pydantic_fields__ and name not in form.__pydantic_fields__
        return error["type"] == "missing" and not cls.__pydantic_fields__[name].is_required()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        result = handler(schema)
        if cls.forms:
            target = handler.resolve_ref_schema(result)
            # Each form through its own hook, so a form with forms of its own shows them too.
            target["anyOf"] = [
                form.__get_pydantic_json_schema__(form.__pydantic_core_schema__, handler) for form in cls.forms.values()
            ]
        return result


def _merged_fields(forms: dict[str, type[Params]]) -> dict[str, FieldInfo]:
    """Every field of every form: required where each form requires it, else optional (``None``)."""
    merged: dict[str, FieldInfo] = {}
    for form in forms.values():
        for name, info in form.__pydantic_fields__.items():
            if name in merged:
                continue
            variants = [model.__pydantic_fields__.get(name) for model in forms.values()]
            if all(v is not None and v.is_required() for v in variants):
                merged[name] = info
                continue
            annotations = tuple(dict.fromkeys(v.annotation for v in variants if v is not None))
            relaxed = FieldInfo.merge_field_infos(info, default=None)
            relaxed.annotation = Union[(*annotations, None)]  # type: ignore[assignment]
            merged[name] = relaxed
    return merged


def _first_line(model: type[BaseModel]) -> str:
    return (model.__doc__ or model.__name__).strip().splitlines()[0].rstrip(".")


def _details(errors: list[Any]) -> list[InitErrorDetails]:
    """A form's errors, kept with their field paths, types and messages."""
    return [
        {"type": PydanticCustomError(e["type"], e["msg"].replace("{", "{{").replace("}", "}}")), "loc": e["loc"],
         "input": e["input"]}
        for e in errors
    ]  # fmt: skip


def _form_error(
    model: type[BaseModel], data: Any, details: list[InitErrorDetails], hint: str, kind: str = "wrong_form"
) -> ValidationError:
    note = PydanticCustomError(kind, hint.replace("{", "{{").replace("}", "}}"))
    return ValidationError.from_exception_data(model.__name__, [*details, {"type": note, "loc": (), "input": data}])


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
