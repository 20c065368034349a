"""cal-actions: the Cal.com API v2 as typed, validated tools for LLM agents."""

from __future__ import annotations

import importlib

# Type checkers read this name as True; at run time it spares ``import typing`` (several ms).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from cal_actions.action import Action, Registry, Route
    from cal_actions.http.client import AsyncCal, Cal
    from cal_actions.result import ActionResult

    registry: Registry

__all__ = ["Action", "ActionResult", "AsyncCal", "Cal", "Registry", "Route", "registry"]
__version__ = "0.1.0"

# Public name → the module defining it. Nothing is imported until a name is first used:
# pydantic and httpx together take longer to import than the interpreter takes to start.
_LAZY = {
    "Action": "cal_actions.action",
    "Registry": "cal_actions.action",
    "Route": "cal_actions.action",
    "ActionResult": "cal_actions.result",
    "AsyncCal": "cal_actions.http.client",
    "Cal": "cal_actions.http.client",
    "registry": "cal_actions.actions",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cal_actions' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
