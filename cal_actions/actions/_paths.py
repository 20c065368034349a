"""Path-id and paging fields shared by the resource modules."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Params


class Page(Params):
    take: int | None = None  # page size
    skip: int | None = None


class OrgPath(Params):
    orgId: int = Field(description="From CAL_GET_MY_ORGANIZATION_ID")


class OrgUserPath(OrgPath):
    userId: int = Field(description="From CAL_LIST_ORG_USERS")


class TeamPath(Params):
    teamId: int = Field(description="From CAL_LIST_TEAMS")


class OrgTeamPath(OrgPath):
    teamId: int = Field(description="From CAL_LIST_ORG_TEAMS")


class EventTypePath(Params):
    eventTypeId: int = Field(description="From CAL_LIST_EVENT_TYPES")
