"""How well ``registry.search`` finds the right action, against plain BM25 over descriptions.

Run: ``.venv/bin/python benchmarks/search_quality.py [--misses [SET]]``. Prints recall@1 and recall@5 on the
development set (``data/search_eval.jsonl``), two held-out sets (``data/search_holdout*.jsonl``) and the sets
written from the catalogue alone (``data/search_blind*.jsonl``), the same figures for a BM25 baseline that sees
only the descriptions, and the median latency of one query. Requests whose only correct answer is a legacy action
are left out: the search never offers those unless named.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cal_actions import registry
from cal_actions.action import Action
from cal_actions.search import SearchIndex, index_for, run

DATA = Path(__file__).parent / "data"
SETS = {
    "development": DATA / "search_eval.jsonl",
    "held-out": DATA / "search_holdout.jsonl",
    "held-out-2": DATA / "search_holdout2.jsonl",
    "blind": DATA / "search_blind.jsonl",
    "blind-2": DATA / "search_blind2.jsonl",
    "blind-3": DATA / "search_blind3.jsonl",
    "blind-4": DATA / "search_blind4.jsonl",
    "blind-5": DATA / "search_blind5.jsonl",
    "blind-6": DATA / "search_blind6.jsonl",
    "blind-7": DATA / "search_blind7.jsonl",
    "blind-8": DATA / "search_blind8.jsonl",
}

Searcher = Callable[[str, int], list[Action]]


def load(path: Path) -> list[dict]:
    """The set's requests whose correct answer the search may offer: legacy actions are offered only when named."""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [case for case in cases if any(not registry.get(name).legacy for name in correct(case))]


def correct(case: dict) -> set[str]:
    return {case["expected"], *case.get("also_ok", ())}


def recall(cases: list[dict], search: Searcher, k: int) -> float:
    hits = sum(bool(correct(case) & {action.name for action in search(case["query"], k)}) for case in cases)
    return hits / len(cases)


def misses(cases: list[dict], search: Searcher) -> list[str]:
    lines = []
    for case in cases:
        found = [action.name for action in search(case["query"], 5)]
        if not found or found[0] not in correct(case):
            where = next((i + 1 for i, name in enumerate(found) if name in correct(case)), None)
            rank = f"@{where}" if where else "miss"
            lines.append(f"  {rank:>5}  {case['query']!r}: want {case['expected']}, got {found[:3]}")
    return lines


def baseline() -> SearchIndex:
    """BM25 over the whole description (action references removed): no names, synonyms or rules."""
    return SearchIndex.build(registry, field_weights={"description": 1.0, "pointers": 1.0})


def baseline_search(index: SearchIndex) -> Searcher:
    def search(query: str, k: int) -> list[Action]:
        return [action for action, _ in run(index, query, k, rules=False)]

    return search


def median_latency_ms(search: Searcher, queries: list[str], rounds: int = 20) -> float:
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            search(query, 5)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", nargs="?", const="development", choices=sorted(SETS), help="list a set's misses")
    args = parser.parse_args()

    started = time.perf_counter()
    index_for(registry)
    build_ms = (time.perf_counter() - started) * 1000
    ours: Searcher = registry.search
    base = baseline_search(baseline())

    print(f"{'set':<12} {'n':>4} {'@1':>6} {'@5':>6} {'base@1':>7} {'base@5':>7} {'ratio@1':>8} {'ratio@5':>8}")
    for name, path in SETS.items():
        cases = load(path)
        r1, r5 = recall(cases, ours, 1), recall(cases, ours, 5)
        b1, b5 = recall(cases, base, 1), recall(cases, base, 5)
        print(
            f"{name:<12} {len(cases):>4} {r1:>6.3f} {r5:>6.3f} {b1:>7.3f} {b5:>7.3f} "
            f"{r1 / b1 if b1 else float('inf'):>8.2f} {r5 / b5 if b5 else float('inf'):>8.2f}"
        )
    queries = [case["query"] for path in SETS.values() for case in load(path)]
    print(f"index build {build_ms:.1f} ms; median latency per query {median_latency_ms(ours, queries):.3f} ms")
    if args.misses:
        print(f"{args.misses} requests not ranked first:")
        print("\n".join(misses(load(SETS[args.misses]), ours)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
