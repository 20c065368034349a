"""Path-id and paging fields shared by the resource modules."""

from __future__ import annotations

from pydantic import Field

from cal_actions.action import Params


class Page(Params):
    take: int = Field(None, description="Max items to return")
    skip: int = Field(None, description="Items to skip, for paging")


class OrgPath(Params):
    orgId: int = Field(description="Organization id, from CAL_GET_MY_ORGANIZATION_ID")


class OrgUserPath(OrgPath):
    userId: int = Field(description="Organization user id, from CAL_LIST_ORG_USERS")


class TeamPath(Params):
    teamId: int = Field(description="Standalone team id, from CAL_LIST_TEAMS")


class OrgTeamPath(OrgPath):
    teamId: int = Field(description="Team id inside the organization, from CAL_LIST_ORG_TEAMS or CAL_LIST_MY_ORG_TEAMS")


class EventTypePath(Params):
    eventTypeId: int = Field(description="Event type id, from CAL_LIST_EVENT_TYPES")
