"""Every resource module's route table. A new resource: one module with a ``routes`` table, listed here."""

from __future__ import annotations

from cal_actions.sandbox.resources import bookings, event_types, me, schedules, slots, teams, webhooks
from cal_actions.sandbox.routing import Routes

ROUTE_TABLES: list[Routes] = [
    me.routes,
    schedules.routes,
    event_types.routes,
    teams.routes,
    slots.routes,
    bookings.routes,
    webhooks.routes,
]
