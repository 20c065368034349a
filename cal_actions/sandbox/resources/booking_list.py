"""Booking list filters, sorting and paging, following Cal.com's status definitions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from cal_actions.sandbox.errors import BadRequest
from cal_actions.sandbox.resources.booking_records import booking_output
from cal_actions.sandbox.routing import Call, Reply, paged, to_int
from cal_actions.sandbox.store import Document
from cal_actions.sandbox.times import parse_instant

DEFAULT_TAKE = 100
STATUSES = ("upcoming", "recurring", "past", "cancelled", "unconfirmed")


def _status_test(status: str, now: datetime) -> Callable[[Document], bool]:
    def end(b: Document) -> datetime:
        return parse_instant(b["end"], "end")

    tests: dict[str, Callable[[Document], bool]] = {
        "upcoming": lambda b: end(b) >= now and b["status"] in ("accepted", "pending"),
        "recurring": lambda b: end(b) >= now and b.get("recurringBookingUid") is not None and b["status"] == "accepted",
        "past": lambda b: end(b) <= now and b["status"] not in ("cancelled", "rejected"),
        "cancelled": lambda b: b["status"] in ("cancelled", "rejected"),
        "unconfirmed": lambda b: end(b) >= now and b["status"] == "pending",
    }
    if status not in tests:
        raise BadRequest(f"status must be one of the following values: {', '.join(STATUSES)}")
    return tests[status]


def _csv(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _bound(field: str, limit: datetime, direction: int) -> Callable[[Document], bool]:
    """``field`` at or after ``limit`` (direction 1) or at or before it (-1)."""
    return lambda booking: (parse_instant(booking[field], field) - limit).total_seconds() * direction >= 0


def _filters(query: httpx.QueryParams, now: datetime) -> list[Callable[[Document], bool]]:
    tests: list[Callable[[Document], bool]] = []
    statuses = [_status_test(s, now) for s in _csv(query.get("status"))]
    if statuses:
        tests.append(lambda b: any(test(b) for test in statuses))
    if query.get("attendeeEmail"):
        email = query["attendeeEmail"].lower()
        tests.append(lambda b: any(a["email"].lower() == email for a in b["attendees"]))
    if query.get("attendeeName"):
        wanted = query["attendeeName"].lower()
        tests.append(lambda b: any(wanted in a["name"].lower() for a in b["attendees"]))
    event_type_ids = {to_int(v, "eventTypeIds") for v in _csv(query.get("eventTypeIds"))}
    if query.get("eventTypeId"):
        event_type_ids.add(to_int(query["eventTypeId"], "eventTypeId"))
    if event_type_ids:
        tests.append(lambda b: b["eventTypeId"] in event_type_ids)
    team_ids = {to_int(v, "teamsIds") for v in _csv(query.get("teamsIds"))}
    if query.get("teamId"):
        team_ids.add(to_int(query["teamId"], "teamId"))
    if team_ids:
        tests.append(lambda b: b.get("teamId") in team_ids)
    if uid := query.get("bookingUid"):
        tests.append(lambda b: bool(b["uid"] == uid))
    bounds = (
        ("afterStart", "start", 1), ("beforeEnd", "end", -1), ("afterCreatedAt", "createdAt", 1),
        ("beforeCreatedAt", "createdAt", -1), ("afterUpdatedAt", "updatedAt", 1), ("beforeUpdatedAt", "updatedAt", -1),
    )  # fmt: skip
    for parameter, field, direction in bounds:
        if query.get(parameter):
            tests.append(_bound(field, parse_instant(query[parameter], parameter), direction))
    return tests


def _sort(bookings: list[Document], query: httpx.QueryParams) -> list[Document]:
    sorts = (("sortUpdatedAt", "updatedAt"), ("sortCreated", "createdAt"), ("sortEnd", "end"), ("sortStart", "start"))
    for name, field in sorts:
        order = query.get(name)
        if order is not None:
            if order not in ("asc", "desc"):
                raise BadRequest(f"{name} must be one of the following values: asc, desc")
            return sorted(bookings, key=lambda b: (parse_instant(b[field], field), b["id"]), reverse=order == "desc")
    return sorted(bookings, key=lambda b: (parse_instant(b["start"], "start"), b["id"]))


def select(bookings: list[Document], query: httpx.QueryParams, now: datetime) -> tuple[list[Document], dict[str, Any]]:
    tests = _filters(query, now)
    matching = _sort([b for b in bookings if all(test(b) for test in tests)], query)
    return paged(matching, query, default_take=DEFAULT_TAKE)


def listed(call: Call, bookings: list[Document]) -> Reply:
    """The answer of a booking list route: the page of ``bookings`` the query asks for, with its pagination."""
    page, pagination = select(bookings, call.query, call.now)
    return Reply([booking_output(call.tx, booking) for booking in page], extra={"pagination": pagination})
