"""State: SQLite persistence across emulators and processes; no lost or duplicate bookings under races."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cal_actions import AsyncCal, Cal
from cal_actions.sandbox import Sandbox

MONDAY_MORNING = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
SLOT = "2030-01-08T09:00:00Z"
UNAVAILABLE = "User either already has booking at this time or is not available"


def arguments(index: int) -> dict[str, Any]:
    attendee = {"name": f"Racer {index}", "email": f"racer{index}@example.com", "timeZone": "UTC"}
    return {"eventTypeId": 2, "start": SLOT, "attendee": attendee}


def stored_at_slot(sandbox: Sandbox) -> list[dict[str, Any]]:
    return [
        b for b in sandbox.read("booking") if b["start"] == "2030-01-08T09:00:00.000Z" and b["status"] == "accepted"
    ]


def test_sqlite_state_survives_between_emulators_and_reset_restores_the_seed(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    with Cal.sandbox(db=str(db), now=MONDAY_MORNING) as first:
        booked = first.execute("CAL_CREATE_BOOKING", arguments(0))
        assert booked.successful, booked.error
        first.emulator.close()
    with Cal.sandbox(db=str(db), now=MONDAY_MORNING) as second:
        found = second.execute("CAL_GET_BOOKING", {"bookingUid": booked.data["uid"]})
        assert found.successful and found.data["attendees"][0]["email"] == "racer0@example.com"
        assert len(second.emulator.outbox()) == 3
        second.emulator.reset()
        assert second.execute("CAL_GET_BOOKING", {"bookingUid": booked.data["uid"]}).status_code == 404
        assert second.emulator.outbox() == []
        assert second.execute("CAL_GET_ME").data["username"] == "ada"
        second.emulator.close()


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_twenty_threads_racing_for_one_slot_make_one_booking(storage: str, tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path / "race.db" if storage == "sqlite" else None, now=MONDAY_MORNING)
    start = threading.Barrier(20)
    results: list[Any] = [None] * 20

    def race(index: int) -> None:
        with Cal.sandbox(sandbox) as cal:
            start.wait()
            results[index] = cal.execute("CAL_CREATE_BOOKING", arguments(index))

    threads = [threading.Thread(target=race, args=(index,)) for index in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(result.successful for result in results) == 1
    assert all(UNAVAILABLE in result.error for result in results if not result.successful)
    assert len(stored_at_slot(sandbox)) == 1
    sandbox.close()


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_fifty_tasks_racing_for_one_slot_make_one_booking(storage: str, tmp_path: Path) -> None:
    sandbox = Sandbox(tmp_path / "race.db" if storage == "sqlite" else None, now=MONDAY_MORNING)

    async def race() -> list[Any]:
        async with AsyncCal.sandbox(sandbox) as cal:
            return await asyncio.gather(*(cal.execute("CAL_CREATE_BOOKING", arguments(i)) for i in range(50)))

    results = asyncio.run(race())
    assert sum(result.successful for result in results) == 1
    assert len(stored_at_slot(sandbox)) == 1
    sandbox.close()


_PROCESS = """
import sys
from datetime import UTC, datetime
from cal_actions import Cal
from cal_actions.sandbox import Sandbox
sandbox = Sandbox(sys.argv[1], now=datetime(2030, 1, 7, 8, 0, tzinfo=UTC))
attendee = {"name": "P", "email": "p@example.com", "timeZone": "UTC"}
with Cal.sandbox(sandbox) as cal:
    ok = [cal.execute("CAL_CREATE_BOOKING", {"eventTypeId": 2, "start": f"2030-01-08T{h}:00:00Z", "attendee": attendee})
          .successful for h in ("09", "10", "11")]
print(sum(ok))
"""


def test_processes_sharing_one_file_never_double_book(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    Sandbox(db, now=MONDAY_MORNING).close()  # seed once
    workers = [
        subprocess.Popen([sys.executable, "-c", _PROCESS, str(db)], stdout=subprocess.PIPE, text=True) for _ in range(3)
    ]
    successes = [int(worker.communicate(timeout=60)[0].strip()) for worker in workers]
    assert sum(successes) == 3  # three slots, each booked exactly once across all processes
    sandbox = Sandbox(db, now=MONDAY_MORNING)
    mine = [b for b in sandbox.read("booking") if b["attendees"][0]["email"] == "p@example.com"]
    assert sorted(b["start"][11:13] for b in mine) == ["09", "10", "11"]
    sandbox.close()
