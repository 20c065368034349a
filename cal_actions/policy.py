"""Guard rails an operator sets on a client: which actions may run at all. Pure functions only.

Hints come from each action's declaration (``read_only``, ``destructive``); a blocked action
sends nothing and its envelope says which action was stopped and why.
"""

from __future__ import annotations

from typing import Literal, get_args

from cal_actions.action import Action

Policy = Literal["read_only", "deny_destructive"]
POLICIES: tuple[str, ...] = get_args(Policy)
#: Which actions the confirm callback is asked about: ``destructive`` ones (overwrite or remove), or every
#: ``writes`` action (anything not read-only: also creates, which may phone, email or invite people, or grant roles).
ConfirmScope = Literal["destructive", "writes"]
CONFIRM_SCOPES: tuple[str, ...] = get_args(ConfirmScope)


def check_policy(policy: str | None) -> None:
    if policy is not None and policy not in POLICIES:
        raise ValueError(f"policy must be one of {', '.join(POLICIES)} or None, not {policy!r}")


def check_confirm_scope(scope: str) -> None:
    if scope not in CONFIRM_SCOPES:
        raise ValueError(f"confirm_scope must be one of {', '.join(CONFIRM_SCOPES)}, not {scope!r}")


def needs_confirmation(action: Action, scope: str) -> bool:
    """Whether the confirm callback is asked before ``action`` runs."""
    return not action.read_only if scope == "writes" else action.destructive


def refusal(action: Action, policy: str | None) -> str | None:
    """Why ``policy`` forbids ``action``, or ``None`` when it may run."""
    if policy == "read_only" and not action.read_only:
        return blocked(action, "the client's policy is read_only and this action can change data")
    if policy == "deny_destructive" and action.destructive:
        why = "the client's policy is deny_destructive and this action may overwrite or remove existing data"
        return blocked(action, why)
    return None


def blocked(action: Action, why: str) -> str:
    return f"{action.name} blocked: {why}; nothing was sent"


def declined(action: Action, error: BaseException | None = None) -> str:
    if error is not None:
        return blocked(action, f"the confirm callback failed ({type(error).__name__}) so it is treated as a no")
    kind = "destructive action" if action.destructive else "action"
    return blocked(action, f"the confirm callback did not approve this {kind}")
