"""Choosing the tools every view offers: one selection function, each tool once.

The assertions are about what is selected (a lone name, the union of a preset and search hits,
no duplicates), never about which action the search ranks first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from mcp.shared.memory import create_connected_server_and_client_session

from cal_actions import AsyncCal, Cal, registry
from cal_actions.adapters.anthropic import anthropic_tools
from cal_actions.adapters.langchain import langchain_tools
from cal_actions.adapters.mcp import build_server
from cal_actions.adapters.openai import openai_tools
from cal_actions.adapters.selection import ToolList, merge_tools, tool_name
from cal_actions.policy import refusal as policy_refusal
from cal_actions.presets import select

REQUEST = "notify my server when a booking is cancelled"


def _mcp_names(*args: Any, **kwargs: Any) -> list[str]:
    async def listed() -> list[str]:
        server = build_server(AsyncCal(api_key="cal_test_key"), *args, **kwargs)
        async with create_connected_server_and_client_session(server) as session:
            return [tool.name for tool in (await session.list_tools()).tools]

    return asyncio.run(listed())


# Each view as "selection arguments → the names of the tools it offers".
VIEWS: dict[str, Callable[..., list[str]]] = {
    "openai-chat": lambda *a, **kw: [tool["function"]["name"] for tool in openai_tools(*a, **kw)],
    "openai-responses": lambda *a, **kw: [tool["name"] for tool in openai_tools(*a, api="responses", **kw)],
    "anthropic": lambda *a, **kw: [tool["name"] for tool in anthropic_tools(*a, **kw)],
    "langchain": lambda *a, **kw: [tool.name for tool in langchain_tools(Cal(api_key="cal_test_key"), *a, **kw)],
    "mcp": _mcp_names,
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_lone_name_or_action_is_one_tool(view: str) -> None:
    names = VIEWS[view]
    assert names("CAL_GET_ME") == ["CAL_GET_ME"]
    assert names("cal_fetch_all_bookings") == ["CAL_LIST_BOOKINGS"], "an alias, not letters"
    assert names(registry.get("CAL_GET_ME")) == ["CAL_GET_ME"]
    assert names("CAL_GET_ME", tags="webhooks")[0] == "CAL_GET_ME"
    with pytest.raises(TypeError, match="by name or as Action objects"):
        names([42])


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_preset_and_search_hits_combine_each_tool_once(view: str) -> None:
    names = VIEWS[view]
    preset = {action.name for action in select(registry, preset="scheduling")}
    hits = {action.name for action in registry.search(REQUEST, k=3)}
    combined = names(preset="scheduling", search=REQUEST, k=3)
    assert len(combined) == len(set(combined)) == len(preset | hits)
    assert set(combined) == preset | hits
    assert set(names(search=REQUEST, k=3)) == hits
    assert names(search="   ") == [], "a search without hits selects nothing, not everything"
    overlapping = names(["CAL_GET_ME", "CAL_CREATE_WEBHOOK", "CAL_GET_ME"], preset="scheduling")
    assert len(overlapping) == len(set(overlapping)) == len(preset | {"CAL_CREATE_WEBHOOK"})


def test_the_readme_recipe_concatenated_keeps_one_tool_per_name() -> None:
    """Concatenating two selections, as code written for the earlier API does, offers no name twice."""
    chat = openai_tools(preset="scheduling") + openai_tools(registry.search(REQUEST, k=3))
    one_call = openai_tools(preset="scheduling", search=REQUEST, k=3)
    assert len(chat) == len({tool_name(tool) for tool in chat}) == len(one_call)
    tools = openai_tools(preset="scheduling")
    tools += openai_tools(registry.search(REQUEST, k=3))
    assert tools == chat and isinstance(tools, ToolList)
    plain_first = list(anthropic_tools("CAL_GET_ME")) + anthropic_tools(["CAL_GET_ME", "CAL_LIST_BOOKINGS"])
    assert [tool["name"] for tool in plain_first] == ["CAL_GET_ME", "CAL_LIST_BOOKINGS"]
    cal = Cal(api_key="cal_test_key")
    lang = langchain_tools(cal, preset="scheduling") + langchain_tools(cal, "CAL_GET_ME")
    assert [tool.name for tool in lang] == [tool.name for tool in langchain_tools(cal, preset="scheduling")]


def test_tool_lists_keep_the_first_tool_of_each_name() -> None:
    strict, loose = openai_tools("CAL_GET_ME"), openai_tools("CAL_GET_ME", strict=False)
    tools = ToolList(strict)
    tools.append(loose[0])
    tools.extend(loose)
    tools.insert(0, loose[0])
    assert tools == strict, "a later tool of the same name is left out"
    tools.append(openai_tools("CAL_LIST_BOOKINGS")[0])
    assert [tool_name(tool) for tool in tools] == ["CAL_GET_ME", "CAL_LIST_BOOKINGS"]
    merged = merge_tools(anthropic_tools("CAL_GET_ME"), [{"name": "my_tool"}], anthropic_tools(preset="scheduling"))
    assert [tool["name"] for tool in merged][:2] == ["CAL_GET_ME", "my_tool"]
    assert len(merged) == 1 + len(select(registry, preset="scheduling"))


def test_selection_mistakes_raise() -> None:
    with pytest.raises(TypeError, match="one request as text"):
        openai_tools(search=["cancel a booking"])  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="CAL_NOPE"):
        anthropic_tools("CAL_NOPE")
    with pytest.raises(TypeError, match="needs a Cal or an AsyncCal"):
        langchain_tools("cal_live_key", "CAL_GET_ME")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a Cal or an AsyncCal"):
        build_server(None, "CAL_GET_ME")  # type: ignore[arg-type]


def _guarded_names(view: str, policy: str, **selection: Any) -> list[str]:
    """The names a view lists under ``policy``: given to the views without a client, or set on the client."""
    if view in ("langchain", "mcp"):
        if view == "langchain":
            return [tool.name for tool in langchain_tools(Cal(api_key="k", policy=policy), **selection)]  # type: ignore[arg-type]

        async def listed() -> list[str]:
            server = build_server(AsyncCal(api_key="k", policy=policy), **selection)  # type: ignore[arg-type]
            async with create_connected_server_and_client_session(server) as session:
                return [tool.name for tool in (await session.list_tools()).tools]

        return asyncio.run(listed())
    return VIEWS[view](policy=policy, **selection)


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("policy", ["read_only", "deny_destructive"])
def test_a_policy_lists_only_the_actions_it_lets_run(view: str, policy: str) -> None:
    chosen = select(registry, preset="scheduling", actions=["CAL_DELETE_WEBHOOK", "CAL_CREATE_WEBHOOK"])
    expected = [action.name for action in chosen if policy_refusal(action, policy) is None]
    names = _guarded_names(view, policy, preset="scheduling", actions=["CAL_DELETE_WEBHOOK", "CAL_CREATE_WEBHOOK"])
    assert names == expected and 0 < len(names) < len(chosen)
    assert all(registry.get(name).read_only for name in names) or policy == "deny_destructive"
    assert ("CAL_CREATE_WEBHOOK" in names) is (policy == "deny_destructive")
    assert "CAL_DELETE_WEBHOOK" not in names and "CAL_LIST_BOOKINGS" in names


def test_an_unknown_policy_is_refused_by_the_views_without_a_client() -> None:
    with pytest.raises(ValueError, match="policy must be one of"):
        openai_tools(preset="scheduling", policy="readonly")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="policy must be one of"):
        anthropic_tools(preset="scheduling", policy="readonly")  # type: ignore[arg-type]
