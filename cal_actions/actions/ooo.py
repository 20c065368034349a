"""Out-of-office entries of organization users: days a user takes no bookings, optionally covered by a colleague."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cal_actions.action import AuthKind, Params, Route, all_optional, declare
from cal_actions.actions._paths import OrgPath, OrgUserPath

TAGS = ("orgs", "users", "ooo")
AUTH: AuthKind = "bearer_or_platform"
_DAY = "the whole UTC day counts; ISO 8601 UTC date-time"


# Body of a new entry (class comment, not a docstring: it would land in the tool schemas).
class OooFields(Params):
    # Server: Cal.com accepts only full date-times (YYYY-MM-DDTHH:MM:SS[.mmm]Z) and keeps their day:
    # start becomes 00:00:00.000Z, end 23:59:59.999Z.
    start: str = Field(description=f"First day away; {_DAY}")
    end: str = Field(description=f"Last day away; {_DAY}")
    notes: str | None = None
    toUserId: int | None = Field(None, description="Colleague who covers, sharing a team; from CAL_LIST_ORG_USERS")
    reason: Literal["unspecified", "vacation", "travel", "sick", "public_holiday"] | None = Field(
        None, description="Default unspecified"
    )


#: Body of an entry update: the same fields, none required (start and end go together).
@all_optional
class OooUpdateFields(OooFields):
    """The same fields, none required."""


class OooPage(Params):
    take: int | None = Field(None, ge=1, le=250, description="Default 250")
    skip: int | None = Field(None, ge=0)
    sortStart: Literal["asc", "desc"] | None = Field(None, description="Order by first day")
    sortEnd: Literal["asc", "desc"] | None = Field(None, description="Order by last day")


class OrgUserOooPath(OrgUserPath):
    oooId: int = Field(description="From CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES")


class ListOrgOoo(OooPage, OrgPath):
    email: str | None = Field(None, description="Only this member's entries")


CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES = declare(
    "CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES",
    description="List the out-of-office entries of every organization user (admin), optionally for one email. For "
    "one user by id use CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES.",
    params=ListOrgOoo,
    route=Route("GET", "/v2/organizations/{orgId}/ooo", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12}, {"orgId": 12, "email": "dana.lee@acme.com", "sortStart": "desc"}),
)


class ListOrgUserOoo(OooPage, OrgUserPath):
    pass


CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES = declare(
    "CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES",
    description="List one organization user's out-of-office entries with ids (admin).",
    params=ListOrgUserOoo,
    route=Route("GET", "/v2/organizations/{orgId}/users/{userId}/ooo", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "userId": 118},),
)


class CreateOrgUserOoo(OooFields, OrgUserPath):
    pass


CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY = declare(
    "CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY",
    description="Mark an organization user out of office from one day to another (admin): they are "
    "unavailable then. toUserId names a colleague who covers.",
    params=CreateOrgUserOoo,
    route=Route("POST", "/v2/organizations/{orgId}/users/{userId}/ooo", auth=AUTH),
    tags=TAGS,
    examples=(
        {"orgId": 12, "userId": 118, "start": "2027-07-05T00:00:00Z", "end": "2027-07-16T00:00:00Z",
         "reason": "vacation", "toUserId": 124, "notes": "Omar covers my bookings"},
    ),
)  # fmt: skip


class UpdateOrgUserOoo(OooUpdateFields, OrgUserOooPath):
    pass


CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY = declare(
    "CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY",
    description="Change an organization user's out-of-office entry (admin); send start and end together.",
    params=UpdateOrgUserOoo,
    route=Route("PATCH", "/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "userId": 118, "oooId": 9, "end": "2027-07-19T00:00:00Z", "reason": "travel"},),
)


CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY = declare(
    "CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY",
    description="Delete an organization user's out-of-office entry (admin); those days open again.",
    params=OrgUserOooPath,
    route=Route("DELETE", "/v2/organizations/{orgId}/users/{userId}/ooo/{oooId}", auth=AUTH),
    tags=TAGS,
    examples=({"orgId": 12, "userId": 118, "oooId": 9},),
)


ACTIONS = [
    CAL_LIST_ORG_OUT_OF_OFFICE_ENTRIES,
    CAL_LIST_ORG_USER_OUT_OF_OFFICE_ENTRIES,
    CAL_CREATE_ORG_USER_OUT_OF_OFFICE_ENTRY,
    CAL_UPDATE_ORG_USER_OUT_OF_OFFICE_ENTRY,
    CAL_DELETE_ORG_USER_OUT_OF_OFFICE_ENTRY,
]
