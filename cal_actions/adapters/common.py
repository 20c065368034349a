"""What the adapters share once their tools are chosen (:mod:`cal_actions.adapters.selection`): arguments
as a model sends them, running a batch of tool calls, and what a model reads of a result.

Every executor runs only what was offered:
given the tools the model was offered, a call to any other name is refused and nothing is sent
(:func:`offered_names`, :func:`not_offered`).

Every model-facing path (OpenAI, Anthropic, LangChain, MCP) turns a result into what the model reads
here, with :func:`model_envelope` and :func:`envelope_json`: compact by default
(:mod:`cal_actions.compact`), the raw envelope with ``compact=False``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from cal_actions import router
from cal_actions.action import Registry
from cal_actions.adapters.selection import ToolSpec, tool_name
from cal_actions.compact import compact_json, compact_result
from cal_actions.errors import InvalidInputError
from cal_actions.result import ActionResult
from cal_actions.router import RouterTool

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

# --- arguments -----------------------------------------------------------------------------


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


def model_arguments(raw: Any) -> Any:
    """Arguments as a model sent them, made ready for ``execute``: JSON text is parsed and an object
    loses its nulls. Anything else (bad JSON, an array, a number) goes on unchanged, so that
    ``execute`` rejects it in the same words as for any caller."""
    value = raw
    if isinstance(raw, str | bytes):
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            return raw
    if not isinstance(value, Mapping):
        return raw
    try:
        return drop_nulls(dict(value))
    except RecursionError:  # absurdly deep: validation rejects it anyway, with or without its nulls
        return value


# --- running the model's tool calls --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToolCall:
    """One call as the model made it, read from any framework's format.

    A call with a ``problem`` is malformed: it is answered with that error and never run.
    """

    id: str
    name: str
    arguments: Any = None
    problem: str | None = None


def read_call(position: int, call_id: Any, name: Any, arguments: Any, problem: str | None = None) -> ToolCall:
    """Check what every call needs: an id to answer to and a tool name.

    A call without an id is not run (its outcome could not be matched to it); it is answered
    under the id ``missing_id_<position>`` (1-based position in the list the model gave), with
    an envelope that says so.
    """
    named = f" ({name})" if isinstance(name, str) and name else ""
    if not isinstance(call_id, str) or not call_id:
        missing = f"tool call #{position}{named} has no id, so its result cannot be matched to it; it was not run"
        return ToolCall(f"missing_id_{position}", "", problem=missing)
    if problem is not None:
        return ToolCall(call_id, "", problem=problem)
    if not isinstance(name, str) or not name.strip():
        return ToolCall(call_id, "", problem=f"tool call #{position} names no tool; call one of the tools offered")
    return ToolCall(call_id, name, arguments)


def as_mapping(entry: Any) -> Mapping[str, Any] | None:
    """A framework's pydantic object or a dict as a mapping; ``None`` for anything else."""
    if isinstance(entry, Mapping):
        return entry
    if isinstance(entry, BaseModel):
        # The SDKs build their objects without validation, so a malformed call holds values of the
        # wrong type; reading it back must not warn about that.
        return entry.model_dump(warnings=False)
    return None


def member(source: Any, key: str, default: Any = None) -> Any:
    """``source[key]`` for a mapping, ``source.key`` for an object."""
    if isinstance(source, Mapping):
        return source.get(key, default)
    return getattr(source, key, default)


def has_member(source: Any, key: str) -> bool:
    return key in source if isinstance(source, Mapping) else hasattr(source, key)


def listed(value: Any, what: str) -> list[Any]:
    """A list the SDK gives (``None`` when absent)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    raise TypeError(f"{what} must be a list, not {type(value).__name__}")


def tool_step(registry: Registry, name: str, arguments: Any) -> router.Step:
    """What one tool call does: a router tool answers (a search) or names the action to run and its
    arguments; any other name is the action of that name, called directly. Either way an action runs
    through ``execute``, so the router's calls are validated, guarded and retried as direct ones."""
    tool = router.router_tool(name)
    if tool is None:
        return name, model_arguments(arguments)
    from cal_actions.http.request import parse_arguments

    try:
        params = parse_arguments(tool, model_arguments(arguments))
    except InvalidInputError as error:
        return ActionResult.failure(str(error))
    step = tool.run(registry, params)
    return step if isinstance(step, ActionResult) else (step[0], model_arguments(step[1]))


def execute_tool(cal: Cal, name: str, arguments: Any) -> ActionResult:
    """Run one tool call, an action's or the router's: what every view does with a call."""
    step = tool_step(cal.registry, name, arguments)
    return step if isinstance(step, ActionResult) else cal.execute(*step)


async def aexecute_tool(cal: Cal | AsyncCal, name: str, arguments: Any) -> ActionResult:
    """The async twin of :func:`execute_tool`."""
    step = tool_step(cal.registry, name, arguments)
    return step if isinstance(step, ActionResult) else await aexecute(cal, *step)


#: The tools a model was offered: the list a view returned, tool dicts of any format, tool objects or names.
Offered = Iterable[Any] | str | None


def offered_names(registry: Registry, tools: Offered) -> frozenset[str] | None:
    """The names of the tools offered, an alias as its action's name; ``None`` (no list given): any action."""
    if tools is None:
        return None
    names = set()
    for tool in [tools] if isinstance(tools, str) else tools:
        name = tool if isinstance(tool, str) else tool_name(tool)
        if name is None:
            raise TypeError(f"tools must be the tools offered (as a view returned them) or their names, not {tool!r}")
        names.add(_canonical(registry, name))
    return frozenset(names)


