"""Rate limits: calls against a loopback server that throttles like Cal.com, with and without the budget.

The server counts requests in a fixed window that starts at the first hit (``--window`` seconds,
``--limit`` requests), refuses the rest with 429 until the window ends, and announces the window in
``X-RateLimit-{Limit,Remaining,Reset}-Default`` (reset in whole seconds), as Cal.com's throttler does.
``AsyncCal`` runs ``--calls`` ``CAL_GET_ME`` calls (all at once, or ``--sequential``) two ways per
round: as shipped (the client's budget waits for the announced reset; a first burst leaves before any
answer has announced a budget) and with the budget switched off (``limiter = None``: the client as it
was, retrying 429s with backoff: the baseline). Reported: 429s the server sent, calls that failed,
wall time; medians over ``--rounds``. (``rate_limit`` paces per minute: it needs Cal.com's 60 s window.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import statistics
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cal_actions import AsyncCal


class Throttle:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.started: float | None = None
        self.hits = self.refused = 0

    def hit(self) -> tuple[int, dict[str, str]]:
        with self.lock:
            now = time.monotonic()
            if self.started is None or now >= self.started + self.window:
                self.started, self.hits = now, 0
            self.hits += 1
            left = self.started + self.window - now
            blocked = self.hits > self.limit
            self.refused += blocked
            headers = {
                "X-RateLimit-Limit-Default": str(self.limit),
                "X-RateLimit-Remaining-Default": str(max(0, self.limit - self.hits)),
                "X-RateLimit-Reset-Default": str(math.ceil(left)),
            }
            return (429 if blocked else 200), headers


def serve(throttle: Throttle) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            status, headers = throttle.hit()
            body = json.dumps({"status": "success" if status == 200 else "error", "data": {"id": 1}}).encode()
            self.send_response(status)
            for name, value in {
                **headers,
                "content-type": "application/json",
                "content-length": str(len(body)),
            }.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


MODES = {"budget": "budget (as shipped)", "off": "budget off (baseline)"}


async def run(base_url: str, calls: int, mode: str, sequential: bool) -> tuple[int, float]:
    async with AsyncCal(api_key="cal_test_bench", base_url=base_url, timeout=30, max_retries=4) as cal:
        if mode == "off":
            cal.limiter = None  # type: ignore[assignment]
        started = time.perf_counter()
        if sequential:
            results = [await cal.execute("CAL_GET_ME") for _ in range(calls)]
        else:
            results = await asyncio.gather(*(cal.execute("CAL_GET_ME") for _ in range(calls)))
        return sum(not result.successful for result in results), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--limit", type=int, default=15)
    parser.add_argument("--window", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sequential", action="store_true", help="one call after another instead of all at once")
    args = parser.parse_args()
    throttle = Throttle(args.limit, args.window)
    server = serve(throttle)
    base_url = f"http://127.0.0.1:{server.server_port}"
    figures: dict[str, list[tuple[int, int, float]]] = {mode: [] for mode in MODES}
    for _ in range(args.rounds):
        for mode in MODES:
            time.sleep(args.window)  # a fresh window for each run
            throttle.reset()
            failed, elapsed = asyncio.run(run(base_url, args.calls, mode, args.sequential))
            figures[mode].append((throttle.refused, failed, elapsed))
    server.shutdown()
    how = "sequential" if args.sequential else "concurrent"
    print(f"{args.calls} {how} calls, server limit {args.limit} per {args.window:g} s, {args.rounds} rounds")
    for mode, label in MODES.items():
        rows = figures[mode]
        refused = statistics.median(row[0] for row in rows)
        failed = statistics.median(row[1] for row in rows)
        elapsed = statistics.median(row[2] for row in rows)
        print(f"{label:28} 429s sent: {refused:5.0f}   failed calls: {failed:3.0f}   wall time: {elapsed:5.2f} s")


if __name__ == "__main__":
    main()
