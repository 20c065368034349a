"""Sandbox throughput: bookings created and 30-day slot queries answered per second.

Each round builds a fresh seeded emulator (frozen clock) and runs the same requests twice:
through ``Cal.sandbox()`` (argument validation, request building, envelope reading) and as
hand-built requests on a bare ``httpx.Client`` over the same in-process transport, the
baseline. Figures are medians over rounds; the ratio is what the toolkit layer costs.

    python benchmarks/sandbox_throughput.py [--rounds 5] [--bookings 150] [--queries 30] [--db]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from _timing import machine, median, table

from cal_actions import Cal
from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL, Sandbox, SandboxTransport

NOW = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
MEETING = 2
RANGE = {"eventTypeId": MEETING, "start": "2030-01-08", "end": "2030-02-06"}  # 30 days
ATTENDEE = {"name": "Bench Mark", "email": "bench@example.com", "timeZone": "UTC"}


def free_slots(sandbox: Sandbox, count: int) -> list[str]:
    with Cal.sandbox(sandbox) as cal:
        days = cal.execute("CAL_LIST_AVAILABLE_SLOTS", {**RANGE, "end": "2030-03-31"}).data
    starts = [item["start"] for items in days.values() for item in items]
    if len(starts) < count:
        raise SystemExit(f"only {len(starts)} free slots; ask for fewer bookings")
    return starts[:count]


def via_toolkit(sandbox: Sandbox) -> tuple[Callable[[str], Any], Callable[[], Any]]:
    cal = Cal.sandbox(sandbox)

    def book(start: str) -> Any:
        result = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": MEETING, "start": start, "attendee": ATTENDEE})
        assert result.successful, result.error
        return result

    def query() -> Any:
        result = cal.execute("CAL_LIST_AVAILABLE_SLOTS", RANGE)
        assert result.successful, result.error
        return result

    return book, query


def via_raw_transport(sandbox: Sandbox) -> tuple[Callable[[str], Any], Callable[[], Any]]:
    client = httpx.Client(
        transport=SandboxTransport(sandbox), base_url=SANDBOX_BASE_URL, headers={"authorization": f"Bearer {API_KEY}"}
    )

    def book(start: str) -> Any:
        body = {"eventTypeId": MEETING, "start": start, "attendee": ATTENDEE}
        response = client.post("/v2/bookings", json=body, headers={"cal-api-version": "2024-08-13"})
        assert response.status_code == 201, response.text
        return response.json()

    def query() -> Any:
        response = client.get("/v2/slots", params=RANGE, headers={"cal-api-version": "2024-09-04"})
        assert response.status_code == 200, response.text
        return response.json()

    return book, query


def one_round(make: Callable[[Sandbox], Any], bookings: int, queries: int, db: bool) -> tuple[float, float]:
    """(bookings per second, slot queries per second) on a fresh emulator."""
    with tempfile.TemporaryDirectory() as folder:
        sandbox = Sandbox(Path(folder) / "bench.db" if db else None, now=NOW, deliver=False)
        starts = free_slots(sandbox, bookings)
        book, query = make(sandbox)
        began = time.perf_counter()
        for start in starts:
            book(start)
        booking_rate = bookings / (time.perf_counter() - began)
        began = time.perf_counter()
        for _ in range(queries):
            query()
        query_rate = queries / (time.perf_counter() - began)
        sandbox.close()
    return booking_rate, query_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bookings", type=int, default=150)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--db", action="store_true", help="keep state in a SQLite file instead of memory")
    args = parser.parse_args()

    rates: dict[str, list[tuple[float, float]]] = {"Cal.sandbox()": [], "raw transport": []}
    for _ in range(args.rounds):  # interleaved, so noise hits both alike
        rates["raw transport"].append(one_round(via_raw_transport, args.bookings, args.queries, args.db))
        rates["Cal.sandbox()"].append(one_round(via_toolkit, args.bookings, args.queries, args.db))
    medians = {name: (median([r[0] for r in runs]), median([r[1] for r in runs])) for name, runs in rates.items()}
    storage = "SQLite file" if args.db else "memory"
    print(f"sandbox throughput, {storage}; {args.rounds} rounds of {args.bookings} bookings and {args.queries} "
          f"30-day slot queries; {machine()}")  # fmt: skip
    rows = [[name, f"{b:,.0f}", f"{q:,.1f}"] for name, (b, q) in medians.items()]
    print(table(["client", "bookings/s (median)", "30-day slot queries/s (median)"], rows))
    toolkit, raw = medians["Cal.sandbox()"], medians["raw transport"]
    print(f"ratio Cal.sandbox() / raw: bookings {toolkit[0] / raw[0]:.2f}, slot queries {toolkit[1] / raw[1]:.2f}")


if __name__ == "__main__":
    main()
