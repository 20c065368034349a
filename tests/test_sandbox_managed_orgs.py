"""Managed organizations on the sandbox: made by the platform organization's OAuth client, each with its API key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from cal_actions import Cal
from cal_actions.sandbox.seed import ORG_ID, TEAM_ID, USER_ID

NOW = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
ORG = {"orgId": ORG_ID}


@pytest.fixture
def cal() -> Any:
    with Cal.sandbox(now=NOW, api_key="") as client:  # these routes take the OAuth client's headers only
        yield client


def _create(cal: Cal, **body: Any) -> dict[str, Any]:
    created = cal.execute("CAL_CREATE_MANAGED_ORG", {**ORG, **body})
    assert created.status_code == 201, created.error
    return dict(created.data)


def test_managed_org_lifecycle_and_its_api_key(cal: Cal) -> None:
    acme = _create(cal, name="Acme Dental", metadata={"plan": "pro"})
    assert acme["slug"] == "acme-dental" and acme["metadata"] == {"plan": "pro"}
    where = {**ORG, "managedOrganizationId": acme["id"]}
    assert cal.execute("CAL_GET_MANAGED_ORG", where).data == {k: acme[k] for k in ("id", "name", "slug", "metadata")}

    # The key the answer carried works once, for the client's owner, who owns the new organization.
    with Cal.sandbox(cal.emulator, api_key=acme["apiKey"]) as owner:
        assert owner.execute("CAL_GET_ME").data["id"] == USER_ID
        memberships = owner.execute("CAL_LIST_ORG_MEMBERSHIPS", {"orgId": acme["id"]}).data
        assert [(m["userId"], m["role"]) for m in memberships] == [(USER_ID, "OWNER")]
    assert "apiKey" not in cal.execute("CAL_LIST_MANAGED_ORGS", ORG).data["data"][0]

    renamed = cal.execute("CAL_UPDATE_MANAGED_ORG", {**where, "name": "Acme Smiles"})
    assert renamed.data["name"] == "Acme Smiles" and renamed.data["slug"] == "acme-dental"
    assert cal.execute("CAL_DELETE_MANAGED_ORG", where).data["id"] == acme["id"]
    gone = cal.execute("CAL_GET_MANAGED_ORG", where)
    assert gone.status_code == 403 and "is not owned by manager organization" in gone.error
    with Cal.sandbox(cal.emulator, api_key=acme["apiKey"]) as owner:
        assert owner.execute("CAL_GET_ME").status_code == 401  # its key went with it


def test_listing_filters_by_slug_and_metadata_and_pages(cal: Cal) -> None:
    for name, tier in (("North", "gold"), ("South", "silver"), ("East", "gold")):
        _create(cal, name=name, metadata={"tier": tier})
    def names(**query: Any) -> list[str]:
        listed = cal.execute("CAL_LIST_MANAGED_ORGS", {**ORG, **query})
        assert listed.successful, listed.error
        return [o["name"] for o in listed.data["data"]]

    first = cal.execute("CAL_LIST_MANAGED_ORGS", {**ORG, "take": 2}).data
    assert [o["name"] for o in first["data"]] == ["North", "South"]
    assert {k: first["pagination"][k] for k in ("totalItems", "returnedItems", "hasNextPage", "totalPages")} == {
        "totalItems": 3, "returnedItems": 2, "hasNextPage": True, "totalPages": 2}  # fmt: skip
    assert names(take=2, skip=2) == ["East"]
    assert names(metadataKey="tier", metadataValue="gold") == ["North", "East"]
    assert names(slug="south") == ["South"]
    assert names(metadataKey="tier") == ["North", "South", "East"]  # one of the pair alone filters nothing


def test_slugs_are_unique_among_a_managers_organizations(cal: Cal) -> None:
    _create(cal, name="Acme")
    clash = cal.execute("CAL_CREATE_MANAGED_ORG", {**ORG, "name": "ACME!"})
    assert clash.status_code == 409 and "Organization with slug 'acme' already exists" in clash.error
    assert _create(cal, name="ACME!", slug="acme-2")["slug"] == "acme-2"


def test_the_api_key_expires_after_its_days(cal: Cal) -> None:
    short = _create(cal, name="Brief", apiKeyDaysValid=1)
    forever = _create(cal, name="Lasting", apiKeyNeverExpires=True)
    cal.emulator.clock.advance(timedelta(days=1, seconds=1))
    with Cal.sandbox(cal.emulator, api_key=short["apiKey"]) as expired:
        refused = expired.execute("CAL_GET_ME")
    assert refused.status_code == 401 and "Your api key is expired" in refused.error
    with Cal.sandbox(cal.emulator, api_key=forever["apiKey"]) as kept:
        assert kept.execute("CAL_GET_ME").successful


def test_only_the_client_of_a_platform_organization_manages_organizations(cal: Cal) -> None:
    not_an_org = cal.execute("CAL_LIST_MANAGED_ORGS", {"orgId": TEAM_ID})
    assert not_an_org.status_code == 403
    with cal.emulator.store.transaction() as tx:  # the same organization, no longer a platform one
        org = tx.get("team", ORG_ID)
        tx.put("team", ORG_ID, {**org, "isPlatform": False})
    refused = cal.execute("CAL_CREATE_MANAGED_ORG", {**ORG, "name": "Acme"})
    assert refused.status_code == 403 and "Manager organization must be a platform organization" in refused.error
    with Cal.sandbox(cal.emulator, client_id="", client_secret="") as no_client:  # an API key is not enough
        local = no_client.execute("CAL_LIST_MANAGED_ORGS", ORG)
    assert local.status_code is None and "client_id and client_secret" in local.error
