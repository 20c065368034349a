"""What the runs against Cal.com's own server found, kept with the suite that found it.

``FIXED``: actions that failed on the real server because of a defect of ours, now fixed; each note
says what was wrong and which test (run without the server) holds the fix.
"""

from __future__ import annotations

_LIMITS = (
    "bookingLimitsCount took `disabled: false` beside the limits, which the server reads as one more limit: it "
    "answered 'TRPCError: Bad request' (after creating the event type, on create). Only true is taken now "
    "(tests/test_real_findings.py::test_booking_limits_never_send_disabled_false)."
)
FIXED: dict[str, str] = {
    "CAL_CREATE_EVENT_TYPE": _LIMITS,
    "CAL_UPDATE_EVENT_TYPE": _LIMITS,
    "CAL_CANCEL_BOOKING": (
        "The server refuses the organizer's own cancel without a reason ('Cancellation reason is required when you "
        "are the host'); the sandbox cancelled it and the declaration did not say so. The sandbox refuses it now and "
        "the field says when it is required (tests/test_real_findings.py::test_the_organizer_cancels_with_a_reason)."
    ),
    "CAL_MARK_BOOKING_ABSENT": (
        "The server refuses attendees' no-shows before the meeting has started (500 'Failed to update no-show "
        "status'); the sandbox recorded them and the error hint did not name that cause. Both do now "
        "(tests/test_sandbox_bookings.py::test_mark_absent_records_no_shows)."
    ),
}

#: Divergences the differential test found and the sandbox no longer has.
SANDBOX_FIXED: list[str] = [
    "Event types answered without the settings Cal.com answers by default (booking window, confirmation policy, "
    "seats, offset, the hide-* and email-verification flags), with `users` as usernames rather than user objects, "
    "with no `multipleDuration` in their metadata, and with a minimum notice of 0 instead of Cal.com's 120 minutes.",
    "Bookings lacked `icsUid`, `meetingUrl` and `rating`, listed empty `guests`, gave the old booking of a "
    "reschedule its reason and the new one's answers no `rescheduledReason`.",
    "Cancelling a cancelled booking was refused; Cal.com's server cancels it again (200).",
    "`/v2/me` answered `name`, `locale` and `avatarUrl`, which neither Cal.com's server nor the live document has.",
    "Teams, team members and webhooks left unset fields out instead of answering them as null.",
    "Messages in other words than Cal.com's: an unknown schedule, webhook, event type, booking or team membership; "
    "a webhook's taken subscriber URL; a length an event type does not offer; an attendee's unknown time zone; an "
    "API key nobody has ('CustomThrottlerGuard - Invalid API Key'); the organizer's cancel without a reason (an "
    "error with no code).",
    "Organization guards: a team outside the organization is not found (404 'IsTeamInOrg - Team (3) not found.'), "
    "an id that is no organization is refused in the guard's words ('IsOrgGuard - provided organization id=3 "
    "does not represent any existing organization.').",
    "Holding a held slot answered 400 (no host free); Cal.com's server answers 422 'This time slot is already "
    "reserved by another user' before it looks at the hosts.",
]

_NEWER = "newer than this server's code: the live document has it, and the sandbox follows the live document"
_STORED_ROW = (
    "this server's GET of a webhook answers the stored row (app, platform, creation time, schedule fields); the live "
    "document's webhook has only the webhook's own fields, as this server's other webhook answers do"
)
#: Divergences kept, keyed by (scenario, step, where in the answer); "*" stands for any scenario or step.
EXPLAINED: dict[tuple[str, str, str], str] = {
    **{("*", "*", f"{data}.{field}: only the sandbox has it"): _NEWER + f" (an event type's `{field}`)"
       for data in ("data", "data[]") for field in ("hidden", "bookingRequiresAuthentication")},
    ("*", "who am I", "data.organization: only the sandbox has it"): _NEWER + " (your organization's id and plan)",
    ("booking_life_cycle", "*", "data.cancelledByEmail: only the sandbox has it"): _NEWER,
    ("booking_life_cycle", "get the old booking", "data.rescheduledToUid: only the sandbox has it"): _NEWER
    + "; the client's read-back of a lost reschedule looks for it first, then for the new booking's "
    "rescheduledFromUid, which this server answers",
    ("booking_life_cycle", "list by attendee", "data.pagination.returnedItems: only the sandbox has it"): _NEWER,
    **{("webhooks", "get", f"data.{field}: the sandbox lacks it"): _STORED_ROW
       for field in ("appId", "createdAt", "eventTypeId", "oAuthClientId", "platform", "teamId", "time", "timeUnit")},
    ("teams_and_memberships", "remove the user", "data.user: only the sandbox has it"): _NEWER
    + " (the live document's deleted team membership carries its user; this server's code answers the row alone)",
    ("teams_and_memberships", "add the user twice", "status: 409 in the sandbox, 500 on the server"): (
        "the server here runs Prisma 6 (the local build's patch), whose errors Cal.com's Prisma filter, written for "
        "Prisma 5's classes, does not catch: its 409 'Trying to create a record that already exists' becomes a 500"
    ),
    ("teams_and_memberships", "add the user twice", "error"): "the same: the local build's Prisma, not Cal.com",
    **{("org_team_apps", "the team's schedules", where): _NEWER + " (an organization team's schedules)"
       for where in ("status: 200 in the sandbox, 404 on the server", "error")},
}
