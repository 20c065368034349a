"""Fixtures of the real-server suite (opt-in: ``pytest -m real_calcom`` with ``CAL_REAL_BASE_URL`` and
``CAL_REAL_API_KEY`` set; skipped otherwise)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cal_actions import Cal
from tests.real.harness import Ledger, Run, real_client, settings


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


@pytest.fixture
def run(real_cal: Cal, ledger: Ledger) -> Iterator[Run]:
    """A sequence's calls; what it created is undone at its end, even when a step failed."""
    sequence = Run(real_cal, ledger)
    try:
        yield sequence
    finally:
        failed = sequence.close()
        assert not failed, f"clean-up left things behind: {failed}"


@pytest.fixture(scope="session")
def me(real_cal: Cal) -> dict[str, int]:
    """The key's user and the organization it owns."""
    found = real_cal.execute("CAL_GET_ME")
    assert found.successful, found.error
    return {"userId": found.data["id"], "orgId": found.data["organizationId"]}
