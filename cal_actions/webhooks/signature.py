"""Cal.com's webhook signature: ``X-Cal-Signature-256`` is the hex HMAC-SHA256 of the exact body.

Cal.com signs each delivery with the webhook's secret (``createWebhookSignature`` in
``packages/features/webhooks/lib/sendPayload.ts``). A webhook without a secret is sent with the
literal ``no-secret-provided`` in that header: it authenticates nothing, so it is refused unless
the receiver explicitly accepts unsigned deliveries.
"""

from __future__ import annotations

import hashlib
import hmac
import re

SIGNATURE_HEADER = "X-Cal-Signature-256"
#: What Cal.com sends in place of a signature when the webhook has no secret.
NO_SECRET = "no-secret-provided"
_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{64}")


def body_bytes(body: bytes | str) -> bytes:
    """The body as the bytes Cal.com signed: text (as some frameworks hand it over) is its UTF-8 encoding,
    which is how Cal.com sends JSON."""
    if isinstance(body, str):
        return body.encode("utf-8", "surrogatepass")  # never fails; a lone surrogate cannot match a signature
    if isinstance(body, bytes | bytearray | memoryview):
        return bytes(body)
    raise TypeError(f"the body must be the bytes (or text) as received, not {type(body).__name__}")


def sign(body: bytes | str, secret: str | None) -> str:
    """The header value Cal.com sends for ``body``."""
    if not secret:
        return NO_SECRET
    return hmac.new(secret.encode(), body_bytes(body), hashlib.sha256).hexdigest()


def verify_signature(
    body: bytes | str, signature: str | None, secret: str | None, *, allow_unsigned: bool = False
) -> bool:
    """Whether ``signature`` is Cal.com's for exactly these body bytes (text: its UTF-8 encoding).

    ``False`` for a missing or malformed signature. With no ``secret``, only Cal.com's
    ``no-secret-provided`` is accepted, and only when ``allow_unsigned`` is set; with a secret, that
    literal is refused like any other wrong value.
    """
    if signature is None:
        return False
    signature = signature.strip()
    if not secret:
        return allow_unsigned and hmac.compare_digest(signature, NO_SECRET)
    if not _HEX_DIGEST.fullmatch(signature):
        return False
    return hmac.compare_digest(signature.lower(), sign(body, secret))
