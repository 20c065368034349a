"""Building every view of the registry: cold (a fresh process, imports included) and warm.

Views: OpenAI Chat Completions and Responses tools, Anthropic tools, LangChain tools, the MCP
tool list as sent on the wire, and the JSON Schema of every action. Cold figures come from a
fresh interpreter per view; warm figures are the median of rebuilding in a process that has
built it once. Peak memory (``ru_maxrss``) after building every view is compared with the
bare interpreter and with ``import cal_actions``.

    python benchmarks/views.py [--runs 5] [--repeats 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import PYTHON, machine, median, ms, table

API_KEY = "cal_live_0123456789abcdef"


def _cal() -> Any:
    from cal_actions import Cal

    return Cal(api_key=API_KEY, base_url="http://127.0.0.1:9")


def openai_chat() -> int:
    from cal_actions.adapters.openai import openai_tools

    return len(openai_tools())


def openai_responses() -> int:
    from cal_actions.adapters.openai import openai_tools

    return len(openai_tools(api="responses"))


def anthropic() -> int:
    from cal_actions.adapters.anthropic import anthropic_tools

    return len(anthropic_tools())


def langchain() -> int:
    from cal_actions.adapters.langchain import langchain_tools

    return len(langchain_tools(_cal()))


def mcp() -> int:
    """The ``tools/list`` answer a client receives, serialised as on the wire."""
    import asyncio

    from mcp import types

    from cal_actions.adapters.mcp import build_server

    handler = build_server(_cal()).request_handlers[types.ListToolsRequest]
    answer = asyncio.run(handler(types.ListToolsRequest(method="tools/list")))
    return len(answer.model_dump(mode="json", by_alias=True, exclude_none=True)["tools"])


def json_schemas() -> int:
    from cal_actions import registry

    return len([action.json_schema() for action in registry])


VIEWS: dict[str, Callable[[], int]] = {
    "OpenAI chat tools": openai_chat,
    "OpenAI responses tools": openai_responses,
    "Anthropic tools": anthropic,
    "LangChain tools": langchain,
    "MCP tools/list": mcp,
    "JSON Schema, every action": json_schemas,
}
#: Child-process steps besides the views: the two memory baselines and "everything".
STEPS: dict[str, Callable[[], int]] = {
    "bare interpreter": lambda: 0,
    "import cal_actions": lambda: len(__import__("cal_actions").__all__),
    **VIEWS,
    "every view": lambda: sum(view() for view in VIEWS.values()),
}


def child(step: str) -> None:
    started = time.perf_counter()
    count = STEPS[step]()
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"seconds": elapsed, "peak_mb": peak_kb / 1024, "items": count}))


def cold(runs: int) -> dict[str, dict[str, float]]:
    """Median seconds and peak memory of each step in fresh processes, steps interleaved."""
    found: dict[str, list[dict[str, float]]] = {step: [] for step in STEPS}
    for _ in range(runs):
        for step in STEPS:
            done = subprocess.run(
                [PYTHON, __file__, "--child", step], check=True, capture_output=True, text=True
            )
            found[step].append(json.loads(done.stdout))
    return {
        step: {key: median([run[key] for run in runs_]) for key in ("seconds", "peak_mb", "items")}
        for step, runs_ in found.items()
    }


def warm(repeats: int) -> dict[str, float]:
    """Median seconds to rebuild each view once everything it needs is imported and built once."""
    times: dict[str, float] = {}
    for label, view in VIEWS.items():
        view()
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            view()
            samples.append(time.perf_counter() - started)
        times[label] = median(samples)
    return times


def report(cold_: dict[str, dict[str, float]], warm_: dict[str, float]) -> str:
    bare = cold_["bare interpreter"]["peak_mb"]
    rows = []
    for step, figures in cold_.items():
        hot = warm_.get(step)
        rows.append(
            [
                step,
                f"{figures['items']:.0f}",
                ms(figures["seconds"]),
                ms(hot) if hot is not None else "",
                f"{figures['seconds'] / hot:.0f}×" if hot else "",
                f"{figures['peak_mb']:.1f} MB",
                f"+{figures['peak_mb'] - bare:.1f} MB",
            ]
        )
    header = ["step", "items", "cold", "warm", "cold/warm", "peak RSS", "above bare"]
    return table(header, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per step")
    parser.add_argument("--repeats", type=int, default=10, help="warm rebuilds per view")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=list(STEPS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    cold_, warm_ = cold(args.runs), warm(args.repeats)
    if args.json:
        print(json.dumps({"machine": machine(), "cold": cold_, "warm_seconds": warm_}, indent=2))
        return
    print(f"building every view; cold: median of {args.runs} fresh processes, imports included ({machine()})\n")
    print(report(cold_, warm_))


if __name__ == "__main__":
    main()
