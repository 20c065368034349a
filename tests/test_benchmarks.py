"""Guards against gross performance regressions, judged only by ratios measured within each test.

No absolute time is asserted: each figure is compared with a baseline measured alongside it
(the bare interpreter, raw httpx on the same loopback server), medians over repeated runs, and a
test fails only when a ratio is worse than twice its target in ``benchmarks/``.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
#: ``import cal_actions`` may not cost more than a second bare interpreter start.
IMPORT_RATIO_LIMIT = 2.0
HEAVY_MODULES = ("pydantic", "httpx", "cal_actions.action", "cal_actions.actions", "cal_actions.http.client")


def benchmark(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


def printed_json(code: str) -> Any:
    """What a fresh interpreter running ``code`` prints, read as JSON."""
    return json.loads(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True).stdout)


def test_import_loads_neither_pydantic_nor_httpx() -> None:
    code = f"import sys, json, cal_actions; print(json.dumps([m for m in {HEAVY_MODULES!r} if m in sys.modules]))"
    assert printed_json(code) == []


def test_public_names_resolve_lazily_to_the_real_objects() -> None:
    code = (
        "import cal_actions, json\n"
        "from cal_actions import ActionResult, AsyncCal, Cal, registry\n"
        "from cal_actions.http.client import Cal as Direct\n"
        "print(json.dumps([Cal is Direct, len(registry), sorted(set(cal_actions.__all__) - set(dir(cal_actions)))]))"
    )
    same, count, missing = printed_json(code)
    assert same and count > 100 and missing == []


def test_import_costs_less_than_a_second_interpreter_start() -> None:
    cold_import = benchmark("cold_import")
    medians = cold_import.measure(7, {"bare": "pass", "import": "import cal_actions"})
    assert medians["import"] / medians["bare"] < IMPORT_RATIO_LIMIT, medians


def test_per_call_latency_stays_near_raw_httpx() -> None:
    timing, call_overhead = benchmark("_timing"), benchmark("call_overhead")
    with timing.loopback() as base_url:
        times = timing.alternating(call_overhead.sync_calls(base_url), 200)
    limit = 2 * call_overhead.TARGET_LATENCY_RATIO
    for name in call_overhead.CASES:
        ours, raw = timing.median(times[f"Cal {name}"]), timing.median(times[f"raw {name}"])
        assert ours / raw < limit, (name, ours, raw)


def test_cached_schemas_are_handed_out_as_independent_copies() -> None:
    from cal_actions import registry

    action = registry.get("CAL_CREATE_BOOKING")
    first = action.json_schema()
    first["properties"]["attendee"]["mutated"] = True
    first["required"].append("mutated")
    second = action.json_schema()
    assert "mutated" not in json.dumps(second)
    assert second == action.json_schema() and second is not action.json_schema()
