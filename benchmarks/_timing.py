"""What every benchmark shares: medians, interleaved subprocess timing, a loopback server, tables.

The benchmarks run on shared, noisy machines, so every figure is a median over repeated runs
and is reported as a ratio against a baseline measured in the same run, never on its own.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PYTHON = sys.executable


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


def run_python(code: str) -> float:
    """Wall time of a fresh interpreter running ``code``; a failing snippet stops the benchmark."""
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def python_output(code: str) -> Any:
    """The JSON a fresh interpreter prints after running ``code``."""
    done = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def interleaved(snippets: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Run each snippet ``runs`` times in turn, so a burst of noise hits every snippet alike."""
    for code in snippets.values():  # warm the file cache and bytecode once; not counted
        run_python(code)
    times: dict[str, list[float]] = {label: [] for label in snippets}
    for _ in range(runs):
        for label, code in snippets.items():
            times[label].append(run_python(code))
    return times


def timed_calls(call: Callable[[], Any], count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def alternating(calls: dict[str, Callable[[], Any]], count: int, block: int = 20) -> dict[str, list[float]]:
    """Latency of each call in alternating blocks, after a short warm-up of each."""
    for call in calls.values():
        timed_calls(call, block)
    times: dict[str, list[float]] = {label: [] for label in calls}
    for _ in range(max(1, count // block)):
        for label, call in calls.items():
            times[label].extend(timed_calls(call, block))
    return times


# --- a loopback Cal.com stand-in -----------------------------------------------------------


@contextmanager
def loopback() -> Iterator[str]:
    """The base URL of a keep-alive server (``_server.py``) running in its own process."""
    server = subprocess.Popen(
        [PYTHON, str(Path(__file__).with_name("_server.py"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)


# --- reporting -----------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        cpu = platform.processor() or cpu
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(cell) for cell in header], *[[str(cell) for cell in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)
