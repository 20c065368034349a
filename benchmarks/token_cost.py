"""Prompt-token cost of the tool definitions, counted with the o200k_base tokenizer.

Each tool is serialised as compact JSON, the way it travels to the API. Prints the totals per
format and preset against the budgets (a mean per tool for the whole registry, a total for the
``scheduling`` preset and for the router), the structure alone (the same tools with every description,
the action's and its fields', removed: what no wording can save), what an Anthropic tool costs with and
without its ``input_examples``, the router's two tools with what one search answer costs (its hits'
parameters as terse lines against the same hits with their JSON Schemas, and what each hit's example
adds, over the development search requests), and the costliest tools (``--all`` for every tool,
``--json`` for machine-readable output).

    python benchmarks/token_cost.py [--all] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

# Budgets, all in the OpenAI Chat Completions format, strict where possible.
BUDGET_PER_TOOL = 185  # mean over the whole registry
SCHEDULING_BUDGET = 3_000  # the ``scheduling`` preset
ROUTER_BUDGET = 1_000  # the router's two tools
REQUESTS = Path(__file__).resolve().parent / "data" / "search_eval.jsonl"


def encoder() -> Any:
    try:
        import bpe_openai
    except ImportError:
        sys.exit("token_cost: needs the offline tokenizer: pip install -e '.[bench]'")
    return bpe_openai.get_encoding("o200k_base")


def count(encoding: Any, value: Any) -> int:
    return len(encoding.encode(json.dumps(value, separators=(",", ":"), ensure_ascii=False)))


def measure() -> dict[str, Any]:
    from cal_actions.adapters.anthropic import anthropic_tools
    from cal_actions.adapters.openai import openai_tools, strict_fallbacks
    from cal_actions.presets import PRESETS

    encoding = encoder()
    chat = openai_tools()
    per_tool = {tool["function"]["name"]: count(encoding, tool) for tool in chat}
    formats = {
        "chat, strict": sum(per_tool.values()),
        "chat, not strict": sum(count(encoding, tool) for tool in openai_tools(strict=False)),
        "responses, strict": sum(count(encoding, tool) for tool in openai_tools(api="responses")),
        "anthropic": sum(count(encoding, tool) for tool in anthropic_tools()),
        "anthropic, no examples": sum(count(encoding, tool) for tool in anthropic_tools(examples=False)),
    }
    presets = {}
    for name in PRESETS:
        tools = openai_tools(preset=name)
        presets[name] = {"tools": len(tools), "tokens": sum(per_tool[tool["function"]["name"]] for tool in tools)}
    structure = {
        f"{selection}, {'strict' if strict else 'not strict'}": sum(
            count(encoding, undescribed(tool)) for tool in openai_tools(preset=preset, strict=strict)
        )
        for selection, preset in (("all", None), ("scheduling", "scheduling"))
        for strict in (True, False)
    }
    strict = sum(tool["function"]["strict"] for tool in chat)
    return {
        "tools": len(chat),
        "strict_tools": strict,
        "formats": formats,
        "budget": {"per tool": BUDGET_PER_TOOL, "scheduling": SCHEDULING_BUDGET},
        "presets": presets,
        "structure": structure,
        "anthropic per tool": measure_examples(encoding),
        "router": measure_router(encoding),
        "per_tool": per_tool,
        "not_strict": strict_fallbacks(),
    }


def undescribed(node: Any) -> Any:
    """A tool without any description: the action's, its fields' and its definitions'. A property that is itself
    named ``description`` stays (``properties`` and ``$defs`` map names to schemas)."""
    if isinstance(node, list):
        return [undescribed(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: {name: undescribed(sub) for name, sub in value.items()}
        if key in ("properties", "$defs")
        else undescribed(value)
        for key, value in node.items()
        if key != "description"
    }


def measure_examples(encoding: Any) -> dict[str, Any]:
    """Tokens of each Anthropic tool with its ``input_examples`` and without, and what the examples add."""
    from cal_actions.adapters.anthropic import anthropic_tools

    shown = [count(encoding, tool) for tool in anthropic_tools()]
    bare = [count(encoding, tool) for tool in anthropic_tools(examples=False)]
    return {
        "tools": len(shown),
        "with examples": _spread(shown),
        "without examples": _spread(bare),
        "added": _spread([a - b for a, b in zip(shown, bare, strict=True)]),
    }


def measure_router(encoding: Any) -> dict[str, Any]:
    """The two tools in each format, a preset with them, and the data of one search answer (k=5), its hits'
    parameters as the router sends them (terse lines) and, for comparison, as their JSON Schemas."""
    from cal_actions import registry
    from cal_actions.adapters.anthropic import anthropic_tools
    from cal_actions.adapters.openai import openai_tools
    from cal_actions.router import action_summary

    def total(tools: list[Any]) -> int:
        return sum(count(encoding, tool) for tool in tools)

    queries = [json.loads(line)["query"] for line in REQUESTS.read_text().splitlines() if line.strip()]
    lines, schemas, bare, added = [], [], [], []
    for query in queries:
        hits = [action_summary(action) for action in registry.search(query, 5)]
        lines.append(count(encoding, hits))
        as_schemas = [{**hit, "parameters": registry.get(hit["name"]).json_schema()} for hit in hits]
        schemas.append(count(encoding, as_schemas))
        without = [{key: value for key, value in hit.items() if key != "example"} for hit in hits]
        bare.append(count(encoding, without))
        added += [count(encoding, [hit]) - count(encoding, [plain]) for hit, plain in zip(hits, without, strict=True)]
    return {
        "chat, strict": total(openai_tools(preset="router")),
        "chat, not strict": total(openai_tools(preset="router", strict=False)),
        "responses, strict": total(openai_tools(preset="router", api="responses")),
        "anthropic": total(anthropic_tools(preset="router")),
        "scheduling + router": total(openai_tools(preset=["scheduling", "router"])),
        "budget": ROUTER_BUDGET,
        "search answer, k=5": {
            "requests": len(queries),
            "terse lines": _spread(lines),
            "JSON Schema": _spread(schemas),
            "terse lines, no example": _spread(bare),
            "example, per hit": _spread(added),
        },
    }


def _spread(values: list[int]) -> dict[str, float]:
    ranked = sorted(values)
    return {"median": statistics.median(ranked), "p90": ranked[int(0.9 * (len(ranked) - 1))], "max": ranked[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="list every tool, not only the 15 costliest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    total, tools, budget = figures["formats"]["chat, strict"], figures["tools"], figures["budget"]
    print(f"{tools} tools, {figures['strict_tools']} strict; o200k_base tokens, compact JSON")
    for name, tokens in figures["formats"].items():
        print(f"  {name:<22} {tokens:>7,}")
    per_tool = budget["per tool"]
    print(f"  {'mean per tool':<22} {total / tools:>7.0f}  (budget {per_tool}: {per_tool * tools:,} in all)")
    examples = figures["anthropic per tool"]
    print(f"anthropic, per tool, {examples['tools']} tools (median / p90 / max):")
    for name in ("with examples", "without examples", "added"):
        spread = examples[name]
        print(f"  {name:<18} {spread['median']:>7,.0f} {spread['p90']:>7,} {spread['max']:>7,}")
    print("presets (chat, strict):")
    for name, row in figures["presets"].items():
        print(f"  {name:<14} {row['tools']:>3} tools {row['tokens']:>7,} tokens")
    print(f"  scheduling budget  {budget['scheduling']:>7,}")
    print("structure alone (every description removed; chat):")
    for name, tokens in figures["structure"].items():
        size = tools if name.startswith("all") else figures["presets"]["scheduling"]["tools"]
        print(f"  {name:<22} {tokens:>7,}  ({tokens / size:.0f} per tool)")
    router = figures["router"]
    print(f"router (CAL_SEARCH_ACTIONS + CAL_EXECUTE_ACTION), budget {router['budget']:,}:")
    for name in ("chat, strict", "chat, not strict", "responses, strict", "anthropic", "scheduling + router"):
        print(f"  {name:<20} {router[name]:>7,}")
    answer = router["search answer, k=5"]
    print(f"  one search answer, k=5, over {answer['requests']} requests (median / p90 / max):")
    for name in ("terse lines", "JSON Schema", "terse lines, no example", "example, per hit"):
        spread = answer[name]
        print(f"    {name:<24} {spread['median']:>7,.0f} {spread['p90']:>7,} {spread['max']:>7,}")
    ranked = sorted(figures["per_tool"].items(), key=lambda item: -item[1])
    print("per tool:" if args.all else "costliest tools:")
    for name, tokens in ranked if args.all else ranked[:15]:
        print(f"  {name:<44} {tokens:>5}")
    print("sent with strict: false:")
    for name, reason in figures["not_strict"].items():
        print(f"  {name:<44} {reason}")


if __name__ == "__main__":
    main()
