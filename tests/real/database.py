"""Set-up this server has no route for, put straight into its database (``CAL_REAL_DATABASE_URL``), as the server's
own set-up seeds its user and key: a routing form and its response, and an API key of a user the run made.

Whatever is put there hangs on a team or user the run creates through the API, so deleting those removes it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess

import pytest


def database_url() -> str:
    url = os.environ.get("CAL_REAL_DATABASE_URL")
    if not url:
        pytest.skip("needs CAL_REAL_DATABASE_URL: this server has no route for the set-up")
    return url


def sql(statement: str, *values: str) -> None:
    """Run ``statement`` with psql; ``:'v0'``, ``:'v1'``… stand for ``values``, quoted by psql."""
    variables = [arg for index, value in enumerate(values) for arg in ("-v", f"v{index}={value}")]
    subprocess.run(["psql", database_url(), "-X", "-q", "-v", "ON_ERROR_STOP=1", *variables], input=statement,
                   text=True, check=True, capture_output=True)


def api_key_of(user_id: int) -> str:
    """A new API key of the user, valid for a day (stored hashed, as Cal.com stores keys: sha256 of the key
    without its ``cal_`` prefix)."""
    key = secrets.token_hex(16)
    sql("""insert into "ApiKey" (id, "userId", note, "hashedKey", "expiresAt")
           values (:'v0', :'v1'::int, 'real-server suite', :'v2', now() + interval '1 day');""",
        "rs-" + secrets.token_hex(8), str(user_id), hashlib.sha256(key.encode()).hexdigest())
    return f"cal_{key}"
