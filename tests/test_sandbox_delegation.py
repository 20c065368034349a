"""Delegation credentials on the sandbox, and the service-account key that nothing shows again."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import GRACE_ID, ORG_ID, OTHER_API_KEYS

PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----MIIEvSECRETSTANDIN-----END PRIVATE KEY-----"
GOOGLE = {"private_key": PRIVATE_KEY, "client_email": "sa@acme.iam.example", "client_id": "1177"}
MICROSOFT = {"private_key": "MSSECRETSTANDIN-0001", "tenant_id": "t-1", "client_id": "app-1"}
CREATE = {"orgId": ORG_ID, "workspacePlatformSlug": "google", "domain": "acme.example", "serviceAccountKey": GOOGLE}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox() as client:
        yield client


def test_a_credential_is_created_disabled_then_enabled_and_rekeyed(cal: Cal) -> None:
    created = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", CREATE)
    assert created.status_code == 201, created.error
    credential = created.data
    assert credential["enabled"] is False and credential["domain"] == "acme.example"
    assert credential["organizationId"] == ORG_ID
    assert credential["workspacePlatform"] == {"name": "Google Workspace", "slug": "google"}
    where = {"orgId": ORG_ID, "credentialId": credential["id"]}

    enabled = cal.execute("CAL_UPDATE_ORG_DELEGATION_CREDENTIAL", {**where, "enabled": True})
    assert enabled.data["enabled"] is True
    rekeyed = cal.execute("CAL_UPDATE_ORG_DELEGATION_CREDENTIAL", {**where, "serviceAccountKey": MICROSOFT})
    assert rekeyed.successful and rekeyed.data["enabled"] is True
    # Neither an answer nor the store holds a key: only its fingerprint is kept.
    stored = json.dumps(cal.emulator.read("delegation_credential"))
    for shown in (created.data, enabled.data, rekeyed.data):
        assert "private_key" not in json.dumps(shown) and "SECRETSTANDIN" not in json.dumps(shown)
    assert "SECRETSTANDIN" not in stored


def test_cal_com_refusals(cal: Cal) -> None:
    unknown = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", {**CREATE, "workspacePlatformSlug": "zoho"})
    assert unknown.status_code == 404 and "TRPCError" in unknown.error
    assert cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", CREATE).successful
    again = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", CREATE)  # one credential per domain
    assert again.status_code == 400 and "TRPCError" in again.error
    missing = cal.execute("CAL_UPDATE_ORG_DELEGATION_CREDENTIAL", {"orgId": ORG_ID, "credentialId": "x"})
    assert missing.status_code == 404 and "DelegationCredential with id x not found" in missing.error
    with Cal.sandbox(cal.emulator, api_key=OTHER_API_KEYS[GRACE_ID]) as grace:
        denied = grace.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", {**CREATE, "domain": "other.example"})
    assert denied.status_code == 403 and "ORG_ADMIN" in denied.error


@pytest.mark.parametrize(
    "key",
    [
        {**GOOGLE, "tenant_id": "t-1"},  # both kinds at once
        {**GOOGLE, "private_key": ""},  # Cal.com would refuse it, echoing the whole body
        [GOOGLE],  # the document's array
        {"private_key": PRIVATE_KEY, "client_id": "1"},  # neither kind
    ],
    ids=["mixed", "empty", "array", "neither"],
)
def test_a_malformed_key_is_refused_before_anything_is_sent(key: Any) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with Cal(api_key="cal_test_key", transport=transport) as cal:
        result = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", {**CREATE, "serviceAccountKey": key})
    assert not result.successful and "serviceAccountKey" in result.error and not sent
    assert "SECRETSTANDIN" not in result.error


def test_the_key_is_masked_where_a_server_echoes_it_and_in_dry_runs() -> None:
    def echoing(request: httpx.Request) -> httpx.Response:
        body = request.content.decode()  # as Cal.com's validation errors carry the whole body
        return httpx.Response(400, json={"status": "error", "error": {"code": "BadRequestException", "message": body}})

    with Cal(api_key="cal_test_key", transport=httpx.MockTransport(echoing)) as cal:
        failed = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", CREATE)
        assert failed.status_code == 400 and "acme.example" in failed.error
        assert PRIVATE_KEY not in failed.error and "SECRETSTANDIN" not in failed.error
        dry = cal.execute("CAL_CREATE_ORG_DELEGATION_CREDENTIAL", CREATE, dry_run=True)
    assert dry.data["json"]["serviceAccountKey"] == {**GOOGLE, "private_key": "***"}
