"""Organization mode end to end on the moto server: three member accounts, two regions, one central table.

What moto lacks, and what stands in for it:
- Cross-account delivery to a bus: moto re-puts the event in the central account, losing its account and region
  (AWS keeps both). So each member stack's forwarding rule, deployed from member.yaml, gets a queue in its own
  account as target instead of the central bus; what it receives is the event exactly as the rule forwards it. Each
  is checked against the central bus rule's pattern (moto's matcher), then handed to the real ingest handler as
  Lambda's SQS poller would hand it the central ingest queue's messages.
- AssumeRole of a missing role: moto's STS never checks the role; tests.support.organization answers AccessDenied,
  as AWS does, when moto's IAM of that account has no such role.
Everything else is the production path: member.yaml deployed with moto's CloudFormation in each account and region,
AssumeRole into each member role by CrossAccountClients, describe calls in each account and region.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from moto.events.models import EventPattern

from leftovers.adapters.accounts import clients as clients_module
from leftovers.adapters.accounts.clients import CrossAccountClients
from leftovers.adapters.accounts.inventory import OrganizationInventory, organization_inventory
from leftovers.core.inventory import Presence
from leftovers.core.model import ResourceKey
from leftovers.handlers import ingest, reconcile
from leftovers.handlers._wiring import current
from leftovers.service.daily_run import check_due
from tests.integration.aws.ingest_path import sqs_record
from tests.support.events import load_event
from tests.support.moto_server import MotoServer, aws, lambda_env, load_template, moto_server, unique
from tests.support.organization import (
    MemberStack,
    create_account,
    organization_id,
    refusing_missing_roles,
    session_in,
)

__all__ = ["aws", "lambda_env", "moto_server"]
REGIONS = ("us-east-1", "eu-west-1")
CENTRAL_ACCOUNT, CENTRAL_REGION = "123456789012", "ap-northeast-1"
AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
CENTRAL_RULE = load_template()["Resources"]["OrganizationRule"]["Properties"]["EventPattern"]


def volume_created(account: str, region: str, volume: str) -> dict[str, Any]:
    """Config's ResourceDiscovered event for ``volume`` (the fixture's, moved to this account and region)."""
    event = copy.deepcopy(load_event("config_discovered_ebs_volume"))
    item = event["detail"]["configurationItem"]
    item.update(awsAccountId=account, awsRegion=region, resourceId=volume, availabilityZone=f"{region}a",
                ARN=f"arn:aws:ec2:{region}:{account}:volume/{volume}")  # fmt: skip
    return event


class Member:
    """One member account: its member stacks (by region), a tap queue per region, its volumes."""

    def __init__(self, account: str, stacks: dict[str, MemberStack]) -> None:
        self.account, self.stacks = account, stacks
        self.session = session_in(account)
        self.taps: dict[str, tuple[str, str]] = {}
        for region, stack in stacks.items():
            sqs = self.session.client("sqs", region_name=region)
            url = sqs.create_queue(QueueName=unique("tap"))["QueueUrl"]
            arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
            rule = stack.resources["ConfigForwardRule"]
            events = self.session.client("events", region_name=region)
            target = events.list_targets_by_rule(Rule=rule)["Targets"][0]
            assert target["Arn"].endswith(":event-bus/" + CENTRAL_BUS)  # deployed as the StackSet would
            events.put_targets(Rule=rule, Targets=[{"Id": target["Id"], "Arn": arn}])  # the stand-in (docstring)
            self.taps[region] = (url, arn)

    def create_volume(self, region: str) -> str:
        """A real (moto) volume, and the Config event that announces it on this account's default bus."""
        ec2 = self.session.client("ec2", region_name=region)
        volume = str(ec2.create_volume(AvailabilityZone=f"{region}a", Size=1)["VolumeId"])
        event = volume_created(self.account, region, volume)
        entry = {"Source": event["source"], "DetailType": event["detail-type"], "Detail": json.dumps(event["detail"])}
        reply = self.session.client("events", region_name=region).put_events(Entries=[entry])
        assert reply["FailedEntryCount"] == 0
        return volume

    def forwarded(self, region: str) -> list[dict[str, Any]]:
        """What this account's forwarding rule in ``region`` sent on."""
        url, _ = self.taps[region]
        sqs = self.session.client("sqs", region_name=region)
        return sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])


CENTRAL_BUS = "leftovers-organization"


@pytest.fixture
def organization(lambda_env: str) -> dict[str, Any]:
    """Three member accounts: two with the member stack in both regions, one without (its role is missing)."""
    org_id = organization_id()
    parameters = {
        "CentralBusArn": f"arn:aws:events:{CENTRAL_REGION}:{CENTRAL_ACCOUNT}:event-bus/{CENTRAL_BUS}",
        "CentralRoleArn": f"arn:aws:iam::{CENTRAL_ACCOUNT}:role/leftovers-reconcile",
        "OrganizationId": org_id,
        "Sources": "config",
        "MemberRoleName": unique("leftovers-read"),  # the shared server may hold another test's role
    }
    with_stack = [create_account("sandbox-a"), create_account("sandbox-b")]
    without = create_account("sandbox-c")
    members = [Member(a, {r: MemberStack.deploy(a, r, parameters) for r in REGIONS}) for a in with_stack]
    return {"members": members, "without": Member(without, {}), "role": parameters["MemberRoleName"]}


