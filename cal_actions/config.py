"""Client settings: credentials, endpoint, timeouts, retries and guard rails, with their defaults in one place."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields
from functools import cached_property
from urllib.parse import urlsplit

from cal_actions.policy import ConfirmScope, Policy, check_confirm_scope, check_policy
from cal_actions.versions import checked_overrides

DEFAULT_BASE_URL = "https://api.cal.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RETRIES = 2
#: Connections per client; AsyncCal also caps calls in flight at this, see ``AsyncCal._send``.
MAX_CONNECTIONS = 100
MAX_KEEPALIVE_CONNECTIONS = 20

SECRET_FIELDS = ("api_key", "client_secret", "access_token", "refresh_token")
#: Settings sent in an HTTP header (or a refresh request's body), so they must be text a header can carry.
CREDENTIAL_FIELDS = (*SECRET_FIELDS, "client_id")
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


def checked_credential(name: str, value: object) -> None:
    """Refuse a credential no request can carry (non-ASCII or control characters: a pasted key with a
    stray character, a newline from a file), naming the setting and never showing the value."""
    if value is None or value == "":
        return
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    if not (value.isascii() and value.isprintable()):
        raise ValueError(
            f"{name} holds characters an HTTP header cannot carry (non-ASCII or control characters); "
            "check how it was copied (the value is not shown)"
        )


def checked_seconds(name: str, value: object) -> float:
    """A time limit: a finite number of seconds above 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number of seconds above 0, not {value!r}")
    return float(value)


def checked_retries(value: object) -> int:
    """A retry count: a whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a whole number, 0 or more, not {value!r}")
    return value


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
    #: Which actions a client's confirm callback is asked about (see ``cal_actions.policy``).
    confirm_scope: ConfirmScope = "destructive"
    #: Build and return requests instead of sending them.
    dry_run: bool = False
    #: ``(controller, cal-api-version)`` pairs sent instead of the defaults (see ``cal_actions.versions``).
    api_versions: tuple[tuple[str, str], ...] = ()
    #: Requests per minute this client sends at most (None: only Cal.com's announced budget holds it back).
    rate_limit: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", normal_base_url(self.base_url))
        object.__setattr__(self, "api_versions", checked_overrides(self.api_versions))
        for name in CREDENTIAL_FIELDS:
            checked_credential(name, getattr(self, name))
        checked_retries(self.max_retries)
        checked_seconds("timeout", self.timeout)
        checked_seconds("connect_timeout", self.connect_timeout)
        if self.rate_limit is not None and (
            isinstance(self.rate_limit, bool) or not isinstance(self.rate_limit, int) or self.rate_limit < 1
        ):
            raise ValueError("rate_limit must be a whole number of requests per minute, at least 1")
        check_policy(self.policy)
        check_confirm_scope(self.confirm_scope)

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
