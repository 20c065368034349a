"""What the adapters share: picking actions, cleaning arguments, the envelope as text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cal_actions.action import Action, Registry
from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

ActionNames = Iterable[Action | str] | None


def selected_actions(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: str | None = None,
    tags: Iterable[str] | str | None = None,
) -> list[Action]:
    """The actions named, plus those of the preset and tags, from the client's own registry."""
    return pick_actions(cal.registry, actions, preset=preset, tags=tags)


def pick_actions(
    registry: Registry,
    actions: ActionNames = None,
    *,
    preset: str | None = None,
    tags: Iterable[str] | str | None = None,
) -> list[Action]:
    """The actions named, plus those of the preset and tags; everything when none of the three
    is given (an empty list of actions means none)."""
    from cal_actions.presets import select

    names = [action.name if isinstance(action, Action) else action for action in actions or ()]
    tags = [tags] if isinstance(tags, str) else list(tags or ())  # a lone string is one tag, not letters
    if actions is not None and not names and preset is None and not tags:
        return []
    return select(registry, preset=preset, tags=tags, actions=names)


def drop_nulls(value: Any) -> Any:
    """Remove ``null`` members at every depth.

    Models often send ``null`` for optional fields they mean to leave out; the parameter
    models treat optional as "absent", so a null would be rejected rather than ignored.
    """
    if isinstance(value, dict):
        return {key: drop_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [drop_nulls(item) for item in value]
    return value


def envelope_json(result: ActionResult) -> str:
    """The three-key envelope as JSON text, the form every model reads back from a tool."""
    return json.dumps(result.model_dump(), ensure_ascii=False, default=str)


def tool_title(action: Action) -> str:
    """A human title from the name: ``CAL_CREATE_BOOKING`` → ``Create booking``."""
    words = action.name.removeprefix("CAL_").replace("_", " ").lower()
    return words[:1].upper() + words[1:]
