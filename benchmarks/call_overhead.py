"""Per-call overhead: ``Cal.execute`` against raw httpx sending the identical request.

Both sides talk to the same keep-alive loopback server (its own process) with the same
method, URL, headers and body; the raw side reads the JSON too, as any caller would. The sync
clients run in alternating blocks; the async clients run rounds of concurrent calls, alternating.
Prints median latency, p95 and throughput with the ratio to raw httpx.

    python benchmarks/call_overhead.py [--calls 2000] [--rounds 10] [--concurrency 200] [--profile] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from _timing import alternating, loopback, machine, median, p95, table

from cal_actions import AsyncCal, Cal
from cal_actions.http.client import _ClientBase
from cal_actions.http.request import build_request, parse_arguments

#: Cal may take at most this multiple of raw httpx's median latency...
TARGET_LATENCY_RATIO = 1.10
#: ...and must keep at least this share of its throughput.
TARGET_THROUGHPUT_RATIO = 0.90

API_KEY = "cal_live_0123456789abcdef"
BOOKING = {
    "start": "2030-01-31T09:00:00Z",
    "eventTypeId": 42,
    "attendee": {"name": "Ada Lovelace", "email": "ada@example.com", "timeZone": "Europe/London"},
    "guests": ["grace@example.com"],
    "metadata": {"source": "benchmark"},
}
CASES: dict[str, dict[str, Any] | None] = {"CAL_GET_ME": None, "CAL_CREATE_BOOKING": BOOKING}


def raw_request(cal: _ClientBase, name: str, arguments: dict[str, Any] | None) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client.request`` reproducing exactly what ``cal`` sends.

    The body goes as ``json=``, as a hand-written call would pass it: httpx encodes it to the
    same bytes ``cal`` sends.
    """
    action = cal.registry.get(name)
    request = build_request(action, parse_arguments(action, arguments), cal.config)
    skipped = ("host", "content-length", "content-type")  # httpx sets these from the body
    headers = {key: value for key, value in request.headers.items() if key not in skipped}
    body = json.loads(request.content) if request.content else None
    twin = bare_client(httpx.Client).build_request(request.method, str(request.url), headers=headers, json=body)
    if twin.content != request.content or list(twin.headers.multi_items()) != list(request.headers.multi_items()):
        raise AssertionError(f"{name}: the raw request differs from what cal-actions sends")
    return {"method": request.method, "url": str(request.url), "headers": headers, "json": body}


def bare_client(kind: type[Any], **settings: Any) -> Any:
    """An httpx client without its default headers: cal-actions sends only the headers it builds."""
    client = kind(**settings)
    for name in list(client.headers):
        del client.headers[name]
    return client


def sync_calls(base_url: str) -> dict[str, Callable[[], Any]]:
    cal = Cal(api_key=API_KEY, base_url=base_url, max_retries=0)
    raw = bare_client(httpx.Client, timeout=cal._timeout())
    calls: dict[str, Callable[[], Any]] = {}
    for name, arguments in CASES.items():
        request = raw_request(cal, name, arguments)
        calls[f"raw {name}"] = lambda request=request: raw.request(**request).json()
        calls[f"Cal {name}"] = lambda name=name, arguments=arguments: _checked(cal.execute(name, arguments))
    return calls


def _checked(result: Any) -> Any:
    if not result.successful:
        raise RuntimeError(result.error)
    return result


def measure_sync(base_url: str, calls: int) -> dict[str, list[float]]:
    return alternating(sync_calls(base_url), calls)


async def _round(call: Callable[[], Any], concurrency: int) -> tuple[list[float], float]:
    async def timed() -> float:
        started = time.perf_counter()
        await call()
        return time.perf_counter() - started

    started = time.perf_counter()
    latencies = await asyncio.gather(*(timed() for _ in range(concurrency)))
    return list(latencies), time.perf_counter() - started


