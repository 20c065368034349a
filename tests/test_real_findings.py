"""Defects that Cal.com's own server showed (``tests/real``), held here without the server.

Each test names the server's answer that revealed the defect; ``tests/real/findings.py`` lists them.
"""

from __future__ import annotations

import pytest

from cal_actions import Cal
from tests.support import ok

LIMITED = {"title": "Limited", "slug": "limited", "lengthInMinutes": 30}


@pytest.mark.parametrize("name", ["CAL_CREATE_EVENT_TYPE", "CAL_UPDATE_EVENT_TYPE"])
def test_booking_limits_never_send_disabled_false(name: str) -> None:
    # The server read `disabled: false` beside the limits as one more limit and answered "TRPCError: Bad request"
    # after creating the event type; false means the same as leaving it out, so only true is taken.
    with Cal.sandbox() as cal:
        arguments = {**LIMITED, "eventTypeId": 1} if name == "CAL_UPDATE_EVENT_TYPE" else LIMITED
        refused = cal.execute(name, {**arguments, "bookingLimitsCount": {"day": 2, "disabled": False}})
        assert not refused.successful and "bookingLimitsCount.disabled" in str(refused.error)
        sent = cal.execute(name, {**arguments, "bookingLimitsCount": {"day": 2}}, dry_run=True).data
        assert sent is not None and sent["json"]["bookingLimitsCount"] == {"day": 2}
        assert cal.execute(name, {**arguments, "bookingLimitsCount": {"disabled": True}}).successful


@pytest.mark.parametrize("name", ["CAL_CREATE_ORG_USER", "CAL_UPDATE_ORG_USER"])
def test_an_org_users_avatar_is_the_image_itself(name: str) -> None:
    # The server checks avatarUrl as a base64 image and refused the document's web URL (400, avatarValidator).
    with Cal.sandbox() as cal:
        arguments = {"orgId": 1, "userId": 2, "email": "new.member@example.com"}
        if name == "CAL_CREATE_ORG_USER":
            arguments.pop("userId")
        refused = cal.execute(name, {**arguments, "avatarUrl": "https://example.com/avatar.png"})
        assert not refused.successful and "avatarUrl" in str(refused.error)
        image = "data:image/png;base64,iVBORw0KGgo="
        sent = cal.execute(name, {**arguments, "avatarUrl": image}, dry_run=True).data
        assert sent is not None and sent["json"]["avatarUrl"] == image


def test_the_organizer_cancels_with_a_reason() -> None:
    # The server refused the organizer's cancel without a reason (400), which the sandbox accepted.
    with Cal.sandbox(now="2030-03-04T08:00:00Z") as cal:
        booking = {"eventTypeId": 2, "start": "2030-03-05T09:00:00Z",
                   "attendee": {"name": "Mary", "email": "mary@example.com", "timeZone": "Europe/London"}}
        uid = ok(cal, "CAL_CREATE_BOOKING", booking)["uid"]
        bare = cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": uid})
        assert bare.status_code == 400 and "Cancellation reason is required when you are the host" in str(bare.error)
        assert ok(cal, "CAL_GET_BOOKING", {"bookingUid": uid})["status"] == "accepted"
        assert cal.execute("CAL_CANCEL_BOOKING", {"bookingUid": uid, "cancellationReason": "Ill"}).successful
