"""Which tools a view offers: picking actions by name, preset, tag or search (one selection for every
view and the MCP server), leaving out what a policy refuses, and tool lists holding one tool per name.

Every view lists only what may run: a client's policy (or ``policy=`` for the views without a client)
leaves out the actions it would refuse (:func:`allowed_by`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, SupportsIndex, TypeVar

from cal_actions import router
from cal_actions.action import Action, Registry
from cal_actions.policy import Policy, check_policy, refusal
from cal_actions.router import RouterTool

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

#: Action names, aliases or ``Action`` objects; a lone name or action counts as one.
ActionNames = Iterable[Action | str] | Action | str | None
Tags = Iterable[str] | str | None
#: A preset name, or several (their union); ``"router"`` is the router's two tools.
Presets = Iterable[str] | str | None
#: What a view makes a tool of: an action, or one of the router's tools.
ToolSpec = Action | RouterTool


def selected_actions(
    cal: Cal | AsyncCal,
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
) -> list[ToolSpec]:
    """:func:`pick_actions` from the client's own registry, without what the client's policy refuses."""
    chosen = pick_actions(cal.registry, actions, preset=preset, tags=tags, search=search, k=k)
    return allowed_by(cal.config.policy, chosen)


def registry_actions(
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
    policy: Policy | None = None,
) -> list[ToolSpec]:
    """:func:`pick_actions` from the package's registry (for the views that need no client), without what
    ``policy`` refuses."""
    from cal_actions import registry

    return allowed_by(policy, pick_actions(registry, actions, preset=preset, tags=tags, search=search, k=k))


def allowed_by(policy: Policy | None, tools: list[ToolSpec]) -> list[ToolSpec]:
    """The tools ``policy`` lets run: a model is not offered an action every call of which would be refused
    (the refusal at call time stays, for names the model makes up). The router's tools stay: the action
    ``CAL_EXECUTE_ACTION`` names meets the policy when it runs."""
    check_policy(policy)
    return [tool for tool in tools if not isinstance(tool, Action) or refusal(tool, policy) is None]


def pick_actions(
    registry: Registry,
    actions: ActionNames = None,
    *,
    preset: Presets = None,
    tags: Tags = None,
    search: str | None = None,
    k: int = 5,
) -> list[ToolSpec]:
    """The union of the actions named, the presets, the tags and the ``k`` best search hits for
    ``search``, each once, in registry order, then the router's two tools when ``"router"`` is among
    the presets. The default agent set when none of them is given; an empty list of actions, or a
    search without hits, selects nothing."""
    from cal_actions.presets import PRESETS, select

    names = [_action_name(item) for item in _one_or_many(actions)]
    tags = [tags] if isinstance(tags, str) else list(tags or ())  # a lone string is one tag, not letters
    presets = [preset] if isinstance(preset, str) else list(preset or ())
    routed = [name for name in presets if name != router.PRESET]
    if unknown := [name for name in routed if name not in PRESETS]:
        raise ValueError(f"unknown preset {unknown[0]!r}; choose one of {', '.join([*PRESETS, router.PRESET])}")
    if search is not None:
        if not isinstance(search, str):
            raise TypeError(f"search must be one request as text, not {type(search).__name__}")
        if search.strip():  # a blank request has no hits here; registry.search refuses it as a mistake
            names += [action.name for action in registry.search(search, k)]
    chosen: list[ToolSpec] = list(router.ROUTER_TOOLS) if len(routed) < len(presets) else []
    if preset is None and not tags and not names:
        return [*select(registry)] if actions is None and search is None else []
    if not routed:
        return [*select(registry, tags=tags, actions=names), *chosen] if tags or names else chosen
    # Each preset keeps its own exclusions (the tags given are filtered by each, as with one preset).
    wanted = {action.name for name in routed for action in select(registry, preset=name, tags=tags, actions=names)}
    return [*(action for action in registry if action.name in wanted), *chosen]


def _one_or_many(actions: ActionNames) -> Iterable[Any]:
    if actions is None:
        return ()
    return [actions] if isinstance(actions, str | Action) else actions


def _action_name(item: Any) -> str:
    if isinstance(item, Action):
        return item.name
    if isinstance(item, str):
        return item
    raise TypeError(f"actions are given by name or as Action objects, not as {type(item).__name__}")


# --- tool lists ----------------------------------------------------------------------------

T = TypeVar("T")


def tool_name(tool: Any) -> str | None:
    """The name of a tool in any of the formats the adapters produce."""
    if isinstance(tool, Mapping):
        function = tool.get("function")
        return function.get("name") if isinstance(function, Mapping) else tool.get("name")
    name = getattr(tool, "name", None)
    return name if isinstance(name, str) else None


class ToolList(list[T], Generic[T]):
    """A list of tools holding one tool per name: APIs refuse a request that offers two tools of
    the same name. Building it, ``+``, ``+=``, ``extend``, ``append`` and ``insert`` keep the
    first tool of each name and leave out later ones, so two selections can be concatenated."""

    def __init__(self, tools: Iterable[T] = ()) -> None:
        super().__init__()
        self.extend(tools)

    def _new(self, tools: Iterable[T]) -> list[T]:
        taken = {tool_name(tool) for tool in self}
        fresh = []
        for tool in tools:
            name = tool_name(tool)
            if name is None or name not in taken:
                taken.add(name)
                fresh.append(tool)
        return fresh

    def extend(self, tools: Iterable[T]) -> None:
        super().extend(self._new(tools))

    def append(self, tool: T) -> None:
        self.extend([tool])

    def insert(self, index: SupportsIndex, tool: T) -> None:
        for fresh in self._new([tool]):
            super().insert(index, fresh)

    def __iadd__(self, tools: Iterable[T]) -> ToolList[T]:  # type: ignore[override]
        self.extend(tools)
        return self

    def __add__(self, tools: Iterable[T]) -> ToolList[T]:  # type: ignore[override]
        return merge_tools(self, tools)

    def __radd__(self, tools: Iterable[T]) -> ToolList[T]:
        # Called before list.__add__ when a plain list comes first, because ToolList subclasses list.
        return merge_tools(tools, self)


def merge_tools(*tool_lists: Iterable[T]) -> ToolList[T]:
    """One list of the tools of all lists, the first of each name kept."""
    merged: ToolList[T] = ToolList()
    for tools in tool_lists:
        merged.extend(tools)
    return merged


def tool_title(action: ToolSpec) -> str:
    """A human title from the name: ``CAL_CREATE_BOOKING`` → ``Create booking``."""
    words = action.name.removeprefix("CAL_").replace("_", " ").lower()
    return words[:1].upper() + words[1:]