async def measure_async(base_url: str, rounds: int, concurrency: int) -> dict[str, dict[str, Any]]:
    """Per side: every call's latency and each round's throughput (calls per second)."""
    cal = AsyncCal(api_key=API_KEY, base_url=base_url, max_retries=0)
    raw = bare_client(httpx.AsyncClient, timeout=cal._timeout())
    request = raw_request(cal, "CAL_GET_ME", None)

    async def raw_call() -> Any:
        return (await raw.request(**request)).json()

    async def cal_call() -> Any:
        return _checked(await cal.execute("CAL_GET_ME"))

    sides = {"raw AsyncClient": raw_call, "AsyncCal": cal_call}
    found: dict[str, dict[str, Any]] = {label: {"latency": [], "throughput": []} for label in sides}
    for call in sides.values():  # open the connections once, uncounted
        await _round(call, concurrency)
    for _ in range(rounds):
        for label, call in sides.items():
            latencies, wall = await _round(call, concurrency)
            found[label]["latency"].extend(latencies)
            found[label]["throughput"].append(concurrency / wall)
    await cal.aclose()
    await raw.aclose()
    return found


def summarise(sync: dict[str, list[float]], concurrent: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Median latency (µs), p95 and the ratio to raw for every measured side."""
    rows: dict[str, dict[str, float]] = {}
    for name in CASES:
        raw, ours = sync[f"raw {name}"], sync[f"Cal {name}"]
        rows[f"Cal.execute {name}"] = {
            "median_us": median(ours) * 1e6,
            "p95_us": p95(ours) * 1e6,
            "raw_median_us": median(raw) * 1e6,
            "ratio": median(ours) / median(raw),
        }
    raw_async, ours_async = concurrent["raw AsyncClient"], concurrent["AsyncCal"]
    rows["AsyncCal latency (concurrent)"] = {
        "median_us": median(ours_async["latency"]) * 1e6,
        "p95_us": p95(ours_async["latency"]) * 1e6,
        "raw_median_us": median(raw_async["latency"]) * 1e6,
        "ratio": median(ours_async["latency"]) / median(raw_async["latency"]),
    }
    rows["AsyncCal throughput"] = {
        "calls_per_s": median(ours_async["throughput"]),
        "raw_calls_per_s": median(raw_async["throughput"]),
        "ratio": median(ours_async["throughput"]) / median(raw_async["throughput"]),
    }
    return rows


def report(rows: dict[str, dict[str, float]]) -> str:
    lines = []
    for label, row in rows.items():
        if "calls_per_s" in row:
            figure, baseline = f"{row['calls_per_s']:.0f}/s", f"{row['raw_calls_per_s']:.0f}/s"
            target, met = f"≥ {TARGET_THROUGHPUT_RATIO:.2f}×", row["ratio"] >= TARGET_THROUGHPUT_RATIO
        else:
            figure = f"{row['median_us']:.0f} µs (p95 {row['p95_us']:.0f})"
            baseline = f"{row['raw_median_us']:.0f} µs"
            target, met = f"≤ {TARGET_LATENCY_RATIO:.2f}×", row["ratio"] <= TARGET_LATENCY_RATIO
        lines.append([label, figure, baseline, f"{row['ratio']:.2f}×", target, "yes" if met else "NO"])
    return table(["measure", "cal-actions", "raw httpx", "ratio", "target", "met"], lines)


def profile(base_url: str, calls: int) -> None:
    """Where Cal.execute spends its time, heaviest functions first."""
    cal = Cal(api_key=API_KEY, base_url=base_url, max_retries=0)
    for name, arguments in CASES.items():
        cal.execute(name, arguments)  # warm: connection, lazy schemas
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(calls):
            cal.execute(name, arguments)
        profiler.disable()
        print(f"\n=== {name}, {calls} calls ===")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="sync calls per side")
    parser.add_argument("--rounds", type=int, default=10, help="async rounds per side")
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with loopback() as base_url:
        if args.profile:
            profile(base_url, args.calls)
            return
        sync = measure_sync(base_url, args.calls)
        concurrent = asyncio.run(measure_async(base_url, args.rounds, args.concurrency))
    rows = summarise(sync, concurrent)
    if args.json:
        print(json.dumps({"machine": machine(), "results": rows}, indent=2))
        return
    print(f"per-call overhead against raw httpx on loopback ({machine()})\n")
    print(report(rows))


if __name__ == "__main__":
    main()
