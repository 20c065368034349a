"""Fixtures of the real-server suite (opt-in: ``pytest -m real_calcom`` with ``CAL_REAL_BASE_URL`` and
``CAL_REAL_API_KEY`` set; skipped otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from cal_actions import Cal
from tests.real.harness import TAG, Ledger, Run, real_client, settings


@pytest.fixture(scope="session")
def ledger() -> Iterator[Ledger]:
    found = Ledger()
    yield found
    found.save()


@pytest.fixture(scope="session")
def real_cal() -> Iterator[Cal]:
    if settings() is None:
        pytest.skip("no real Cal.com server configured (CAL_REAL_BASE_URL, CAL_REAL_API_KEY)")
    with real_client() as cal:
        yield cal


@contextmanager
def _undone(sequence: Run) -> Iterator[Run]:
    """The sequence, whose undo steps run at the end even when a step failed."""
    try:
        yield sequence
    finally:
        failed = sequence.close()
        assert not failed, f"clean-up left things behind: {failed}"


@pytest.fixture
def run(real_cal: Cal, ledger: Ledger) -> Iterator[Run]:
    """A sequence's calls; what it created is undone at its end, even when a step failed."""
    with _undone(Run(real_cal, ledger)) as sequence:
        yield sequence


@pytest.fixture(scope="session")
def me(real_cal: Cal) -> dict[str, int]:
    """The key's user and the organization it owns."""
    found = real_cal.execute("CAL_GET_ME")
    assert found.successful and found.data is not None, found.error
    return {"userId": found.data["id"], "orgId": found.data["organizationId"]}


@pytest.fixture(scope="session")
def shared(real_cal: Cal, ledger: Ledger) -> Iterator[Run]:
    """Set-up shared by several sequences (a member of the organization…), undone when the session ends."""
    with _undone(Run(real_cal, ledger)) as sequence:
        yield sequence


def add_member(run: Run, org_id: int, name: str) -> dict[str, Any]:
    """A user added to the organization with the Mon–Fri 09:00–17:00 (London) hours of the key's user; removed by
    ``run`` at its end. A new user has no default schedule, so no free time, until given one."""
    user: dict[str, Any] = run.need("CAL_CREATE_ORG_USER", {"orgId": org_id, "email": f"{TAG}-{name}@example.com"})
    run.later("CAL_DELETE_ORG_USER", {"orgId": org_id, "userId": user["id"]})
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    hours = [{"days": weekdays, "startTime": "09:00", "endTime": "17:00"}]
    run.need("CAL_CREATE_ORG_USER_SCHEDULE", {"orgId": org_id, "userId": user["id"], "name": "Working hours",
                                              "timeZone": "Europe/London", "isDefault": True, "availability": hours})
    return user


@pytest.fixture(scope="session")
def member(shared: Run, me: dict[str, int]) -> dict[str, Any]:
    """A user this run adds to the organization (removed at the end): the organization's member actions need one
    with a profile there, which the key's own user lacks on this server."""
    return add_member(shared, me["orgId"], "member")
