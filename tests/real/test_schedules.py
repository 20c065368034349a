"""Schedules: your own, and an organization member's (create, list, get, update, delete)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.real.harness import Run, weekday

pytestmark = pytest.mark.real_calcom

HOURS = [{"days": ["Monday", "Wednesday"], "startTime": "09:00", "endTime": "12:00"},
         {"days": ["Friday"], "startTime": "13:00", "endTime": "17:00"}]


def _full(name: str, day: str, *, default: bool) -> dict[str, Any]:
    return {"name": name, "timeZone": "Europe/Paris", "availability": HOURS, "isDefault": default,
            "overrides": [{"date": day, "startTime": "10:00", "endTime": "11:30"}]}


def test_my_schedules(run: Run) -> None:
    # The key's user is shared: its default schedule stays the one it has.
    default = run.need("CAL_GET_ME")["defaultScheduleId"]
    made = run.both("CAL_CREATE_SCHEDULE", {"name": "Mornings", "timeZone": "Europe/London", "isDefault": False},
                    _full("Mornings and Fridays", weekday(20, 9)[:10], default=False),
                    undo=lambda schedule: ("CAL_DELETE_SCHEDULE", {"scheduleId": schedule["id"]}))
    ids = [schedule["id"] for schedule in made]
    assert made[1]["overrides"] == [{"date": weekday(20, 9)[:10], "startTime": "10:00", "endTime": "11:30"}]
    assert {schedule["id"] for schedule in run.both("CAL_LIST_SCHEDULES")[0]} >= {default, *ids}
    assert run.both("CAL_GET_DEFAULT_SCHEDULE")[0]["id"] == default
    assert run.both("CAL_GET_SCHEDULE", {"scheduleId": ids[1]})[0]["timeZone"] == "Europe/Paris"
    run.minimal("CAL_UPDATE_SCHEDULE", {"scheduleId": ids[0]})
    updated = run.complete("CAL_UPDATE_SCHEDULE", {"scheduleId": ids[0]},
                           _full("Renamed", weekday(27, 9)[:10], default=False))
    assert updated["name"] == "Renamed" and updated["availability"] == HOURS
    for schedule_id in ids:
        run.both("CAL_DELETE_SCHEDULE", {"scheduleId": schedule_id})
    assert run.need("CAL_GET_DEFAULT_SCHEDULE")["id"] == default


def test_org_member_schedules(run: Run, me: dict[str, int], member: dict[str, Any]) -> None:
    scope = {"orgId": me["orgId"], "userId": member["id"]}
    made = run.both("CAL_CREATE_ORG_USER_SCHEDULE", {**scope, "name": "Member hours", "timeZone": "Europe/London",
                                                     "isDefault": True},
                    _full("Member, every field", weekday(20, 9)[:10], default=False),
                    undo=lambda schedule: ("CAL_DELETE_ORG_USER_SCHEDULE", {**scope, "scheduleId": schedule["id"]}))
    ids = [schedule["id"] for schedule in made]
    listed = run.both("CAL_LIST_ORG_USER_SCHEDULES", scope)[0]
    assert {schedule["id"] for schedule in listed} >= set(ids)
    org_wide = run.both("CAL_LIST_ORG_SCHEDULES", {"orgId": me["orgId"]}, {"take": 100, "skip": 0})
    assert all({schedule["id"] for schedule in page} >= set(ids) for page in org_wide)
    got = run.both("CAL_GET_ORG_USER_SCHEDULE", {**scope, "scheduleId": ids[1]})[0]
    assert got["name"] == "Member, every field"
    run.minimal("CAL_UPDATE_ORG_USER_SCHEDULE", {**scope, "scheduleId": ids[1]})
    updated = run.complete("CAL_UPDATE_ORG_USER_SCHEDULE", {**scope, "scheduleId": ids[1]},
                           _full("Member, now default", weekday(27, 9)[:10], default=True))
    assert updated["isDefault"] is True
    for schedule_id in ids:
        run.both("CAL_DELETE_ORG_USER_SCHEDULE", {**scope, "scheduleId": schedule_id})
