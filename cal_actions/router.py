"""The router: two tools that put every action behind search and execute, for a few hundred prompt tokens.

Sending every action as a tool costs tens of thousands of prompt tokens, and models choose worse
past a few dozen tools. With the router a model gets two tools instead:

- ``CAL_SEARCH_ACTIONS`` (``query``, ``k``): the ``k`` best actions of ``registry.search`` for a
  task, each with its name, description, hint (``read-only``, ``write`` or ``destructive``),
  parameters as terse lines (:mod:`cal_actions.signature`) and its first example call.
- ``CAL_EXECUTE_ACTION`` (``action``, ``arguments``): runs any action of the registry by name, a
  retired one included, exactly as a direct call does (validation, policy, confirm, dry run,
  retries: ``cal.execute``). ``arguments`` is the action's arguments as JSON text, since strict mode
  cannot express a free-form object; a model that sends an object is understood as well.

They are not actions (they make no Cal.com request of their own), so they are declared here, once:
each :class:`RouterTool` has a name, a description, a parameter model and the function that runs
it, and every view derives its tool from that declaration as it does for actions. The ``router``
preset selects them (``preset=["scheduling", "router"]`` adds them to a preset's tools).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from cal_actions.action import Action, Params, Registry
from cal_actions.http.request import json_kind
from cal_actions.result import ActionResult
from cal_actions.schema import parameters_schema
from cal_actions.signature import parameter_lines

__all__ = [
    "EXECUTE",
    "PRESET",
    "ROUTER_TOOLS",
    "SEARCH",
    "ExecuteParams",
    "RouterTool",
    "SearchParams",
    "action_summary",
    "router_tool",
]

PRESET = "router"
PRESET_DESCRIPTION = (
    "Two tools, CAL_SEARCH_ACTIONS and CAL_EXECUTE_ACTION, that reach every action on demand; add it to another "
    "preset (scheduling,router) to keep that preset's tools loaded."
)
SEARCH = "CAL_SEARCH_ACTIONS"
EXECUTE = "CAL_EXECUTE_ACTION"
DEFAULT_K = 5
MAX_K = 10

#: What a router tool's function gives: its answer, or the action to run and its arguments.
Step = ActionResult | tuple[str, dict[str, Any]]


class SearchParams(Params):
    query: str = Field(description="The task in plain words, e.g. 'cancel my 3pm booking with Anna'")
    k: int | None = Field(None, description=f"How many actions; default {DEFAULT_K}, at most {MAX_K}")


def _json_object(value: Any) -> Any:
    """The action's arguments: JSON text parsed (a mapping passes as it is); anything but an object is refused."""
    if isinstance(value, str | bytes):
        try:
            value = json.loads(value or "{}")
        except ValueError as error:
            raise ValueError(f"not valid JSON ({error}); send a JSON object, e.g. {{\"bookingUid\": \"…\"}}") from None
        except RecursionError:
            raise ValueError("not valid JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise ValueError(f"must be a JSON object of the action's parameters, not {json_kind(value)}")
    return value


class ExecuteParams(Params):
    action: str = Field(description="Exact action name from CAL_SEARCH_ACTIONS, e.g. CAL_CREATE_BOOKING")
    arguments: Annotated[dict[str, Any], BeforeValidator(_json_object), WithJsonSchema({"type": "string"})] = Field(
        default_factory=dict,
        description='The action\'s arguments as JSON object text with exactly its parameter names; "{}" for none',
    )


@dataclass(frozen=True)
class RouterTool:
    """A tool of the router, declared once for every view; ``run`` answers its validated arguments."""

    name: str
    description: str
    params: type[Params]
    run: Callable[[Registry, Any], Step]
    read_only: bool
    destructive: bool
    idempotent: bool
    open_world: bool
    #: Worked calls, as an action declares them (:attr:`cal_actions.action.Action.examples`).
    examples: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def json_schema(self) -> dict[str, Any]:
        return parameters_schema(self.params)

    def example_calls(self) -> list[dict[str, Any]]:
        return copy.deepcopy(list(self.examples))

    def tool_schema(self) -> dict[str, Any]:
        return self.json_schema()  # plain objects: nothing to fold

    def tool_description(self) -> str:
        return self.description


def search(registry: Registry, params: SearchParams) -> Step:
    """The best actions for the task, described well enough to call them without another look-up."""
    if not params.query.strip():
        return ActionResult.failure(f"invalid arguments for {SEARCH}: query: describe the task in words")
    k = DEFAULT_K if params.k is None else min(max(params.k, 1), MAX_K)
    # A search sends no request: attempts 0, like every answer made without Cal.com.
    return ActionResult.success([action_summary(action) for action in registry.search(params.query, k)], attempts=0)


def action_summary(action: Action) -> dict[str, Any]:
    """What a search hit tells a model: enough to build valid arguments for ``CAL_EXECUTE_ACTION``, with the
    action's first example call (a median 21 tokens a hit, ``benchmarks/token_cost.py``)."""
    hint = "read-only" if action.read_only else "destructive" if action.destructive else "write"
    summary = {
        "name": action.name,
        "description": action.description,
        "hint": hint,
        "parameters": parameter_lines(action.json_schema()),
    }
    return summary | {"example": action.example_calls()[0]} if action.examples else summary


def execute(registry: Registry, params: ExecuteParams) -> Step:
    """The action named and its arguments, for ``cal.execute`` (which answers an unknown name itself)."""
    return params.action, params.arguments


SEARCH_TOOL = RouterTool(
    name=SEARCH,
    description=(
        "Find the Cal.com actions for a task (bookings, slots, event types, schedules, calendars, teams, "
        "organizations, webhooks, OAuth clients…), best first. Each has name, description, hint (read-only, "
        "write, destructive), parameters, one per line: `name*: type — meaning`; * required, a.b is field b "
        "of object a, a[].b field b of each item of list a, x|y the allowed values; and an example of its "
        "arguments. Then call CAL_EXECUTE_ACTION."
    ),
    params=SearchParams,
    run=search,
    read_only=True,
    destructive=False,
    idempotent=True,
    open_world=False,  # reads the local catalogue, never Cal.com
    examples=({"query": "move my Thursday call with Anna to Friday 10:00", "k": 3},),
)

EXECUTE_TOOL = RouterTool(
    name=EXECUTE,
    description=(
        "Run a Cal.com action found with CAL_SEARCH_ACTIONS, with arguments built from its parameters. Returns "
        "{data, successful, error}; on failure read error, fix the arguments or ask the user. Never invent ids: "
        "take them from earlier results or ask. Confirm with the user before a destructive action."
    ),
    params=ExecuteParams,
    run=execute,
    read_only=False,
    destructive=True,  # it may run any action, deletes included
    idempotent=False,
    open_world=True,
    # The arguments travel as JSON text, where models most often send an object or the wrong names.
    examples=({"action": "CAL_CANCEL_BOOKING", "arguments": '{"bookingUid": "bk_8f2c41d9e7a3", "cancellationReason": '
               '"Double-booked"}'},),
)

ROUTER_TOOLS = (SEARCH_TOOL, EXECUTE_TOOL)
_BY_NAME = {tool.name: tool for tool in ROUTER_TOOLS}

#: The rules of the two-step use, for a server's instructions.
INSTRUCTIONS = (
    f"Every Cal.com action is reached in two steps: {SEARCH} finds the actions for a task and lists their "
    f"parameters; {EXECUTE} runs one, with action set to its exact name and arguments a JSON object that uses "
    "exactly those parameter names (* marks the required ones). Search again when no result fits."
)


def router_tool(name: object) -> RouterTool | None:
    """The router tool of that name (any case), or ``None`` when it names none."""
    return _BY_NAME.get(name.strip().upper()) if isinstance(name, str) else None
