"""Search latency: ``registry.search(query)`` over the whole registry, per query.

Queries come from ``benchmarks/data/search_eval.jsonl`` and ``search_holdout.jsonl`` (or a few
built-in ones when those are absent). The baseline, measured in the same run, is the cheapest
possible scan: counting the query's words in every action's description. Also prints the
one-off cost of building the index (the first search in a process).

    python benchmarks/search_latency.py [--repeats 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import machine, median, ms, p95, table

DATA = Path(__file__).resolve().parent / "data"
FALLBACK_QUERIES = ["who am I", "cancel my meeting tomorrow", "list my team's webhooks", "free slots on Friday"]


def queries() -> list[str]:
    found = []
    for name in ("search_eval.jsonl", "search_holdout.jsonl"):
        path = DATA / name
        if path.exists():
            found += [json.loads(line)["query"] for line in path.read_text().splitlines() if line.strip()]
    return found or FALLBACK_QUERIES


def naive_scan(descriptions: list[str], query: str) -> int:
    """The floor: touch every action once, counting the query's words in its description."""
    words = query.lower().split()
    return max(range(len(descriptions)), key=lambda i: sum(word in descriptions[i] for word in words))


def per_query(search: Any, texts: list[str], repeats: int) -> list[float]:
    """Each query's median time over ``repeats`` passes through all of them."""
    samples: list[list[float]] = [[] for _ in texts]
    for _ in range(repeats):
        for position, text in enumerate(texts):
            started = time.perf_counter()
            search(text)
            samples[position].append(time.perf_counter() - started)
    return [median(times) for times in samples]


def measure(repeats: int) -> dict[str, Any]:
    from cal_actions import registry

    texts = queries()
    started = time.perf_counter()
    registry.search(texts[0])  # builds and caches the index
    first = time.perf_counter() - started
    descriptions = [action.description.lower() for action in registry]
    ours = per_query(registry.search, texts, repeats)
    floor = per_query(lambda text: naive_scan(descriptions, text), texts, repeats)
    return {
        "queries": len(texts),
        "actions": len(registry),
        "first_search_s": first,
        "median_s": median(ours),
        "p95_s": p95(ours),
        "scan_median_s": median(floor),
        "scan_p95_s": p95(floor),
    }


def report(found: dict[str, Any]) -> str:
    rows = [
        ["per query, median", ms(found["median_s"]), ms(found["scan_median_s"]),
         f"{found['median_s'] / found['scan_median_s']:.1f}×"],
        ["per query, p95", ms(found["p95_s"]), ms(found["scan_p95_s"]), f"{found['p95_s'] / found['scan_p95_s']:.1f}×"],
        ["first search (builds the index)", ms(found["first_search_s"]), "", ""],
    ]  # fmt: skip
    return table(["registry.search", "time", "naive scan", "ratio"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    found = measure(args.repeats)
    if args.json:
        print(json.dumps({"machine": machine(), **found}, indent=2))
        return
    print(f"search over {found['actions']} actions, {found['queries']} queries ({machine()})\n")
    print(report(found))


if __name__ == "__main__":
    main()
