"""The requests of every search benchmark set, for tests that check a property on all of them."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent.parent / "benchmarks" / "data"
CASES = [json.loads(line) for path in sorted(DATA.glob("*.jsonl")) for line in path.read_text().splitlines() if line]


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text().splitlines() if line.strip()]


def correct(case: dict) -> set[str]:
    """The actions that answer a request: the one expected, and any also accepted."""
    return {case["expected"], *case.get("also_ok", ())}
