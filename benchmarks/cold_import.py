"""Cold start: a fresh interpreter importing cal-actions, an adapter, or making its first useful call.

Each snippet runs in its own subprocess, interleaved with the bare interpreter (``pass``) so that
noise hits both alike. Prints the median wall time, the time above the bare interpreter and the
ratio to it.

    python benchmarks/cold_import.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import interleaved, machine, median, ms, table

#: ``import cal_actions`` may cost at most this much above the bare interpreter.
TARGET_OVERHEAD = 0.150

SNIPPETS = {
    "bare interpreter": "pass",
    "import cal_actions": "import cal_actions",
    "import pydantic, httpx (dependency floor)": "import pydantic, httpx",
    "first call: registry.get": "import cal_actions; cal_actions.registry.get('CAL_GET_ME')",
    "first call: Cal()": "import cal_actions; cal_actions.Cal(api_key='cal_live_0123456789')",
    "+ adapters.openai": "import cal_actions.adapters.openai",
    "+ adapters.anthropic": "import cal_actions.adapters.anthropic",
    "+ adapters.langchain": "import cal_actions.adapters.langchain",
    "+ adapters.mcp": "import cal_actions.adapters.mcp",
}
BASELINE = "bare interpreter"


def measure(runs: int, snippets: dict[str, str] = SNIPPETS) -> dict[str, float]:
    """Median seconds per snippet."""
    return {label: median(times) for label, times in interleaved(snippets, runs).items()}


def report(medians: dict[str, float]) -> str:
    bare = medians[BASELINE]
    rows = []
    for label, value in medians.items():
        target = f"≤ {ms(TARGET_OVERHEAD)} above" if label == "import cal_actions" else ""
        met = ("yes" if value - bare <= TARGET_OVERHEAD else "NO") if target else ""
        rows.append([label, ms(value), ms(value - bare), f"{value / bare:.2f}×", target, met])
    return table(["snippet", "median", "above bare", "ratio", "target", "met"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    medians = measure(args.runs)
    if args.json:
        print(json.dumps({"machine": machine(), "median_seconds": medians}, indent=2))
        return
    print(f"cold import, median of {args.runs} interleaved runs ({machine()})\n")
    print(report(medians))


def summary(runs: int = 15) -> dict[str, Any]:
    """For run_all: the headline figure."""
    medians = measure(runs)
    return {"medians": medians, "text": report(medians)}


if __name__ == "__main__":
    main()
