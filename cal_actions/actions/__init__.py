"""Every declared action, one module per Cal.com resource, gathered into the registry."""

from __future__ import annotations

from cal_actions.action import Registry
from cal_actions.actions import (
    api_keys,
    booking_details,
    bookings,
    calendar_events,
    calendars,
    conferencing,
    delegation,
    event_types,
    managed_orgs,
    me,
    oauth_clients,
    ooo,
    org_attributes,
    org_bookings,
    org_teams,
    orgs,
    platform,
    private_links,
    schedules,
    slots,
    stripe,
    team_event_types,
    teams,
    timezones,
    verified_resources,
    webhooks,
)

MODULES = (
    me,
    event_types,
    team_event_types,
    private_links,
    slots,
    bookings,
    booking_details,
    schedules,
    calendars,
    calendar_events,
    conferencing,
    webhooks,
    teams,
    org_teams,
    orgs,
    org_attributes,
    org_bookings,
    ooo,
    delegation,
    managed_orgs,
    platform,
    oauth_clients,
    stripe,
    timezones,
    api_keys,
    verified_resources,
)

registry = Registry([action for module in MODULES for action in module.ACTIONS])
