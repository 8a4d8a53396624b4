"""AccountUnits on the moto server: each account's path of OUs from the root, nested OUs included, an account
created after the last read found at once, and one line when Organizations refuses (botocore's Stubber)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.accounts.units import AccountUnits, UnitsUnavailable
from tests.support.moto_server import MotoServer
from tests.support.organization import create_account, organization_id, organizational_unit, root_id


def test_every_account_has_its_path_from_the_root_through_nested_units(aws: MotoServer) -> None:
    organization_id()
    root = root_id()
    sandboxes = organizational_unit("sandboxes")
    team = organizational_unit("team-a", parent=sandboxes)
    at_root, in_sandboxes, in_team = create_account("r"), create_account("s", sandboxes), create_account("t", team)

    units = AccountUnits(boto3.client("organizations", region_name="us-east-1"))
    assert units.path_of(at_root) == (root,)
    assert units.path_of(in_sandboxes) == (root, sandboxes)
    assert units.path_of(in_team) == (root, sandboxes, team)
    assert units.reads == 1


def test_an_account_created_since_the_last_read_is_found_without_waiting_for_the_ttl(aws: MotoServer) -> None:
    organization_id()
    org = boto3.client("organizations", region_name="us-east-1")
    clock = [datetime(2026, 12, 1, tzinfo=UTC)]
    units = AccountUnits(org, now=lambda: clock[0])
    first = create_account("first")
    assert units.path_of(first)
    newer = create_account("newer")
    assert units.path_of(newer)  # not in the first read: one more read at once
    assert units.reads == 2
    assert units.path_of("999999999999") == ()  # outside the organization: one more read, then remembered
    assert units.path_of("999999999999") == ()
    assert units.reads == 3
    clock[0] += timedelta(hours=2)
    units.path_of(first)
    assert units.reads == 4


def test_refused_is_one_line_naming_what_is_needed() -> None:
    org = boto3.client("organizations", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    with Stubber(org) as stub:
        stub.add_client_error("list_roots", "AccessDeniedException", "not the management account", 400)
        with pytest.raises(UnitsUnavailable, match=r"cannot read the organization's OUs \(AccessDenied") as err:
            AccountUnits(org).paths()
    assert "\n" not in str(err.value)
    assert "ListOrganizationalUnitsForParent" in str(err.value)
