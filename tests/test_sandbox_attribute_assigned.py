"""Assigned attribute options on the sandbox: read from the same assignments the assign and unassign actions keep."""

from __future__ import annotations

from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, ORG_ID, OTHER_API_KEYS, USER_ID

DEPARTMENT = {"orgId": ORG_ID, "attributeId": "1"}  # options 1 Engineering (Ada holds it), 2 Sales
BY_SLUG = {"orgId": ORG_ID, "attributeSlug": "department"}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox() as client:
        yield client


def _assign(cal: Cal, user_id: int, attribute_id: str, option_id: str) -> None:
    body = {"orgId": ORG_ID, "userId": user_id, "attributeId": attribute_id, "attributeOptionId": option_id}
    assert cal.execute("CAL_ASSIGN_ORG_ATTRIBUTE_OPTION_TO_USER", body).successful


def _held(cal: Cal, where: dict[str, Any], **query: Any) -> dict[str, list[int]]:
    listed = cal.execute("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS" if "attributeId" in where
                         else "CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG", {**where, **query})  # fmt: skip
    assert listed.successful, listed.error
    return {option["value"]: option["assignedUserIds"] for option in listed.data}


def test_held_options_follow_assignments(cal: Cal) -> None:
    first = cal.execute("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS", DEPARTMENT).data
    assert first == [{"id": "1", "attributeId": "1", "value": "Engineering", "slug": "engineering",
                      "assignedUserIds": [USER_ID]}]  # fmt: skip
    _assign(cal, GRACE_ID, "1", "1")
    assert _held(cal, DEPARTMENT) == _held(cal, BY_SLUG) == {"Engineering": [USER_ID, GRACE_ID]}
    _assign(cal, GRACE_ID, "1", "2")  # a single-select attribute: Sales replaces Engineering for Grace
    assert _held(cal, BY_SLUG) == {"Engineering": [USER_ID], "Sales": [GRACE_ID]}
    unassigned = {"orgId": ORG_ID, "userId": USER_ID, "attributeOptionId": "1"}
    assert cal.execute("CAL_UNASSIGN_ORG_ATTRIBUTE_OPTION_FROM_USER", unassigned).successful
    assert _held(cal, DEPARTMENT) == {"Sales": [GRACE_ID]}
    assert _held(cal, DEPARTMENT, take=1, skip=1) == {}
    assert _held(cal, {"orgId": ORG_ID, "attributeSlug": "nothing"}) == {}


def test_filters_by_team_and_by_the_holders_of_other_options(cal: Cal) -> None:
    _assign(cal, GRACE_ID, "1", "2")  # Ada: Engineering, Grace: Sales
    _assign(cal, USER_ID, "2", "3")  # Ada: Senior
    _assign(cal, GRACE_ID, "2", "4")  # Grace: Junior
    ada_only = cal.execute("CAL_CREATE_ORG_TEAM", {"orgId": ORG_ID, "name": "Founders"}).data["id"]
    assert _held(cal, DEPARTMENT, teamIds=[ada_only]) == {"Engineering": [USER_ID]}
    assert _held(cal, DEPARTMENT, assignedOptionIds=["4"]) == {"Sales": [GRACE_ID]}  # held by Junior holders
    assert _held(cal, DEPARTMENT, assignedOptionIds=["3", "4"]) == {"Engineering": [USER_ID], "Sales": [GRACE_ID]}
    nobody = cal.execute("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS", {**DEPARTMENT, "assignedOptionIds": ["2"],
                                                                      "teamIds": [ada_only]})  # fmt: skip
    assert nobody.status_code == 404 and "are not assigned to anyone" in nobody.error


def test_members_read_outsiders_do_not(cal: Cal) -> None:
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        assert grace.execute("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS", DEPARTMENT).successful
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[ALAN_ID]) as alan:
        denied = alan.execute("CAL_LIST_ORG_ATTRIBUTE_ASSIGNED_OPTIONS_BY_SLUG", BY_SLUG)
    assert denied.status_code == 403 and "is not a member of the organization" in denied.error
