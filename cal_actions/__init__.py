"""cal-actions: the Cal.com API v2 as typed, validated tools for LLM agents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cal_actions.action import Action, Registry, Route
from cal_actions.http.client import AsyncCal, Cal
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    registry: Registry

__all__ = ["Action", "ActionResult", "AsyncCal", "Cal", "Registry", "Route", "registry"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The declarations load on first use, keeping ``import cal_actions`` light.
    if name == "registry":
        from cal_actions.actions import registry

        return registry
    raise AttributeError(f"module 'cal_actions' has no attribute {name!r}")
