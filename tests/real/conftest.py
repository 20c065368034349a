"""Fixtures of the real-server suite (opt-in: ``pytest -m real_calcom`` with ``CAL_REAL_BASE_URL`` and
``CAL_REAL_API_KEY`` set; skipped otherwise)."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def shared(real_cal: Cal, ledger: Ledger) -> Iterator[Run]:
    """Set-up shared by several sequences (a member of the organization…), undone when the session ends."""
    sequence = Run(real_cal, ledger)
    try:
        yield sequence
    finally:
        failed = sequence.close()
        assert not failed, f"clean-up left things behind: {failed}"


@pytest.fixture(scope="session")
def member(shared: Run, me: dict[str, int]) -> dict[str, Any]:
    """A user this run adds to the organization (removed at the end): the organization's member actions need one
    with a profile there, which the key's own user lacks on this server."""
    user = shared.need("CAL_CREATE_ORG_USER", {"orgId": me["orgId"], "email": f"{TAG}-member@example.com"})
    shared.later("CAL_DELETE_ORG_USER", {"orgId": me["orgId"], "userId": user["id"]})
    return user
