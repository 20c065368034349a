"""Keep credentials out of everything a caller, a log or a model can see. Pure functions only."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "***"
#: Headers that carry a credential; shown masked in dry runs.
SECRET_HEADERS = frozenset({"authorization", "x-cal-secret-key"})
#: Shorter values cannot be told apart from ordinary words, so scrubbing them would mangle messages.
MIN_SECRET_LENGTH = 8


def effective(secrets: Collection[str | None]) -> tuple[str, ...]:
    """The secrets worth scrubbing, as written and as a URL carries them (percent-encoded in a path
    or query), longest first so one containing another is masked whole."""
    return _forms(frozenset(s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH))


@functools.lru_cache(maxsize=8)  # a client's credentials, the same on every call; a few sets at most
def _forms(kept: frozenset[str]) -> tuple[str, ...]:
    forms = kept | {quote(s, safe="") for s in kept} | {quote_plus(s) for s in kept}
    return tuple(sorted(forms, key=len, reverse=True))


def scrub(text: str, secrets: Collection[str]) -> str:
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def scrub_data(value: Any, secrets: Collection[str]) -> Any:
    """``value`` with every secret masked inside its strings, keys included."""
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, Mapping):
        return {scrub_data(key, secrets): scrub_data(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub_data(item, secrets) for item in value]
    return value


def mentions(content: bytes, secrets: Collection[str]) -> bool:
    """A fast test on the raw body, so data is only walked when a secret may be in it."""
    return any(secret.encode() in content for secret in secrets)


def redacted_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: MASK if name.lower() in SECRET_HEADERS else value for name, value in headers.items()}
