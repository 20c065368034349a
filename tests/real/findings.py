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
SANDBOX_FIXED: list[str] = []
#: Divergences kept, keyed by (scenario, step, where in the answer), with the reason.
EXPLAINED: dict[tuple[str, str, str], str] = {}