def not_offered(registry: Registry, name: Any, offered: AbstractSet[str] | None) -> ActionResult | None:
    """The refusal of a call to a tool the model was not offered (made up, or planted in what it read)."""
    if offered is None or (isinstance(name, str) and _canonical(registry, name) in offered):
        return None
    return ActionResult.failure(f"{name} was not offered to the model; nothing was sent")


def _canonical(registry: Registry, name: str) -> str:
    return registry.get(name).name if name in registry else name


def run_calls(cal: Cal, calls: list[ToolCall], tools: Offered = None) -> list[ActionResult]:
    """Run each call in the model's order through :func:`execute_tool`; with ``tools``, only calls to those."""
    offered = offered_names(cal.registry, tools)
    return [_refusal(call, cal.registry, offered) or execute_tool(cal, call.name, call.arguments) for call in calls]


async def arun_calls(cal: Cal | AsyncCal, calls: list[ToolCall], tools: Offered = None) -> list[ActionResult]:
    """The async twin. Read-only batches run concurrently; any write keeps the model's order."""
    import anyio

    offered = offered_names(cal.registry, tools)
    if not all(_writes_nothing(cal.registry, call) for call in calls):
        return [await _arun_call(cal, call, offered) for call in calls]
    results: list[ActionResult | None] = [None] * len(calls)

    async def run(index: int) -> None:
        results[index] = await _arun_call(cal, calls[index], offered)

    async with anyio.create_task_group() as group:
        for index in range(len(calls)):
            group.start_soon(run, index)
    return cast("list[ActionResult]", results)


async def _arun_call(cal: Cal | AsyncCal, call: ToolCall, offered: AbstractSet[str] | None) -> ActionResult:
    return _refusal(call, cal.registry, offered) or await aexecute_tool(cal, call.name, call.arguments)


async def aexecute(cal: Cal | AsyncCal, name: str, arguments: Any) -> ActionResult:
    """``execute`` from async code with either client; a ``Cal`` runs in a worker thread."""
    import functools

    import anyio

    from cal_actions.http.client import AsyncCal

    if isinstance(cal, AsyncCal):
        return await cal.execute(name, arguments)
    return await anyio.to_thread.run_sync(functools.partial(cal.execute, name, arguments))


def _refusal(call: ToolCall, registry: Registry, offered: AbstractSet[str] | None) -> ActionResult | None:
    if call.problem is not None:
        return ActionResult.failure(call.problem)
    return not_offered(registry, call.name, offered)


def _writes_nothing(registry: Registry, call: ToolCall) -> bool:
    """Malformed calls and unknown names send nothing; read-only actions change nothing. A call of the
    router's execute tool counts as a write, whatever it runs."""
    tool = router.router_tool(call.name)
    if tool is not None:
        return call.problem is not None or tool.read_only
    return call.problem is not None or call.name not in registry or registry.get(call.name).read_only


def sync_client(cal: Any, who: str, instead: str) -> Cal:
    """``cal`` if it is a ``Cal``; a ``TypeError`` saying what to do instead otherwise."""
    from cal_actions.http.client import AsyncCal, Cal

    if isinstance(cal, Cal):
        return cal
    if isinstance(cal, AsyncCal):
        raise TypeError(f"{who} needs a Cal, not an AsyncCal: {instead}")
    raise TypeError(f"{who} needs a Cal, not {type(cal).__name__}")


def any_client(cal: Any, who: str) -> Cal | AsyncCal:
    from cal_actions.http.client import AsyncCal, Cal

    if isinstance(cal, Cal | AsyncCal):
        return cal
    raise TypeError(f"{who} needs a Cal or an AsyncCal, not {type(cal).__name__}")


# --- text ----------------------------------------------------------------------------------


def model_envelope(
    result: ActionResult, action: ToolSpec | str | None = None, arguments: Any = None, *, compact: bool = True
) -> dict[str, Any]:
    """What a model reads of a call's result: :func:`~cal_actions.compact.compact_result` of it (given the
    action and the arguments as the model sent them), or the raw envelope with ``compact=False``."""
    if not compact:
        return result.model_dump(mode="json")
    name = action.name if isinstance(action, RouterTool) else action
    if isinstance(name, str) and router.router_tool(name) is router.EXECUTE_TOOL:
        return compact_result(result, *routed_action(arguments))  # read as a direct call of the action it ran
    return compact_result(result, None if isinstance(action, RouterTool) else action, model_arguments(arguments))


def routed_action(arguments: Any) -> tuple[str | None, Any]:
    """The action a ``CAL_EXECUTE_ACTION`` call names and its arguments (``None`` for a malformed call)."""
    from cal_actions.http.request import parse_arguments

    try:
        params = parse_arguments(router.EXECUTE_TOOL, model_arguments(arguments))
    except InvalidInputError:
        return None, None
    return (params.action, params.arguments) if isinstance(params, router.ExecuteParams) else (None, None)


def envelope_json(
    result: ActionResult, action: ToolSpec | str | None = None, arguments: Any = None, *, compact: bool = True
) -> str:
    """:func:`model_envelope` as JSON text, the form every model reads back from a tool."""
    if not compact:
        return json.dumps(result.model_dump(), ensure_ascii=False, default=str)
    return compact_json(model_envelope(result, action, arguments))
