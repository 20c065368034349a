"""Many calls at once through one client, and calls abandoned halfway: nothing mixed up, nothing left open."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from cal_actions import AsyncCal, Cal
from tests.loopback import Handler, serve

CALLS = 500


def _echo(handler: Handler, hit: int) -> None:
    uid = handler.path.rsplit("/", 1)[-1]
    handler.send(200, {"status": "success", "data": {"uid": uid}})


def _pool(client: httpx.AsyncClient | httpx.Client):
    return client._transport._pool  # type: ignore[union-attr]


def test_500_concurrent_async_calls_each_get_their_own_answer() -> None:
    async def run(base_url: str) -> None:
        cal = AsyncCal(api_key="cal_test_key", base_url=base_url, max_retries=0)
        ids = [f"booking-{number}" for number in range(CALLS)]
        results = await asyncio.gather(*(cal.execute("CAL_GET_BOOKING", {"bookingUid": uid}) for uid in ids))
        assert [result.data for result in results] == [{"uid": uid} for uid in ids]
        assert all(result.successful and result.attempts == 1 for result in results)
        pool = _pool(cal._http)
        assert pool.connections and all(connection.is_idle() for connection in pool.connections)
        await cal.aclose()
        assert pool.connections == []

    with serve(_echo) as (base_url, seen):
        asyncio.run(run(base_url))
    assert sorted(path for _, path in seen.requests) == sorted(f"/v2/bookings/booking-{n}" for n in range(CALLS))


def test_threads_sharing_one_sync_client() -> None:
    with serve(_echo) as (base_url, _), Cal(api_key="cal_test_key", base_url=base_url) as cal:
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(lambda n: cal.execute("CAL_GET_BOOKING", {"bookingUid": f"t{n}"}), range(200)))
        assert [result.data for result in results] == [{"uid": f"t{n}"} for n in range(200)]
        assert all(connection.is_idle() for connection in _pool(cal._http).connections)


def test_cancelling_an_async_call_leaves_no_connection_open() -> None:
    arrived = threading.Event()
    dropped = threading.Event()

    def hang(handler: Handler, hit: int) -> None:
        arrived.set()
        if handler.rfile.read(1) == b"":  # blocks until the client closes its end
            dropped.set()

    async def run(base_url: str) -> None:
        async with AsyncCal(api_key="cal_test_key", base_url=base_url) as cal:
            task = asyncio.create_task(cal.execute("CAL_GET_BOOKING", {"bookingUid": "slow"}))
            await asyncio.to_thread(arrived.wait, 5)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert _pool(cal._http).connections == []
            # The client is still usable after a cancelled call.
            assert not (await cal.execute("CAL_GET_BOOKING", {"bookingUid": "x"}, timeout=0.2)).successful

    with serve(hang) as (base_url, _):
        asyncio.run(run(base_url))
        assert dropped.wait(5), "the server never saw the connection close"


def test_cancelling_while_the_body_streams_closes_the_connection() -> None:
    streaming = threading.Event()
    dropped = threading.Event()

    def trickle(handler: Handler, hit: int) -> None:
        handler.send_response(200)
        handler.send_header("content-length", "100000")
        handler.end_headers()
        try:
            for _ in range(1000):
                handler.wfile.write(b" " * 10)
                handler.wfile.flush()
                streaming.set()
                threading.Event().wait(0.01)
        except OSError:
            dropped.set()

    async def run(base_url: str) -> None:
        async with AsyncCal(api_key="cal_test_key", base_url=base_url) as cal:
            task = asyncio.create_task(cal.execute("CAL_GET_BOOKING", {"bookingUid": "big"}))
            await asyncio.to_thread(streaming.wait, 5)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert _pool(cal._http).connections == []

    with serve(trickle) as (base_url, _):
        asyncio.run(run(base_url))
        assert dropped.wait(5), "the server kept streaming to a closed connection"
