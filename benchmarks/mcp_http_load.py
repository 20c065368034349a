"""Load on the MCP server over HTTP, against the stdio server and direct ``AsyncCal`` calls, same run.

Every call is ``CAL_GET_ME`` against the loopback Cal.com stand-in (``_server.py``, its own
process), made three ways at 1, 10 and 50 concurrent clients:

- **direct**: one ``AsyncCal`` in this process, each client a task calling ``execute``; the floor.
- **stdio**: one ``cal-actions mcp`` process; each client a task sending ``tools/call`` requests on
  its standard input (a stdio server has one client: concurrent calls are its only form of load).
- **http**: one ``cal-actions mcp --http`` process; each client its own HTTP connection and bearer
  key, so every call also builds its caller's client.

The load generator speaks JSON-RPC itself (after the usual ``initialize``) rather than through the
SDK's client, whose per-call cost would otherwise be charged to the server: 50 real clients run on
50 machines, not in one event loop. The tests drive the server with the SDK's client.

Each cell runs ``--rounds`` times, the modes interleaved and taking turns to go first; calls/s is
the median over rounds, p50 and p99 are over every call of the cell. "CPU ms/call" is the CPU time
of the process that serves the call (this one for direct, the server otherwise; Linux only), which
a busy machine inflates less than wall time.

    python benchmarks/mcp_http_load.py [--calls 400] [--rounds 6] [--levels 1,10,50]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from _timing import PYTHON, loopback, machine, median, table

from cal_actions import AsyncCal

CONSOLE_SCRIPT = str(Path(PYTHON).with_name("cal-actions"))
SERVED = ["--actions", "CAL_GET_ME"]
INITIALIZE = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "load", "version": "1"}}
CALL = {"name": "CAL_GET_ME", "arguments": {}}
Call = Callable[[int], Awaitable[None]]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (NaN where /proc is missing)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def checked(reply: dict[str, Any]) -> None:
    if "result" not in reply or reply["result"].get("isError"):
        raise SystemExit(f"a benchmark call failed: {reply}")


async def run_cell(call: Call, clients: int, per_client: int) -> tuple[float, list[float]]:
    """Calls per second and each call's latency, ``clients`` tasks each making ``per_client`` calls."""
    latencies: list[float] = []

    async def client(index: int) -> None:
        for _ in range(per_client):
            started = time.perf_counter()
            await call(index)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(client(index) for index in range(clients)))
    return clients * per_client / (time.perf_counter() - started), latencies


# -- the three ways to call; each yields the call and the pid of the process serving it --------


@asynccontextmanager
async def direct(base_url: str, clients: int) -> AsyncIterator[tuple[Call, int]]:
    async with AsyncCal(api_key="cal_live_bench_direct", base_url=base_url) as cal:

        async def call(index: int) -> None:
            result = await cal.execute("CAL_GET_ME")
            if not result.successful:
                raise SystemExit(f"a benchmark call failed: {result.error}")

        yield call, os.getpid()


