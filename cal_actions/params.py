"""Parameter models: the base every action's model derives from, and the machinery for what Cal.com
takes in exclusive forms (:class:`OneOf`), tagged unions, update twins and sensitive fields.

Validation happens here, before any request: a model refuses what Cal.com would refuse (unknown fields, a
boolean for a number, a mix of forms) with an error that names the field or the forms.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
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

__all__ = [
    "SENSITIVE",
    "Forms",
    "NoParams",
    "OneOf",
    "Params",
    "Sensitive",
    "all_optional",
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