def ingest_forwarded(members: list[Member]) -> int:
    """Every forwarded event, checked against the central rule, through the real ingest handler."""
    records = []
    for member in members:
        for region, (_, arn) in member.taps.items():
            for message in member.forwarded(region):
                event = json.loads(message["Body"])
                # moto's default target input leaves "account" out (AWS keeps it); the item names the account too.
                item = event["detail"]["configurationItem"]
                assert (event.get("account", member.account), event["region"]) == (member.account, region)
                assert (item["awsAccountId"], item["awsRegion"]) == (member.account, region)
                assert EventPattern.load(json.dumps(CENTRAL_RULE)).matches_event(event)
                records.append(sqs_record(message, arn))
    assert ingest.handler({"Records": records}, None) == {"batchItemFailures": []}
    return len(records)


@dataclass(frozen=True)
class World:
    """Five tracked volumes: one per member account and region, one in the account without a member role; one
    member volume deleted while no event reached Leftovers."""

    keys: set[ResourceKey]
    orphan: ResourceKey
    gone: ResourceKey


def tracked_world(organization: dict[str, Any]) -> World:
    """The volumes, created in each account and ingested through the real handler, then one deleted unseen."""
    members, missing = organization["members"], organization["without"]
    made = {(m.account, r): m.create_volume(r) for m in members for r in REGIONS}
    assert ingest_forwarded(members) == 4  # 2 accounts x 2 regions, each event once
    # An account whose member role went missing still has a tracked resource (its event came before).
    orphan = missing.session.client("ec2", region_name="eu-west-1").create_volume(AvailabilityZone="eu-west-1a", Size=1)
    ingest.record_handler(json.dumps(volume_created(missing.account, "eu-west-1", orphan["VolumeId"])), "earlier")
    keys = {ResourceKey(a, r, "AWS::EC2::Volume", v) for (a, r), v in made.items()}
    orphan_key = ResourceKey(missing.account, "eu-west-1", "AWS::EC2::Volume", orphan["VolumeId"])
    assert {r.key for r in current().store.scan()} == keys | {orphan_key}
    # One volume of sandbox-b is deleted while no event reaches Leftovers: reconcile, in its account, heals it.
    gone_account = members[1]
    gone = made[(gone_account.account, "eu-west-1")]
    gone_account.session.client("ec2", region_name="eu-west-1").delete_volume(VolumeId=gone)
    return World(keys, orphan_key, ResourceKey(gone_account.account, "eu-west-1", "AWS::EC2::Volume", gone))


def test_every_account_and_region_reaches_one_table_and_reconcile_reads_each_account(
    organization: dict[str, Any], aws: MotoServer
) -> None:
    missing, world = organization["without"], tracked_world(organization)
    store = current().store
    sts = refusing_missing_roles(boto3.client("sts", region_name="us-east-1"))
    accounts = CrossAccountClients(organization["role"], sts=sts)
    inventory = OrganizationInventory(
        accounts, organization_inventory(organization["role"], use_config=False).inventory
    )
    checked = check_due(store, inventory, current().settings.policy, AT, limit=None, scope="all").result

    assert checked.checked == 5
    assert checked.gone == (world.gone,)
    assert checked.present == 3
    assert inventory.unreachable == {missing.account: "AccessDenied"}
    [((rtype, reason), count)] = checked.unknown.items()
    assert (rtype, count) == ("AWS::EC2::Volume", 1)
    assert reason.startswith(f"account {missing.account} unreachable: cannot assume arn:aws:iam::{missing.account}:")
    assert accounts.assume_calls == 3  # once per account, not per region or batch
    active = {r.key for r in store.scan()}
    assert active == (world.keys - {world.gone}) | {world.orphan}  # the unreachable account's resource stays
    verdicts = inventory.check([r for r in store.scan() if r.key == world.orphan])
    assert verdicts[world.orphan].presence is Presence.UNKNOWN


@pytest.fixture
def refusing_sts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deployed code's own STS client, made to refuse a missing role as AWS does (moto does not: docstring)."""
    made = clients_module.boto3_sts
    monkeypatch.setattr(clients_module, "boto3_sts", lambda: refusing_missing_roles(made()))


def test_the_reconcile_function_in_organization_mode_checks_each_record_in_its_account(
    organization: dict[str, Any], aws: MotoServer, refusing_sts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reconcile Lambda as template.yaml configures it when OrganizationId is set (its member role's name)."""
    missing, world = organization["without"], tracked_world(organization)
    env = load_template()["Resources"]["ReconcileFunction"]["Properties"]["Environment"]["Variables"]
    assert env[reconcile.MEMBER_ROLE] == {"Fn::If": ["ForOrganization", {"Ref": "MemberRoleName"}, ""]}
    monkeypatch.setenv(reconcile.MEMBER_ROLE, organization["role"])
    monkeypatch.setenv(reconcile.SCOPE, "all")
    reconcile.options.cache_clear()
    try:
        out = reconcile.handler({"at": AT.isoformat()}, None)
    finally:
        reconcile.options.cache_clear()

    assert out["counts"] == {"checked": 5, "present": 3, "healed": 1, "unknown": 1, "unreachable_accounts": 1}
    assert out["unreachable"] == {missing.account: "AccessDenied"}
    active = {r.key for r in current().store.scan()}
    assert active == (world.keys - {world.gone}) | {world.orphan}  # never deleted: its account could not be read