@asynccontextmanager
async def stdio(base_url: str, clients: int) -> AsyncIterator[tuple[Call, int]]:
    env = {"CAL_API_KEY": "cal_live_bench_stdio", "CAL_BASE_URL": base_url, "PATH": os.environ.get("PATH", "")}
    process = await asyncio.create_subprocess_exec(
        CONSOLE_SCRIPT, "mcp", *SERVED, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    writer, reader = process.stdin, process.stdout
    pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
    ids = itertools.count(1)

    async def replies() -> None:
        while line := await reader.readline():
            reply = json.loads(line)
            if (future := pending.pop(reply.get("id"), None)) is not None:
                future.set_result(reply)

    async def request(method: str, params: dict[str, Any] | None) -> dict[str, Any]:
        number = next(ids)
        pending[number] = asyncio.get_running_loop().create_future()
        writer.write(json.dumps({"jsonrpc": "2.0", "id": number, "method": method, "params": params}).encode() + b"\n")
        return await pending[number]

    listening = asyncio.create_task(replies())
    try:
        await request("initialize", INITIALIZE)
        writer.write(b'{"jsonrpc": "2.0", "method": "notifications/initialized"}\n')

        async def call(index: int) -> None:
            checked(await request("tools/call", CALL))

        yield call, process.pid
    finally:
        writer.close()
        await process.wait()
        listening.cancel()


@contextmanager
def http_server(base_url: str) -> Iterator[tuple[str, int]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [CONSOLE_SCRIPT, "mcp", "--http", "--port", str(port), "--base-url", base_url, *SERVED]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # logs at info, as run
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the HTTP server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp", server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def http(url: str, pid: int) -> Callable[[str, int], Any]:
    @asynccontextmanager
    async def clients_of(base_url: str, clients: int) -> AsyncIterator[tuple[Call, int]]:
        async with AsyncExitStack() as stack:
            opened = []
            for index in range(clients):
                headers = {
                    "authorization": f"Bearer cal_live_bench_http_{index:03d}",
                    "accept": "application/json, text/event-stream",
                }
                client = await stack.enter_async_context(httpx.AsyncClient(headers=headers, timeout=60))
                await client.post(url, json={"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": INITIALIZE})
                await client.post(url, json={"jsonrpc": "2.0", "method": "notifications/initialized"})
                opened.append(client)

            async def call(index: int) -> None:
                body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": CALL}
                checked((await opened[index].post(url, json=body)).json())

            yield call, pid

    return clients_of


# -- the run ------------------------------------------------------------------------------------


async def measure(base_url: str, url: str, pid: int, levels: list[int], calls: int, rounds: int) -> list[list[Any]]:
    openers = {"direct": direct, "stdio": stdio, "http": http(url, pid)}
    rates: dict[tuple[int, str], list[float]] = {}
    latencies: dict[tuple[int, str], list[float]] = {}
    cpu: dict[tuple[int, str], list[float]] = {}
    async with AsyncExitStack() as stack:
        modes = {mode: await stack.enter_async_context(open_(base_url, max(levels))) for mode, open_ in openers.items()}
        for level in levels:
            per_client = max(1, calls // level)
            for turn in range(rounds):
                order = list(modes)[turn % 3 :] + list(modes)[: turn % 3]  # no mode always runs first
                for mode in order:
                    call, serving = modes[mode]
                    await run_cell(call, level, 2)  # warm-up: connections, first-call paths
                    before = cpu_seconds(serving)
                    rate, times = await run_cell(call, level, per_client)
                    cpu.setdefault((level, mode), []).append((cpu_seconds(serving) - before) / len(times))
                    rates.setdefault((level, mode), []).append(rate)
                    latencies.setdefault((level, mode), []).extend(times)
    rows = []
    for level in levels:
        rate = {mode: median(rates[level, mode]) for mode in modes}
        for mode in modes:
            p50, p99 = (percentile(latencies[level, mode], share) * 1000 for share in (0.50, 0.99))
            versus = f"{rate[mode] / rate['direct']:.2f}× / {rate[mode] / rate['stdio']:.2f}×"
            spent = cpu_ms(cpu[level, mode])
            rows.append([level, mode, f"{rate[mode]:.0f}", f"{p50:.2f}", f"{p99:.2f}", versus, spent])
    return rows


def cpu_ms(samples: list[float]) -> str:
    return f"{median(samples) * 1000:.2f}"


def copy_cost(repeats: int = 20_000) -> float:
    """Seconds to make one caller's client (``with_bearer``), the HTTP server's per-call extra."""
    cal = AsyncCal(api_key="cal_live_bench_server", base_url="http://127.0.0.1:9")
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeats):
            cal.with_bearer("cal_live_bench_caller_000")
        runs.append((time.perf_counter() - started) / repeats)
    return median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=400, help="calls per cell, shared among its clients")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--levels", default="1,10,50", help="concurrent clients, comma-separated")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    print(f"machine: {machine()}")
    with loopback() as base_url, http_server(base_url) as (url, pid):
        rows = asyncio.run(measure(base_url, url, pid, levels, args.calls, args.rounds))
    header = ["clients", "mode", "calls/s", "p50 ms", "p99 ms", "calls/s vs direct / stdio", "CPU ms/call"]
    print(table(header, rows))
    print(f"\ncaller's client (AsyncCal.with_bearer), per call: {copy_cost() * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
