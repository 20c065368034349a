"""Every resource module's route table. A new resource: one module with a ``routes`` table, listed here."""

from __future__ import annotations

from cal_actions.sandbox.resources import (
    api_keys,
    booking_details,
    bookings,
    calendar_events,
    calendar_use,
    calendars,
    conferencing,
    event_types,
    me,
    org_attributes,
    org_bookings,
    org_members,
    org_schedules,
    org_teams,
    platform,
    schedules,
    slots,
    stripe,
    teams,
    teams_admin,
    timezones,
    webhooks,
)
from cal_actions.sandbox.routing import Routes

ROUTE_TABLES: list[Routes] = [
    me.routes,
    schedules.routes,
    event_types.routes,
    teams.routes,
    slots.routes,
    bookings.routes,
    booking_details.routes,
    org_bookings.routes,
    webhooks.routes,
    teams_admin.routes,
    org_teams.routes,
    org_members.routes,
    org_attributes.routes,
    org_schedules.routes,
    calendars.routes,
    calendar_use.routes,
    calendar_events.routes,
    conferencing.routes,
    stripe.routes,
    timezones.routes,
    platform.routes,
    api_keys.routes,
]
