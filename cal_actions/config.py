"""Client settings: credentials, endpoint, timeouts, retries and guard rails, with their defaults in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import cached_property
from urllib.parse import urlsplit

from cal_actions.policy import Policy, check_policy
from cal_actions.versions import checked_overrides

DEFAULT_BASE_URL = "https://api.cal.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RETRIES = 2
#: Connections per client; AsyncCal also caps calls in flight at this, see ``AsyncCal._send``.
MAX_CONNECTIONS = 100
MAX_KEEPALIVE_CONNECTIONS = 20

SECRET_FIELDS = ("api_key", "client_secret", "access_token", "refresh_token")
ENVIRONMENT = {
    "api_key": "CAL_API_KEY",
    "base_url": "CAL_BASE_URL",
    "client_id": "CAL_CLIENT_ID",
    "client_secret": "CAL_CLIENT_SECRET",
    "access_token": "CAL_ACCESS_TOKEN",
    "refresh_token": "CAL_REFRESH_TOKEN",
    "api_versions": "CAL_API_VERSIONS",
}


def normal_base_url(url: str) -> str:
    """``https://api.cal.com``, ``https://api.cal.com/`` and ``https://api.cal.com/v2`` all mean the
    API's root (every route adds ``/v2/…``); anything that is not an absolute http(s) URL is refused."""
    if not isinstance(url, str):
        raise TypeError(f"base_url must be a string such as {DEFAULT_BASE_URL!r}, not {type(url).__name__}")
    cleaned = url.strip().rstrip("/")
    cleaned = cleaned.removesuffix("/v2").rstrip("/")
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"base_url must be an absolute http(s) URL such as {DEFAULT_BASE_URL!r}, not {url!r}")
    return cleaned


@dataclass(frozen=True, repr=False)
class ClientConfig:
    base_url: str = DEFAULT_BASE_URL
    api_key: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    access_token: str | None = None
    refresh_token: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    #: ``"read_only"``, ``"deny_destructive"`` or ``None`` (see ``cal_actions.policy``).
    policy: Policy | None = None
    #: Build and return requests instead of sending them.
    dry_run: bool = False
    #: ``(controller, cal-api-version)`` pairs sent instead of the defaults (see ``cal_actions.versions``).
    api_versions: tuple[tuple[str, str], ...] = ()
    #: Requests per minute this client sends at most (None: only Cal.com's announced budget holds it back).
    rate_limit: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", normal_base_url(self.base_url))
        object.__setattr__(self, "api_versions", checked_overrides(self.api_versions))
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.timeout <= 0 or self.connect_timeout <= 0:
            raise ValueError("timeout and connect_timeout must be > 0")
        if self.rate_limit is not None and (
            isinstance(self.rate_limit, bool) or not isinstance(self.rate_limit, int) or self.rate_limit < 1
        ):
            raise ValueError("rate_limit must be a whole number of requests per minute, at least 1")
        check_policy(self.policy)

    @classmethod
    def resolve(cls, **given: object) -> ClientConfig:
        """Explicit arguments first, then ``CAL_*`` environment variables, then defaults."""
        values = {key: value for key, value in given.items() if value is not None}
        for key, variable in ENVIRONMENT.items():
            if key not in values and os.environ.get(variable):
                values[key] = os.environ[variable]
        return cls(**values)  # type: ignore[arg-type]

    @property
    def bearer_token(self) -> str | None:
        """A managed user's access token when configured, else the API key."""
        return self.access_token or self.api_key

    @cached_property  # a config never changes (frozen); each call asks for its secrets
    def secrets(self) -> tuple[str, ...]:
        """Every credential value set, to be kept out of envelopes, messages and logs."""
        return tuple(value for name in SECRET_FIELDS if (value := getattr(self, name)))

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={'***' if f.name in SECRET_FIELDS and getattr(self, f.name) else getattr(self, f.name)!r}"
            for f in fields(self)
        )
        return f"ClientConfig({shown})"
