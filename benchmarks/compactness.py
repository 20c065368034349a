"""Tokens a model reads per tool result: the compact result against the raw envelope, on the sandbox.

For each typical read (``Cal.sandbox`` with its clock frozen, so every run sees the same data) the
raw envelope is the text the adapters sent before results were compacted (``envelope_json(result,
compact=False)``: ``json.dumps`` of the three-key envelope), the compact one what they send now.
Both are counted with the o200k_base tokenizer. The target: compact at most half of raw on each
typical read. Every id, uid and email of the raw data must be in the compact text as the same
member (``"key":value``); the table says how many are.

A second table measures what the size cap (``MAX_DATA_CHARS``) is chosen against: the largest
answers an agent commonly asks for. Each row also gives the CPU time of making the text a model
reads, compact against raw (median of 7 rounds).

    python benchmarks/compactness.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from token_cost import encoder  # the same offline o200k_base tokenizer as the prompt-token figures

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
TARGET = 0.5
WEEK = {"start": "2030-03-04", "end": "2030-03-10", "timeZone": "Europe/Berlin"}
# (label, action, arguments): the six typical reads the target is set for.
TYPICAL: list[tuple[str, str, dict[str, Any]]] = [
    ("my profile", "CAL_GET_ME", {}),
    ("event types", "CAL_LIST_EVENT_TYPES", {}),
    ("bookings", "CAL_LIST_BOOKINGS", {}),
    ("a week of slots", "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": 2, **WEEK}),
    ("schedules", "CAL_LIST_SCHEDULES", {}),
    ("webhooks", "CAL_LIST_WEBHOOKS", {}),
]
# More reads, on a sandbox holding 60 more bookings: paging, ranges, a single resource.
MORE: list[tuple[str, str, dict[str, Any]]] = [
    ("upcoming bookings, 10 of 61", "CAL_LIST_BOOKINGS", {"status": ["upcoming"], "take": 10}),
    ("a week of slots, range format", "CAL_LIST_AVAILABLE_SLOTS", {"eventTypeId": 2, **WEEK, "format": "range"}),
    ("one booking", "CAL_GET_BOOKING", {}),
    ("calendars", "CAL_LIST_CALENDARS", {}),
    ("team event types", "CAL_LIST_TEAM_EVENT_TYPES", {"teamId": 2}),
    ("organization users", "CAL_LIST_ORG_USERS", {"orgId": 1}),
]
# What the cap is measured against: big answers an agent asks for.
LARGE: list[tuple[str, str, dict[str, Any]]] = [
    ("a month of 15-minute slots", "CAL_LIST_AVAILABLE_SLOTS",
     {"eventTypeId": 1, "start": "2030-04-01", "end": "2030-04-30", "timeZone": "Europe/Berlin"}),
    ("the same, range format", "CAL_LIST_AVAILABLE_SLOTS",
     {"eventTypeId": 1, "start": "2030-04-01", "end": "2030-04-30", "timeZone": "Europe/Berlin", "format": "range"}),
    ("bookings, a page of 20", "CAL_LIST_BOOKINGS", {"take": 20}),
    ("bookings, a page of 30", "CAL_LIST_BOOKINGS", {"take": 30}),
    ("time zones (legacy)", "CAL_LIST_TIMEZONES", {}),
    ("bookings, a page of 100 (Cal.com's default)", "CAL_LIST_BOOKINGS", {"take": 100}),
]  # fmt: skip


def add_bookings(cal: Any, count: int) -> None:
    """Fill weekday afternoons from 11 March on with 30-minute meetings, each with its own attendee."""
    day, made = datetime(2030, 3, 11, 12, 0, tzinfo=UTC), 0
    while made < count:
        for hour in range(5) if day.weekday() < 5 else ():
            start = (day + timedelta(hours=hour)).strftime("%Y-%m-%dT%H:%M:%SZ")
            guest = {"name": f"Guest {made}", "email": f"guest{made}@example.com", "timeZone": "Europe/London"}
            result = cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": 2, "start": start, "attendee": guest})
            made += result.successful
            if made == count:
                return
        day += timedelta(days=1)


def measure_read(encoding: Any, cal: Any, label: str, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    from cal_actions.adapters.common import envelope_json
    from cal_actions.compact import compact_json, compact_result, identifiers

    if name == "CAL_GET_BOOKING":
        arguments = {"bookingUid": cal.execute("CAL_LIST_BOOKINGS", {"take": 1}).data["data"][0]["uid"]}
    result = cal.execute(name, arguments)
    if not result.successful:
        raise SystemExit(f"compactness: {name} failed on the sandbox: {result.error}")
    raw = envelope_json(result, compact=False)
    compact = envelope_json(result, name, arguments)
    found = identifiers(result.data)
    kept = sum(f'"{key}":{compact_json(value)}' in compact for key, value in found)
    shown = compact_result(result, name, arguments)
    raw_tokens, compact_tokens = len(encoding.encode(raw)), len(encoding.encode(compact))
    compact_us = _median_us(lambda: envelope_json(result, name, arguments))
    raw_us = _median_us(lambda: envelope_json(result, compact=False))
    return {
        "read": label,
        "action": name,
        "raw_tokens": raw_tokens,
        "compact_tokens": compact_tokens,
        "ratio": round(compact_tokens / raw_tokens, 3),
        "identifiers": len(found),
        "identifiers_kept": kept,
        "data_chars": len(compact_json(shown["data"])),
        "truncated": shown.get("truncated"),
        "compact_us": compact_us,
        "raw_us": raw_us,
    }


def _median_us(run: Any) -> float:
    number = max(1, int(0.02 / max(timeit.timeit(run, number=1), 1e-6)))  # about 20 ms a round
    return round(statistics.median(timeit.repeat(run, number=number, repeat=7)) / number * 1e6, 1)


def measure() -> dict[str, Any]:
    from cal_actions import Cal
    from cal_actions.compact import MAX_DATA_CHARS

    encoding = encoder()
    with Cal.sandbox(now=NOW) as cal:
        typical = [measure_read(encoding, cal, *read) for read in TYPICAL]
        add_bookings(cal, 60)
        more = [measure_read(encoding, cal, *read) for read in MORE]
        add_bookings(cal, 60)
        large = [measure_read(encoding, cal, *read) for read in LARGE]
    return {"target": TARGET, "max_data_chars": MAX_DATA_CHARS, "typical": typical, "more": more, "large": large}


def table(rows: list[dict[str, Any]], target: float | None) -> None:
    head = "| read | action | raw tokens | compact tokens | ratio | ids, uids, emails kept | CPU, compact / raw |"
    print(head + (" ≤ half |" if target else ""))
    print("|---|---|---:|---:|---:|---|---:|" + ("---|" if target else ""))
    for row in rows:
        met = f" {'yes' if row['ratio'] <= target else 'no'} |" if target else ""
        kept = f"{row['identifiers_kept']} of {row['identifiers']}"
        print(f"| {row['read']} | `{row['action']}` | {row['raw_tokens']:,} | {row['compact_tokens']:,} | "
              f"{row['ratio']:.2f} | {kept} | {_cpu(row)} |{met}")  # fmt: skip


def _cpu(row: dict[str, Any]) -> str:
    return f"{row['compact_us']:,.0f} / {row['raw_us']:,.0f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    typical = figures["typical"]
    raw, compact = sum(row["raw_tokens"] for row in typical), sum(row["compact_tokens"] for row in typical)
    print("Typical reads on Cal.sandbox(now=2030-03-04 08:00 UTC); o200k_base tokens of the text a model reads\n")
    table(typical, figures["target"])
    print(f"\nall six: {raw:,} → {compact:,} tokens ({compact / raw:.2f})\n")
    table(figures["more"], None)
    print(f"\nSize cap: {figures['max_data_chars']:,} characters of compact data\n")
    print("| answer | compact data, characters | raw tokens | compact tokens | cut | CPU, compact / raw |")
    print("|---|---:|---:|---:|---|---:|")
    for row in figures["large"]:
        print(f"| {row['read']} | {row['data_chars']:,} | {row['raw_tokens']:,} | {row['compact_tokens']:,} | "
              f"{row['truncated'] or 'no'} | {_cpu(row)} |")  # fmt: skip
    lost = [row["read"] for row in typical + figures["more"] if row["identifiers_kept"] != row["identifiers"]]
    if lost:
        sys.exit(f"compactness: identifiers missing from the compact text of {', '.join(lost)}")


if __name__ == "__main__":
    main()
