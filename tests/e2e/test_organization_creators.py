"""``leftovers reconcile --org ROLE --creators N``: each record's creator looked up in its own account's CloudTrail
event history, through the member role, on the moto server.

moto has no LookupEvents: each member account's CloudTrail client is put on botocore's Stubber, answering in the
API's own shape (tests/unit/adapters/sources/test_lookup.py's ``lookup_event``, around a real-format CreateVolume
record of that account); every other call (AssumeRole, the describe calls of reconcile) goes to moto. The clients
are handed out by the production ``CrossAccountClients``, from credentials it assumed in each account: a lookup in
the wrong account finds no answer waiting there and fails the test. See test_organization_flow for the organization.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from click.testing import CliRunner

from leftovers.adapters.accounts import inventory as inventory_module
from leftovers.adapters.accounts.clients import Assumed, CrossAccountClients, session_factory
from leftovers.adapters.sources.cloudtrail.lookup import AFTER, BEFORE
from leftovers.cli import cli
from leftovers.core.model import ResourceKey
from leftovers.handlers import ingest
from leftovers.handlers._wiring import current
from tests.e2e.test_organization_flow import organization, refusing_sts, volume_created
from tests.support.moto_server import MotoServer, aws, lambda_env, moto_server
from tests.unit.adapters.sources.test_lookup import lookup_event

__all__ = ["aws", "lambda_env", "moto_server", "organization", "refusing_sts"]
CREATED = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)  # within LookupEvents' 90 days


class EventHistories:
    """Each account's CloudTrail event history: a stubbed client per (account, region), holding the answers AWS
    would give there; every other client is the production factory's (moto)."""

    def __init__(self) -> None:
        self.stubbers: dict[tuple[str, str], Stubber] = {}

    def _stubber(self, account: str, region: str) -> Stubber:
        if (account, region) not in self.stubbers:
            stubber = self.stubbers[(account, region)] = Stubber(boto3.client("cloudtrail", region_name=region))
            stubber.activate()  # a call nobody answered in this account and region fails the test
        return self.stubbers[(account, region)]

    def created(self, key: ResourceKey, user: str) -> None:
        """``user`` of ``key``'s account created its volume: LookupEvents there answers with that CreateVolume."""
        record = copy.deepcopy(lookup_event("cloudtrail_create_volume"))
        detail = json.loads(record["CloudTrailEvent"])
        detail["userIdentity"].update(arn=f"arn:aws:iam::{key.account}:user/{user}", accountId=key.account,
                                      userName=user)  # fmt: skip
        detail["responseElements"]["volumeId"] = key.resource_id
        detail.update(recipientAccountId=key.account, awsRegion=key.region)
        record.update(CloudTrailEvent=json.dumps(detail), Username=user)
        asked = {"LookupAttributes": [{"AttributeKey": "ResourceName", "AttributeValue": key.resource_id}],
                 "MaxResults": 50, "StartTime": CREATED - BEFORE, "EndTime": CREATED + AFTER}  # fmt: skip
        self._stubber(key.account, key.region).add_response("lookup_events", {"Events": [record]}, asked)

    def factory(self, credentials: Assumed) -> Any:
        """The production client factory of ``credentials``, but CloudTrail answers from the stubbed history."""
        made = session_factory(credentials)
        account = made("sts", "us-east-1").get_caller_identity()["Account"]  # moto: the role's account

        def client(service: str, region: str) -> Any:
            return self._stubber(account, region).client if service == "cloudtrail" else made(service, region)

        return client


@pytest.fixture
def histories(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Every CrossAccountClients the CLI builds hands out the stubbed CloudTrail clients."""
    stubbed = EventHistories()
    monkeypatch.setattr(inventory_module, "CrossAccountClients",
                        lambda role, **kw: CrossAccountClients(role, factory=stubbed.factory, **kw))  # fmt: skip
    yield stubbed
    for stubber in stubbed.stubbers.values():
        stubber.assert_no_pending_responses()


def tracked_volume(session: Any, account: str, region: str) -> ResourceKey:
    """A (moto) volume of ``account``, tracked from its Config item alone: no creator."""
    volume = session.client("ec2", region_name=region).create_volume(AvailabilityZone=f"{region}a", Size=1)
    event = volume_created(account, region, volume["VolumeId"])
    item = event["detail"]["configurationItem"]
    item.update(configurationItemCaptureTime=CREATED.isoformat(), resourceCreationTime=CREATED.isoformat())
    ingest.record_handler(json.dumps(event), f"config-{volume['VolumeId']}")
    return ResourceKey(account, region, "AWS::EC2::Volume", volume["VolumeId"])


def test_creators_are_looked_up_in_each_records_own_account_and_an_unreachable_one_is_reported(
    organization: dict[str, Any], aws: MotoServer, refusing_sts: None, histories: EventHistories
) -> None:
    (a, b), missing = organization["members"], organization["without"]
    keys = {
        "alice": tracked_volume(a.session, a.account, "us-east-1"),
        "bob": tracked_volume(b.session, b.account, "eu-west-1"),
        None: tracked_volume(missing.session, missing.account, "eu-west-1"),  # no member role: never asked
    }
    histories.created(keys["alice"], "alice")
    histories.created(keys["bob"], "bob")

    out = CliRunner().invoke(cli, ["reconcile", "--org", organization["role"], "--creators", "5"],
                             catch_exceptions=False)  # fmt: skip

    assert out.exit_code == 0, out.output
    assert "Creators: 2 found of 3 looked up (2 LookupEvents calls)." in out.output
    role = f"arn:aws:iam::{missing.account}:role/{organization['role']}"
    assert f"  creators unknown  account {missing.account}: cannot assume {role} (AccessDenied)" in out.output
    stored = {r.key: r.created_by for r in current().store.scan()}
    assert stored[keys["alice"]] == f"arn:aws:iam::{a.account}:user/alice"
    assert stored[keys["bob"]] == f"arn:aws:iam::{b.account}:user/bob"
    assert stored[keys[None]] is None  # reported, never guessed
