"""Pure response reading: ``httpx.Response`` → the data of a success, or a typed error."""

from __future__ import annotations

import json
from typing import Any

import httpx

from cal_actions.errors import APIStatusError, DecodeError

_SNIPPET = 200


def read_response(response: httpx.Response) -> Any:
    """Return Cal.com's ``data``; raise ``APIStatusError`` or ``DecodeError`` otherwise.

    Success bodies are ``{"status": "success", "data": …}``; list routes may add
    ``pagination`` and then the whole body less ``status`` is returned, so it is not lost.
    """
    status = response.status_code
    if 300 <= status < 400 and "location" in response.headers:
        # OAuth "connect"/"save" routes answer with a redirect: its target is the result.
        return {"redirectUrl": response.headers["location"]}
    content = response.content
    if not content.strip():
        if status < 400:
            return None
        raise APIStatusError(f"HTTP {status}: empty response", status_code=status)
    try:
        body = json.loads(content)
    except ValueError:
        kind = response.headers.get("content-type", "unknown content type").split(";")[0]
        if status >= 400:
            raise APIStatusError(f"HTTP {status}: {_snippet(response.text)}", status_code=status) from None
        raise DecodeError(f"HTTP {status}: response is not JSON ({kind})", status_code=status) from None
    if status >= 400 or (isinstance(body, dict) and body.get("status") == "error"):
        raise error_from_body(status if status >= 400 else 502, body)
    return unwrap(body)


def unwrap(body: Any) -> Any:
    if isinstance(body, dict) and body.get("status") == "success" and "data" in body:
        rest = {key: value for key, value in body.items() if key != "status"}
        return body["data"] if len(rest) == 1 else rest
    return body


def error_from_body(status: int, body: Any) -> APIStatusError:
    """Cal.com's error envelope: ``{"status": "error", "error": {"code", "message", "details"}}``."""
    code = None
    message: Any = None
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            code = error.get("code")
            message = error.get("message")
            reasons = _detail_messages(error.get("details"))
            if reasons and _flatten(reasons) != message:
                message = f"{message} ({_flatten(reasons)})" if message else reasons
        elif isinstance(error, str):
            message = error
        message = message or body.get("message")
    text = _flatten(message) if message else _snippet(json.dumps(body))
    prefix = f"HTTP {status} {code}" if code else f"HTTP {status}"
    return APIStatusError(f"{prefix}: {text}", status_code=status, code=code)


def _detail_messages(details: Any) -> list[str]:
    """Validation reasons from ``details``: a ``message`` list, or ``errors[].constraints``."""
    if not isinstance(details, dict):
        return []
    reasons: list[str] = []
    message = details.get("message")
    if isinstance(message, str):
        reasons.append(message)
    elif isinstance(message, list):
        reasons.extend(str(item) for item in message)
    for item in details.get("errors") or []:
        if isinstance(item, dict) and isinstance(item.get("constraints"), dict):
            reasons.extend(str(text) for text in item["constraints"].values())
    return reasons


def _flatten(message: Any) -> str:
    if isinstance(message, list):
        return "; ".join(str(item) for item in message)
    return str(message)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[:_SNIPPET] + "…"
