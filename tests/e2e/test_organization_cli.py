"""``leftovers reconcile --org ROLE`` and ``leftovers backfill --org ROLE`` from a laptop with organization
credentials, on the moto server: the same member role path as the deployed reconcile function (see
test_organization_flow's docstring for what moto lacks and what stands in for it)."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner, Result

from leftovers.cli import cli
from leftovers.core.model import ResourceKey
from leftovers.handlers._wiring import current
from tests.e2e.test_organization_flow import organization, refusing_sts, tracked_world
from tests.support.moto_server import REGION, MotoServer, aws, lambda_env, moto_server

__all__ = ["aws", "lambda_env", "moto_server", "organization", "refusing_sts"]


def leftovers(*args: str) -> Result:
    """The CLI as a user runs it (the store comes from LEFTOVERS_STORE, the moto table)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_reconcile_org_checks_each_account_and_reports_the_unreachable_one(
    organization: dict[str, Any], aws: MotoServer, refusing_sts: None
) -> None:
    missing, world = organization["without"], tracked_world(organization)

    out = leftovers("reconcile", "--org", organization["role"])

    assert out.exit_code == 0, out.output
    assert "Checked 5: 3 still there, 1 healed (gone), 1 unknown." in out.output
    assert f"  unreachable  account {missing.account}: AccessDenied" in out.output
    active = {r.key for r in current().store.scan()}
    assert active == (world.keys - {world.gone}) | {world.orphan}


def tagged_volume(session: Any, region: str) -> str:
    """A volume made before Leftovers followed the account (tagged: the tagging API lists what has tags)."""
    ec2 = session.client("ec2", region_name=region)
    tags = [{"ResourceType": "volume", "Tags": [{"Key": "team", "Value": "sandbox"}]}]
    return str(ec2.create_volume(AvailabilityZone=f"{region}a", Size=1, TagSpecifications=tags)["VolumeId"])


def test_backfill_org_adopts_through_each_member_role(
    organization: dict[str, Any], aws: MotoServer, refusing_sts: None
) -> None:
    members, missing = organization["members"], organization["without"]
    made = {ResourceKey(m.account, REGION, "AWS::EC2::Volume", tagged_volume(m.session, REGION))
            for m in members}  # fmt: skip
    unseen = tagged_volume(missing.session, REGION)  # its account has no member role: never adopted

    out = leftovers("backfill", "--org", organization["role"])  # in the profile's region

    assert out.exit_code == 0, out.output
    for member in members:
        assert f"account {member.account}: Adopted 1 of 1 listed in {REGION}" in out.output
    assert f"  unreachable  account {missing.account}: AccessDenied" in out.output
    adopted = {r.key for r in current().store.scan()}
    assert adopted == made
    assert unseen not in {k.resource_id for k in adopted}
