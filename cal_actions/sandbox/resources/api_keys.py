"""``/v2/api-keys/refresh``: a new API key for the caller's, which stops working at once."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from cal_actions.sandbox.errors import BadRequest, Unauthorized
from cal_actions.sandbox.routing import Call, Routes
from cal_actions.sandbox.times import iso_utc

routes = Routes()

KIND = "api_key"
DEFAULT_DAYS_VALID = 30


@routes.action("CAL_REFRESH_API_KEY")
def refresh(call: Call) -> dict[str, Any]:
    token = call.principal.api_key
    if token is None:  # a managed user's access token
        raise Unauthorized(
            "ApiKeysService - This endpoint can only be accessed using an API key by providing "
            "'Authorization: Bearer <apiKey>' header"
        )
    days, never = call.body.get("apiKeyDaysValid"), call.body.get("apiKeyNeverExpires")
    if days and never:
        raise BadRequest(
            "ApiKeysService -Cannot set both apiKeyDaysValid and apiKeyNeverExpires. It has to be either or none of "
            "them."
        )
    expires = None if never else iso_utc(call.now + timedelta(days=days or DEFAULT_DAYS_VALID))
    new = f"cal_sandbox_{secrets.token_hex(16)}"
    call.tx.put(KIND, new, {"userId": call.user_id, "expiresAt": expires})
    call.tx.delete(KIND, token)
    return {"apiKey": new}
