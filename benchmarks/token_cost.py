"""Prompt-token cost of the tool definitions, counted with the o200k_base tokenizer.

Each tool is serialised as compact JSON, the way it travels to the API. Prints the totals per
format and preset, the budget for the whole registry, and the costliest tools
(``--all`` for every tool, ``--json`` for machine-readable output).

    python benchmarks/token_cost.py [--all] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

BUDGET = 25_000  # whole registry, OpenAI Chat Completions format, strict where possible


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
    }
    presets = {}
    for name in PRESETS:
        tools = openai_tools(preset=name)
        presets[name] = {"tools": len(tools), "tokens": sum(per_tool[tool["function"]["name"]] for tool in tools)}
    strict = sum(tool["function"]["strict"] for tool in chat)
    return {
        "tools": len(chat),
        "strict_tools": strict,
        "formats": formats,
        "budget": BUDGET,
        "presets": presets,
        "per_tool": per_tool,
        "not_strict": strict_fallbacks(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="list every tool, not only the 15 costliest")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    total = figures["formats"]["chat, strict"]
    print(f"{figures['tools']} tools, {figures['strict_tools']} strict; o200k_base tokens, compact JSON")
    for name, tokens in figures["formats"].items():
        print(f"  {name:<18} {tokens:>7,}")
    print(f"  budget             {figures['budget']:>7,}  (chat strict uses {total / figures['budget']:.0%})")
    print(f"  mean per tool      {total / figures['tools']:>7.0f}")
    print("presets (chat, strict):")
    for name, row in figures["presets"].items():
        print(f"  {name:<14} {row['tools']:>3} tools {row['tokens']:>7,} tokens")
    ranked = sorted(figures["per_tool"].items(), key=lambda item: -item[1])
    print("per tool:" if args.all else "costliest tools:")
    for name, tokens in ranked if args.all else ranked[:15]:
        print(f"  {name:<44} {tokens:>5}")
    print("sent with strict: false:")
    for name, reason in figures["not_strict"].items():
        print(f"  {name:<44} {reason}")


if __name__ == "__main__":
    main()
