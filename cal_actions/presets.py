"""Named subsets of the registry for common agents, and the one function that picks actions.

Every tool costs prompt tokens and OpenAI accepts at most 128 per request, so an agent should
get the subset its job needs. A preset is a list of tags and extra action names; ``select``
combines presets, tags and explicit names the same way for every adapter and the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cal_actions.action import Action, Registry


@dataclass(frozen=True, slots=True)
class Preset:
    description: str
    tags: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    #: tags whose actions are left out even when another tag brings them in
    exclude_tags: tuple[str, ...] = ("legacy",)


PRESETS: dict[str, Preset] = {
    "scheduling": Preset(
        "Book, reschedule and cancel: profile, event types, free slots and bookings.",
        tags=("bookings", "slots"),
        actions=(
            "CAL_GET_ME",
            "CAL_LIST_EVENT_TYPES",
            "CAL_GET_EVENT_TYPE",
            "CAL_LIST_TEAM_EVENT_TYPES",
            "CAL_GET_DEFAULT_SCHEDULE",
        ),
        exclude_tags=("legacy", "orgs"),  # the organization-wide booking lists are for admins
    ),
    "availability": Preset(
        "Working hours and busy times: schedules, slots, calendars and busy times.",
        tags=("schedules", "slots"),
        actions=("CAL_GET_ME", "CAL_LIST_CALENDARS", "CAL_LIST_BUSY_TIMES", "CAL_LIST_EVENT_TYPES"),
        exclude_tags=("legacy", "orgs"),
    ),
    "event-types": Preset("Create and edit event types of users and teams.", tags=("event-types",)),
    "webhooks": Preset("Subscribe to booking events at every scope.", tags=("webhooks",)),
    "teams": Preset(
        "Teams outside an organization, their memberships and event types.",
        tags=("teams",),
        exclude_tags=("legacy", "orgs"),
    ),
    "orgs": Preset(
        "Organization administration: users, teams, memberships, attributes, bookings, out-of-office, delegation "
        "credentials, managed organizations, routing forms, workflows.",
        tags=("orgs", "routing-forms"),
    ),
    "platform": Preset(
        "Platform OAuth clients: the clients, their managed users, tokens and webhooks, managed organizations.",
        tags=("platform",),
    ),
    "verified-resources": Preset(
        "Verify email addresses and phone numbers (yours, a team's, an organization team's) for workflow reminders.",
        tags=("verified-resources",),
    ),
    "integrations": Preset("Calendars, conferencing apps and Stripe.", tags=("calendars", "conferencing", "stripe")),
    "all": Preset("Every action except the retired legacy routes (those stay callable by name)."),
}

#: Left out of every preset and of the default selection; named explicitly, they are still offered.
RETIRED_TAG = "legacy"


def preset_names() -> list[str]:
    return list(PRESETS)


def select(
    registry: Registry,
    *,
    preset: str | None = None,
    tags: Iterable[str] = (),
    actions: Iterable[str] = (),
) -> list[Action]:
    """The actions named by a preset, tags and action names or aliases, in registry order.

    With nothing given, the default agent set: every action but the retired ``legacy`` ones, which
    only an explicit name brings in. Unknown presets and action names raise ``UnknownActionError``
    or ``ValueError`` so a typo never silently yields fewer tools.
    """
    tags, names = set(tags), [registry.get(name).name for name in actions]
    excluded: set[str] = {RETIRED_TAG}
    if preset is not None:
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
        chosen = PRESETS[preset]
        if preset == "all":
            return [a for a in registry if a.name in names or not excluded.intersection(a.tags)]
        tags |= set(chosen.tags)
        names += [registry.get(name).name for name in chosen.actions]
        excluded = set(chosen.exclude_tags)
    elif not tags and not names:
        return [action for action in registry if not excluded.intersection(action.tags)]
    known_tags = {tag for action in registry for tag in action.tags}
    if unknown := tags - known_tags:
        raise ValueError(f"unknown tag(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known_tags))}")
    wanted = set(names)
    return [
        action
        for action in registry
        if action.name in wanted or (tags.intersection(action.tags) and not excluded.intersection(action.tags))
    ]
