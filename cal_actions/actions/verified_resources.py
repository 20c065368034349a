"""Verified email addresses and phone numbers of a user, a team and an organization team.

Workflows send reminders to a specific address or number only once it is verified. Each of the three
scopes has the same four actions per kind (list, get, send a code, verify with it), declared by
:func:`_declare_kind` from one :class:`Scope` and one :class:`Kind`; the names follow
``CAL_<VERB>_<SCOPE>_<THING>``: ``CAL_LIST_TEAM_VERIFIED_EMAILS``, ``CAL_GET_ORG_TEAM_VERIFIED_PHONE``,
``CAL_SEND_EMAIL_VERIFICATION_CODE``, ``CAL_VERIFY_ORG_TEAM_PHONE``…
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import Field, create_model

from cal_actions.action import Action, Params, Route, declare
from cal_actions.actions._paths import OrgTeamPath, Page, TeamPath
from cal_actions.actions.team_event_types import E164

TAG = "verified-resources"
# Server: IsEmail() on every email field; a light check so a non-address is refused before sending.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


# Bodies of the code request and of the verification (comments, not docstrings: a docstring would land
# in the tool schema of the user-scope actions, which use these models directly).
class EmailFields(Params):
    email: str = Field(pattern=EMAIL, description="Address to verify")


class EmailCodeFields(EmailFields):
    code: str = Field(description="Code from the email, as its recipient reads it to you")


# Server: IsPhoneNumber() takes any international form ("+372 5555 6666"); E.164 is required here because
# the code goes out by SMS to that exact number and workflows match the stored number character for character.
class PhoneFields(Params):
    phone: str = Field(pattern=E164, description="E.164")


class PhoneCodeFields(PhoneFields):
    code: str = Field(description="Code from the SMS, as its recipient reads it to you")


@dataclass(frozen=True)
class Scope:
    infix: str  # between verb and thing in the names: "", "TEAM_", "ORG_TEAM_"
    prefix: str  # the route up to /verified-resources
    path: type[Params] | None  # the path ids, if any
    tags: tuple[str, ...]
    whose: str  # "your", "a team's"…
    target: str  # "yourself", "a team"…: who an address is verified for
    detail: str = ""  # which teams, and who may
    listed: str = ""  # what else the list holds


@dataclass(frozen=True)
class Kind:
    singular: str  # in names: EMAIL, PHONE
    segment: str  # in routes: emails, phones
    noun: str  # with its article
    plural: str
    sent_by: str  # how Cal.com delivers the code
    request: type[Params]
    verify: type[Params]


USER = Scope("", "/v2", None, (TAG,), "your", "yourself", listed=" (also those you verified for a team)")
TEAM = Scope(
    "TEAM_", "/v2/teams/{teamId}", TeamPath, (TAG, "teams"), "a team's", "a team", " outside any organization (admins)"
)
ORG_TEAM = Scope(
    "ORG_TEAM_",
    "/v2/organizations/{orgId}/teams/{teamId}",
    OrgTeamPath,
    (TAG, "orgs", "teams"),
    "an organization team's",
    "an organization team",
    " (its admins or the organization's)",
)
SCOPES = (USER, TEAM, ORG_TEAM)
EMAIL_KIND = Kind("EMAIL", "emails", "an email address", "email addresses", "emails", EmailFields, EmailCodeFields)
PHONE_KIND = Kind("PHONE", "phones", "a phone number", "phone numbers", "texts", PhoneFields, PhoneCodeFields)
Namer = Callable[[Scope, Kind], str]
#: The path ids and the address of each scope's and kind's example calls.
EXAMPLE_IDS: dict[Scope, dict[str, Any]] = {USER: {}, TEAM: {"teamId": 7}, ORG_TEAM: {"orgId": 12, "teamId": 31}}
EXAMPLE_ADDRESS = {EMAIL_KIND: {"email": "frontdesk@acme.com"}, PHONE_KIND: {"phone": "+14155550123"}}


def list_name(scope: Scope, kind: Kind) -> str:
    return f"CAL_LIST_{scope.infix}VERIFIED_{kind.singular}S"


def get_name(scope: Scope, kind: Kind) -> str:
    return f"CAL_GET_{scope.infix}VERIFIED_{kind.singular}"


def send_name(scope: Scope, kind: Kind) -> str:
    return f"CAL_SEND_{scope.infix}{kind.singular}_VERIFICATION_CODE"


def verify_name(scope: Scope, kind: Kind) -> str:
    return f"CAL_VERIFY_{scope.infix}{kind.singular}"


def _twins(scope: Scope, kind: Kind, name_of: Namer, label: Callable[[Scope], str]) -> str:
    """The same action at the other scopes, so the model picks by whose address it is."""
    twins = "; ".join(f"{label(other)}: {name_of(other, kind)}" for other in SCOPES if other != scope)
    return twins[0].upper() + twins[1:] + "."


def _owned(scope: Scope) -> str:
    return "yours" if scope is USER else scope.whose


def _for(scope: Scope) -> str:
    return f"for {scope.target}"


def _params(scope: Scope, fields: type[Params], model_name: str) -> type[Params]:
    """The fields behind the scope's path ids (path ids come first in the schema)."""
    return fields if scope.path is None else create_model(model_name, __base__=(fields, scope.path))


