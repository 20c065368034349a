"""Every declared action, one module per Cal.com resource, gathered into the registry."""

from __future__ import annotations

from cal_actions.action import Registry
from cal_actions.actions import (
    bookings,
    calendars,
    conferencing,
    event_types,
    me,
    org_attributes,
    org_teams,
    orgs,
    platform,
    routing_forms,
    schedules,
    slots,
    stripe,
    team_event_types,
    teams,
    timezones,
    verified_resources,
    webhooks,
    workflows,
)

MODULES = (
    me,
    event_types,
    team_event_types,
    slots,
    bookings,
    schedules,
    calendars,
    conferencing,
    webhooks,
    teams,
    org_teams,
    orgs,
    org_attributes,
    routing_forms,
    workflows,
    platform,
    stripe,
    timezones,
    verified_resources,
)

registry = Registry([action for module in MODULES for action in module.ACTIONS])
