"""Verified email addresses and phone numbers: request a code, verify with it, then list and get, at three scopes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from cal_actions import Cal
from cal_actions.cli import main
from cal_actions.sandbox import API_KEY, SANDBOX_BASE_URL, Sandbox, SandboxTransport
from cal_actions.sandbox.resources.verified_resources import CODES, code_sent_to
from cal_actions.sandbox.seed import ALAN_ID, GRACE_ID, ORG_ID, ORG_TEAM_ID, OTHER_API_KEYS, TEAM_ID, USER_ID

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
# Action infix and path ids of each scope, and the team an address verified there belongs to.
SCOPES = {
    "user": ("", {}, None),
    "team": ("TEAM_", {"teamId": TEAM_ID}, TEAM_ID),
    "org team": ("ORG_TEAM_", {"orgId": ORG_ID, "teamId": ORG_TEAM_ID}, ORG_TEAM_ID),
}
# Kind → (name word, body field, stored field, an address, the refusal of a wrong code)
KINDS = {
    "email": ("EMAIL", "email", "email", "mary@example.com",
              "HTTP 400 TRPCError: Bad request: Please check your request data and try again"),
    "phone": ("PHONE", "phone", "phoneNumber", "+4915112345678",
              "HTTP 400 BadRequestException: Could not verify phone number."),
}  # fmt: skip


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=NOW) as client:
        yield client


def _names(scope: str, kind: str) -> dict[str, str]:
    infix, word = SCOPES[scope][0], KINDS[kind][0]
    return {
        "list": f"CAL_LIST_{infix}VERIFIED_{word}S",
        "get": f"CAL_GET_{infix}VERIFIED_{word}",
        "send": f"CAL_SEND_{infix}{word}_VERIFICATION_CODE",
        "verify": f"CAL_VERIFY_{infix}{word}",
    }


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("scope", list(SCOPES))
def test_a_code_verifies_the_address_which_is_then_listed_and_gettable(cal: Cal, scope: str, kind: str) -> None:
    names, (_, ids, team_id), (_, field, stored, address, refusal) = _names(scope, kind), SCOPES[scope], KINDS[kind]
    requested = cal.execute(names["send"], {**ids, field: address})
    assert requested.successful and requested.data == {"status": "success"}
    code = code_sent_to(cal.emulator, address)
    assert code is not None and len(code) == 6 and code.isdigit()
    assert code not in json.dumps(requested.model_dump())  # the code reaches the recipient only

    wrong = cal.execute(names["verify"], {**ids, field: address, "code": _wrong(code)})
    assert not wrong.successful and wrong.status_code == 400 and wrong.error == refusal
    before = cal.execute(names["list"], ids).data
    assert address not in [row[stored] for row in before]

    verified = cal.execute(names["verify"], {**ids, field: address, "code": code})
    assert verified.successful, verified.error
    record = verified.data
    assert record == {"id": record["id"], "userId": USER_ID, "teamId": team_id, stored: address}
    assert cal.execute(names["list"], ids).data == [*before, record]
    assert cal.execute(names["get"], {**ids, "id": record["id"]}).data == record


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_address_verified_for_a_team_is_the_teams_and_in_its_verifiers_list(cal: Cal, kind: str) -> None:
    team, mine = _names("team", kind), _names("user", kind)
    _, field, stored, address, _ = KINDS[kind]
    assert cal.execute(team["send"], {"teamId": TEAM_ID, field: address}).successful
    record = cal.execute(
        team["verify"], {"teamId": TEAM_ID, field: address, "code": code_sent_to(cal.emulator, address)}
    ).data

    # Cal.com lists a user's verified addresses by who verified them, team ones included.
    assert record in cal.execute(mine["list"]).data
    assert cal.execute(mine["get"], {"id": record["id"]}).data == record
    org_team = _names("org team", kind)
    other_team = cal.execute(org_team["list"], {"orgId": ORG_ID, "teamId": ORG_TEAM_ID}).data
    assert address not in [row[stored] for row in other_team]
    # The team's addresses do not hold the user's own ones.
    own = [row for row in cal.execute(mine["list"]).data if row["teamId"] is None]
    team_rows = cal.execute(team["list"], {"teamId": TEAM_ID}).data
    assert own and not [row for row in own if row in team_rows]


def test_an_email_code_verifies_until_it_expires_and_a_phone_code_once(cal: Cal) -> None:
    email, phone = _names("user", "email"), _names("user", "phone")
    assert cal.execute(email["send"], {"email": "mary@example.com"}).successful
    assert cal.execute(phone["send"], {"phone": "+4915112345678"}).successful
    email_code, phone_code = (
        code_sent_to(cal.emulator, "mary@example.com"),
        code_sent_to(cal.emulator, "+4915112345678"),
    )
    arguments = {"email": "mary@example.com", "code": email_code}
    first, again = cal.execute(email["verify"], arguments), cal.execute(email["verify"], arguments)
    assert first.successful and again.successful and again.data == first.data  # one record, not two
    assert sum(row["email"] == "mary@example.com" for row in cal.execute(email["list"]).data) == 1

    assert cal.execute(phone["verify"], {"phone": "+4915112345678", "code": phone_code}).successful
    used = cal.execute(phone["verify"], {"phone": "+4915112345678", "code": phone_code})
    assert used.status_code == 400 and used.error == KINDS["phone"][4]
    assert code_sent_to(cal.emulator, "+4915112345678") is None

    cal.emulator.clock.advance(timedelta(minutes=16))
    expired = cal.execute(email["verify"], arguments)
    assert expired.status_code == 400 and expired.error == KINDS["email"][4]


def test_asking_again_sends_the_same_code_while_it_is_valid_and_a_new_one_after(cal: Cal) -> None:
    send = _names("user", "phone")["send"]
    assert cal.execute(send, {"phone": "+4915112345678"}).successful
    first = code_sent_to(cal.emulator, "+4915112345678")
    cal.emulator.clock.advance(timedelta(minutes=9))
    assert cal.execute(send, {"phone": "+4915112345678"}).successful
    assert code_sent_to(cal.emulator, "+4915112345678") == first
    cal.emulator.clock.advance(timedelta(minutes=2))  # past the first code's 10 minutes
    assert code_sent_to(cal.emulator, "+4915112345678") is None
    assert cal.execute(send, {"phone": "+4915112345678"}).successful
    stored = cal.emulator.read(CODES, "phone:+4915112345678")
    assert stored["expiresAt"] == (NOW + timedelta(minutes=21)).timestamp() * 1000


def test_a_code_belongs_to_the_address_not_to_the_scope_that_asked(cal: Cal) -> None:
    assert cal.execute("CAL_SEND_EMAIL_VERIFICATION_CODE", {"email": "desk@example.com"}).successful
    code = code_sent_to(cal.emulator, "desk@example.com")
    verified = cal.execute("CAL_VERIFY_TEAM_EMAIL", {"teamId": TEAM_ID, "email": "desk@example.com", "code": code})
    assert verified.successful and verified.data["teamId"] == TEAM_ID


def test_without_a_request_there_is_no_code_to_verify(cal: Cal) -> None:
    result = cal.execute("CAL_VERIFY_PHONE", {"phone": "+4915112345678", "code": "123456"})
    assert result.status_code == 400 and result.error == KINDS["phone"][4]


@pytest.mark.parametrize("scope", ["user", "team", "org team"])
def test_an_id_that_is_not_the_scopes_answers_null_as_cal_com_does(cal: Cal, scope: str) -> None:
    ids = SCOPES[scope][1]
    name = _names(scope, "email")["get"]
    assert cal.execute(name, {**ids, "id": 999}).model_dump() == {"data": None, "successful": True, "error": None}
    if scope == "user":  # another user's address
        with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
            assert grace.execute(name, {"id": 1}).data is None
    else:  # the other team's seeded address
        assert cal.execute(name, {**ids, "id": 3 if scope == "team" else 2}).data is None


def test_team_routes_need_a_team_admin(cal: Cal) -> None:
    with (
        Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace,
        Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[ALAN_ID]) as alan,
    ):
        member = grace.execute("CAL_LIST_TEAM_VERIFIED_EMAILS", {"teamId": TEAM_ID})
        outsider = alan.execute(
            "CAL_SEND_ORG_TEAM_PHONE_VERIFICATION_CODE",
            {"orgId": ORG_ID, "teamId": ORG_TEAM_ID, "phone": "+4915112345678"},
        )
        # A member may still verify addresses for themself.
        assert grace.execute("CAL_LIST_VERIFIED_EMAILS").data == []
    assert member.status_code == 403 and member.error.endswith(
        f"user with id={GRACE_ID} does not have the minimum required role=TEAM_ADMIN within team with id={TEAM_ID}."
    )
    assert outsider.status_code == 403 and "RolesGuard" in outsider.error
    assert code_sent_to(cal.emulator, "+4915112345678") is None  # refused before anything was sent
    missing = cal.execute("CAL_LIST_ORG_TEAM_VERIFIED_PHONES", {"orgId": ORG_ID, "teamId": 999})
    assert missing.status_code == 404 and missing.error.endswith("IsTeamInOrg - Team (999) not found.")


def test_invalid_addresses_are_refused_before_sending_and_by_the_sandbox(cal: Cal) -> None:
    sent: list[Any] = []
    handle = cal.emulator.handle
    cal.emulator.handle = lambda request: sent.append(request) or handle(request)  # type: ignore[method-assign]
    phone = cal.execute("CAL_SEND_PHONE_VERIFICATION_CODE", {"phone": "+49 151 12345678"})
    email = cal.execute("CAL_SEND_TEAM_EMAIL_VERIFICATION_CODE", {"teamId": TEAM_ID, "email": "not-an-address"})
    assert not phone.successful and "phone" in phone.error
    assert not email.successful and "email" in email.error
    assert sent == []
    # Another client posting straight to the sandbox gets Cal.com's 400.
    with httpx.Client(transport=SandboxTransport(cal.emulator), base_url=SANDBOX_BASE_URL) as client:
        raw = client.post(
            "/v2/verified-resources/phones/verification-code/request",
            json={"phone": "12345"},
            headers={"Authorization": f"Bearer {API_KEY}"},
        )
    assert raw.status_code == 400 and raw.json()["error"]["code"] == "BadRequestException"
    assert code_sent_to(cal.emulator, "12345") is None


def test_paging_and_the_seed(cal: Cal) -> None:
    mine = cal.execute("CAL_LIST_VERIFIED_PHONES").data
    assert [(row["teamId"], row["phoneNumber"]) for row in mine] == [
        (None, "+14155550100"), (TEAM_ID, "+14155550101"), (ORG_TEAM_ID, "+14155550102")]  # fmt: skip
    assert cal.execute("CAL_LIST_VERIFIED_PHONES", {"skip": 1, "take": 1}).data == mine[1:2]


def test_the_cli_flow_keeps_the_pending_code_in_the_db_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "verify.db")
    address = {"email": "mary@example.com"}
    assert (
        main(["call", "CAL_SEND_EMAIL_VERIFICATION_CODE", "--args", json.dumps(address), "--sandbox", "--db", db]) == 0
    )
    assert json.loads(capsys.readouterr().out)["data"] == {"status": "success"}
    emulator = Sandbox(db)
    code = code_sent_to(emulator, "mary@example.com")
    emulator.close()
    assert code is not None
    wrong = json.dumps({**address, "code": _wrong(code)})
    assert main(["call", "CAL_VERIFY_EMAIL", "--args", wrong, "--sandbox", "--db", db]) == 1
    assert "TRPCError" in json.loads(capsys.readouterr().out)["error"]
    right = json.dumps({**address, "code": code})
    assert main(["call", "CAL_VERIFY_EMAIL", "--args", right, "--sandbox", "--db", db]) == 0
    verified = json.loads(capsys.readouterr().out)["data"]
    assert (
        main(["call", "CAL_GET_VERIFIED_EMAIL", "--args", json.dumps({"id": verified["id"]}), "--sandbox", "--db", db])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["data"]["email"] == "mary@example.com"