def _declare_kind(scope: Scope, kind: Kind) -> list[Action]:
    """The four actions of one kind at one scope: list, get by id, send a code, verify with it."""
    base = f"{scope.prefix}/verified-resources/{kind.segment}"
    stem = f"{scope.infix.title().replace('_', '')}Verified{kind.singular.title()}"
    ids, address = EXAMPLE_IDS[scope], EXAMPLE_ADDRESS[kind]
    by_id = create_model(
        f"Get{stem}", __base__=scope.path or Params, id=(int, Field(description=f"From {list_name(scope, kind)}"))
    )
    return [
        declare(
            list_name(scope, kind),
            description=f"List {scope.whose} verified {kind.plural}{scope.listed} with ids; workflows send "
            f"reminders only to verified ones. {_twins(scope, kind, list_name, _owned)}",
            params=_params(scope, Page, f"List{stem}s"),
            route=Route("GET", base),
            tags=scope.tags,
            examples=({**ids},),
        ),
        declare(
            get_name(scope, kind),
            description=f"Get one of {scope.whose} verified {kind.plural} by id; data is null when "
            f"{list_name(scope, kind)} does not show that id.",
            params=by_id,
            route=Route("GET", f"{base}/{{id}}"),
            tags=scope.tags,
            examples=({**ids, "id": 3},),
        ),
        declare(
            send_name(scope, kind),
            description=f"Step 1 of verifying {kind.noun} {_for(scope)}{scope.detail}: Cal.com {kind.sent_by} a "
            f"code to it; ask the recipient for it, then call {verify_name(scope, kind)}. "
            f"{_twins(scope, kind, send_name, _for)}",
            params=_params(scope, kind.request, f"Request{stem}Code"),
            route=Route("POST", f"{base}/verification-code/request"),
            tags=scope.tags,
            examples=({**ids, **address},),
        ),
        declare(
            verify_name(scope, kind),
            description=f"Step 2: verify {kind.noun} {_for(scope)} with the code {send_name(scope, kind)} "
            "sent to it (ask the person who received it; never guess). Returns it with its id; a wrong or expired "
            "code is refused.",
            params=_params(scope, kind.verify, f"Verify{stem}"),
            route=Route("POST", f"{base}/verification-code/verify"),
            tags=scope.tags,
            examples=({**ids, **address, "code": "482913"},),
        ),
    ]


ACTIONS = [action for scope in SCOPES for kind in (EMAIL_KIND, PHONE_KIND) for action in _declare_kind(scope, kind)]
