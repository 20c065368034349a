"""The shape of an answer, and where two shapes differ: pure functions for the differential test.

A shape keeps what does not depend on the data: an object's keys with their shapes, a list's item shape (the
items merged), a scalar's type. ``null`` and an empty list match anything of their kind, as they say only that
this answer had no value there; so does ``metadata``, a free-form map of the owner's own keys.
"""

from __future__ import annotations

import re
from typing import Any

Shape = Any  # "str" | "number" | "bool" | "null" | {"key": Shape} | [Shape] | []

FREE_FORM = frozenset({"metadata"})
_NUMBERS = re.compile(r"\d+")
# Booking and reservation uids, OAuth client ids: long tokens with a digit (not words such as NotFoundException).
_IDS = re.compile(r"\b(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{16,}\b")


def shape(value: Any) -> Shape:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, list):
        merged: Shape = "null"
        for item in value:
            merged = merge(merged, shape(item))
        return [] if not value else [merged]
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    return type(value).__name__


def merge(first: Shape, second: Shape) -> Shape:
    """One shape for two items of a list: keys of either, nulls giving way to a value."""
    if first == "null":
        return second
    if second == "null":
        return first
    if isinstance(first, dict) and isinstance(second, dict):
        return {key: merge(first.get(key, "null"), second.get(key, "null")) for key in sorted({*first, *second})}
    if isinstance(first, list) and isinstance(second, list):
        if not first or not second:
            return first or second
        return [merge(first[0], second[0])]
    return first if first == second else f"{_name(first)}|{_name(second)}"


def differences(sandbox: Shape, real: Shape, where: str = "data") -> list[str]:
    """Where the sandbox's shape departs from the real server's, as ``path: what`` lines."""
    if sandbox == "null" or real == "null" or sandbox == real:
        return []
    if isinstance(sandbox, dict) and isinstance(real, dict):
        found = [f"{where}.{key}: the sandbox lacks it" for key in sorted(set(real) - set(sandbox) - FREE_FORM)]
        found += [f"{where}.{key}: only the sandbox has it" for key in sorted(set(sandbox) - set(real) - FREE_FORM)]
        for key in sorted(set(sandbox) & set(real) - FREE_FORM):
            found += differences(sandbox[key], real[key], f"{where}.{key}")
        return found
    if isinstance(sandbox, list) and isinstance(real, list):
        return differences(sandbox[0], real[0], f"{where}[]") if sandbox and real else []
    return [f"{where}: {_name(sandbox)} in the sandbox, {_name(real)} on the server"]


def message(error: str | None) -> str | None:
    """An error with its ids and numbers blanked, so that two servers' messages compare."""
    if error is None:
        return None
    return _NUMBERS.sub("#", _IDS.sub("<id>", error))


def _name(value: Shape) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    return str(value)
