"""Every resource module's route table. A new resource: one module with a ``routes`` table, listed here."""

from __future__ import annotations

from cal_actions.sandbox.resources import (
    bookings,
    calendar_use,
    calendars,
    conferencing,
    event_types,
    me,
    org_attributes,
    org_members,
    org_schedules,
    org_teams,
    platform,
    routing_forms,
    routing_submissions,
    schedules,
    slots,
    stripe,
    teams,
    teams_admin,
    timezones,
    verified_resources,
    webhooks,
    workflows,
)
from cal_actions.sandbox.routing import Routes

ROUTE_TABLES: list[Routes] = [
    me.routes,
    schedules.routes,
    event_types.routes,
    teams.routes,
    slots.routes,
    bookings.routes,
    webhooks.routes,
    teams_admin.routes,
    org_teams.routes,
    org_members.routes,
    org_attributes.routes,
    org_schedules.routes,
    routing_forms.routes,
    routing_submissions.routes,
    workflows.routes,
    calendars.routes,
    calendar_use.routes,
    conferencing.routes,
    stripe.routes,
    timezones.routes,
    platform.routes,
    verified_resources.routes,
]
