"""Renewing a managed user's access token after a 401. Pure functions only.

Cal.com rotates both tokens on refresh: the old refresh token stops working, so the new pair
is handed to the client's ``on_tokens`` callback for the caller to store.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import httpx

from cal_actions.config import ClientConfig, checked_credential
from cal_actions.errors import CalActionsError, TokenRefreshError
from cal_actions.http.redact import MASK


@dataclass(frozen=True, repr=False)
class Tokens:
    """A managed user's new token pair, as given to ``on_tokens``."""

    access_token: str
    refresh_token: str

    def __repr__(self) -> str:
        return f"Tokens(access_token={MASK!r}, refresh_token={MASK!r})"

    def applied_to(self, config: ClientConfig) -> ClientConfig:
        return dataclasses.replace(config, access_token=self.access_token, refresh_token=self.refresh_token)


def can_refresh(config: ClientConfig) -> bool:
    """A 401 is worth one refresh only when the access token was sent and can be renewed."""
    return bool(config.access_token and config.refresh_token and config.client_id and config.client_secret)


def refresh_request(config: ClientConfig) -> httpx.Request:
    """``POST /v2/oauth/{clientId}/refresh``, built from the declared action so the route lives in one place."""
    from cal_actions.actions.platform import CAL_REFRESH_MANAGED_USER_TOKENS as action
    from cal_actions.http.request import build_request

    params = action.params.model_validate({"clientId": config.client_id, "refreshToken": config.refresh_token})
    return build_request(action, params, config)


def refreshed(outcome: httpx.Response | Exception) -> Tokens | TokenRefreshError:
    """The new pair from the refresh answer, or an error that says why there is none."""
    from cal_actions.http.response import read_response

    prefix = "the access token expired and could not be refreshed"
    if isinstance(outcome, Exception):
        return TokenRefreshError(f"{prefix}: network error ({type(outcome).__name__})")
    try:
        data = read_response(outcome)
    except CalActionsError as error:
        return TokenRefreshError(f"{prefix}: {error}", status_code=error.status_code)
    access = data.get("accessToken") if isinstance(data, dict) else None
    refresh = data.get("refreshToken") if isinstance(data, dict) else None
    if not (isinstance(access, str) and access and isinstance(refresh, str) and refresh):
        return TokenRefreshError(f"{prefix}: the answer has no accessToken and refreshToken", status_code=502)
    for name, token in (("accessToken", access), ("refreshToken", refresh)):
        try:
            checked_credential(name, token)
        except ValueError as error:  # a token no request could carry: the client keeps the pair it has
            return TokenRefreshError(f"{prefix}: the answer's {error}", status_code=502)
    return Tokens(access_token=access, refresh_token=refresh)
