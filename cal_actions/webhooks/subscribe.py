"""Subscribe an endpoint to Cal.com triggers with a fresh secret, through the declared webhook actions."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from cal_actions.result import ActionResult

if TYPE_CHECKING:
    from cal_actions.http.client import AsyncCal, Cal

Scope = Literal["user", "event_type", "org", "oauth_client"]
#: The create action of each scope and the path field naming its owner.
CREATE_ACTIONS: dict[str, tuple[str, str | None]] = {
    "user": ("CAL_CREATE_WEBHOOK", None),
    "event_type": ("CAL_CREATE_EVENT_TYPE_WEBHOOK", "eventTypeId"),
    "org": ("CAL_CREATE_ORG_WEBHOOK", "orgId"),
    "oauth_client": ("CAL_CREATE_OAUTH_CLIENT_WEBHOOK", "clientId"),
}


@dataclass(frozen=True)
class Subscription:
    """The create action's envelope and the secret the webhook signs with (store it for the receiver)."""

    result: ActionResult
    secret: str

    def __repr__(self) -> str:  # the answer may echo the secret
        hook_id = self.webhook.get("id") if isinstance(self.webhook, dict) else None
        return f"Subscription(successful={self.result.successful}, webhook_id={hook_id!r}, secret='***')"

    @property
    def webhook(self) -> Any:
        """The created webhook (``result.data``), ``None`` when creation failed."""
        return self.result.data


def subscription_request(
    url: str, triggers: Sequence[str] | str, scope: Scope, owner: int | str | None, client_id: str | None, **extra: Any
) -> tuple[str, dict[str, Any], str]:
    """The action name, its arguments and the fresh secret for a subscription."""
    if scope not in CREATE_ACTIONS:
        raise ValueError(f"scope must be one of {', '.join(CREATE_ACTIONS)}, not {scope!r}")
    name, owner_field = CREATE_ACTIONS[scope]
    secret = secrets.token_hex(32)
    listed = [triggers] if isinstance(triggers, str) else list(triggers)  # a lone string is one trigger, not letters
    arguments: dict[str, Any] = {"subscriberUrl": url, "triggers": listed, "active": True, "secret": secret}
    arguments.update({key: value for key, value in extra.items() if value is not None})
    if owner_field is not None:
        owner = client_id if owner is None and scope == "oauth_client" else owner
        if owner is None:
            raise ValueError(f"scope {scope!r} needs owner= (its {owner_field})")
        arguments[owner_field] = owner
    return name, arguments, secret


def subscribe(
    cal: Cal,
    url: str,
    triggers: Sequence[str] | str,
    scope: Scope = "user",
    *,
    owner: int | str | None = None,
    payload_template: str | None = None,
) -> Subscription:
    """Create a webhook for ``triggers`` (a list, or one trigger) posting to ``url``, signed with a new
    random secret.

    ``scope``: ``user`` (every event type of the caller), ``event_type``, ``org`` or ``oauth_client``;
    ``owner`` is the event type id, organization id or OAuth client id (the client's own by default).
    """
    name, arguments, secret = subscription_request(
        url, triggers, scope, owner, cal.config.client_id, payloadTemplate=payload_template
    )
    return Subscription(cal.execute(name, arguments), secret)


async def asubscribe(
    cal: AsyncCal,
    url: str,
    triggers: Sequence[str] | str,
    scope: Scope = "user",
    *,
    owner: int | str | None = None,
    payload_template: str | None = None,
) -> Subscription:
    """The :class:`~cal_actions.AsyncCal` twin of :func:`subscribe`."""
    name, arguments, secret = subscription_request(
        url, triggers, scope, owner, cal.config.client_id, payloadTemplate=payload_template
    )
    return Subscription(await cal.execute(name, arguments), secret)
