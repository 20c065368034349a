"""Tool definitions in the Anthropic Messages format (``name``, ``description``, ``input_schema``).

Anthropic accepts full JSON Schema, so the action's own schema goes as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cal_actions.adapters.openai import ActionsArg, resolve_actions


def anthropic_tools(
    actions: ActionsArg = None, *, preset: str | None = None, tags: Iterable[str] = ()
) -> list[dict[str, Any]]:
    return [
        {"name": action.name, "description": action.description, "input_schema": action.json_schema()}
        for action in resolve_actions(actions, preset=preset, tags=tags)
    ]
