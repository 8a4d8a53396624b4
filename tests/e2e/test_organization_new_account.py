"""Issue 14's "done when" on the moto server: an account created in a targeted OU gets the member stack from the
StackSet, and the first resource it creates shows up in the next digest as "<account name> (<id>)".

The production path throughout: the central stack's bus, bus policy, organization rule and ingest queue (deployed
from template.yaml by test_template_org_moto's ``central`` fixture); template.yaml's MemberStackSet created with its
own properties and member.yaml as its template, its instances created by moto's CloudFormation in every account of
the OU and every region; each account's forwarding rule delivering to the central bus (moto delivers across accounts),
the central rule into the ingest queue, the real ingest handler on the queue's messages; the daily run as the repo's
state machine on moto's interpreter with its steps routed to the real handlers (reconcile in organization mode,
assuming each member role; notify naming accounts from Organizations; mark); Slack as the local sink.

What moto lacks, and what stands in for it:
- StackSet auto-deployment: moto keeps no AutoDeployment and does nothing when an account joins an OU. What AWS
  does then is create the StackSet's instances in that account, with the StackSet's own parameters, for its own
  deployment targets and regions; ``MemberStackSet.deploy`` asks moto for exactly that (CreateStackInstances, no
  overrides: accounts that already have their instances are left as they are, by AWS and by moto alike).
- The account and region of an event moved across accounts: moto re-puts it in the central account. The Config
  item inside names both, and that is what the ingest handler keys records by.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest

from leftovers.adapters.accounts import names as names_module
from leftovers.core.model import ResourceKey
from leftovers.handlers import ingest, reconcile
from leftovers.handlers._wiring import current
from tests.e2e.test_aws_daily_run import webhook
from tests.integration.aws.ingest_path import sqs_record
from tests.integration.aws.lambdas import create_state_machine, executing, run, states_entered
from tests.integration.aws.test_template_org_moto import central, resolved
from tests.support.events import load_event
from tests.support.moto_server import REGION, MotoServer, aws, lambda_env, load_template, moto_server, unique
from tests.support.organization import (
    MEMBER_YAML,
    ListAccountsRounds,
    create_account,
    organization_id,
    organizational_unit,
    session_in,
)
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["aws", "central", "lambda_env", "moto_server", "slack_sink", "webhook"]
REGIONS = ["us-east-1", "eu-west-1"]
FIRST_RUN = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # 00:00 in Tokyo, the default schedule
NEXT_RUN = FIRST_RUN + timedelta(days=1)


@dataclass(frozen=True)
class MemberStackSet:
    """template.yaml's MemberStackSet on moto's CloudFormation, in the central account."""

    name: str
    targets: dict[str, list[str]]
    regions: list[str]

    @classmethod
    def create(cls, values: dict[str, Any]) -> MemberStackSet:
        """The StackSet with the template's own properties (``values`` stand for its Refs and GetAtts), and its
        StackInstancesGroup deployed, as CloudFormation does when it creates the resource."""
        props = load_template()["Resources"]["MemberStackSet"]["Properties"]
        fields = ("PermissionModel", "AutoDeployment", "Capabilities", "ManagedExecution", "Parameters", "CallAs")
        name = unique("leftovers-member")
        boto3.client("cloudformation").create_stack_set(
            StackSetName=name, TemplateBody=MEMBER_YAML, **{k: resolved(props[k], values) for k in fields}
        )
        (group,) = props["StackInstancesGroup"]
        made = cls(name, resolved(group["DeploymentTargets"], values), resolved(group["Regions"], values))
        made.deploy()
        return made

    def deploy(self) -> None:
        """CreateStackInstances for the StackSet's own targets and regions, without overrides (see the docstring)."""
        cfn = boto3.client("cloudformation")
        cfn.create_stack_instances(StackSetName=self.name, DeploymentTargets=self.targets, Regions=self.regions)

    def instances(self) -> set[tuple[str, str]]:
        """(account, region) of every stack instance that succeeded."""
        found = boto3.client("cloudformation").list_stack_instances(StackSetName=self.name)["Summaries"]
        return {(i["Account"], i["Region"]) for i in found if i["StackInstanceStatus"]["DetailedStatus"] == "SUCCEEDED"}


class Organization:
    """The central account's view: the member StackSet over one OU, the central bus and ingest queue."""

    def __init__(self, central: dict[str, str]) -> None:
        self.ou = organizational_unit("sandboxes")
        self.role = unique("leftovers-read")  # the shared server may hold another test's role
        self.bus_arn = boto3.client("events").describe_event_bus(Name=central["OrganizationBus"])["Arn"]
        self.queue_url = central["IngestQueue"]
        values = {"OrganizationId": organization_id(), "Sources": "config", "MemberRoleName": self.role,
                  "StackSetCallAs": "SELF", "OrganizationBus.Arn": self.bus_arn,
                  "ReconcileRole.Arn": "arn:aws:iam::123456789012:role/leftovers-reconcile",
                  "MemberOrganizationalUnitIds": self.ou, "MemberRegions": REGIONS}  # fmt: skip
        self.names = {create_account(name, self.ou): name for name in ("sandbox-a", "sandbox-b")}
        self.stack_set = MemberStackSet.create(values)

    def create_volume(self, account: str, region: str, at: datetime) -> ResourceKey:
        """A real (moto) volume in ``account``, announced by Config on that account's default bus at ``at``."""
        session = session_in(account)
        volume = str(session.client("ec2", region_name=region).create_volume(AvailabilityZone=f"{region}a", Size=1)[
            "VolumeId"])  # fmt: skip
        event = copy.deepcopy(load_event("config_discovered_ebs_volume"))
        item = event["detail"]["configurationItem"]
        item.update(awsAccountId=account, awsRegion=region, resourceId=volume, availabilityZone=f"{region}a",
                    ARN=f"arn:aws:ec2:{region}:{account}:volume/{volume}", resourceCreationTime=at.isoformat(),
                    configurationItemCaptureTime=at.isoformat())  # fmt: skip
        entry = {"Source": event["source"], "DetailType": event["detail-type"], "Detail": json.dumps(event["detail"])}
        assert session.client("events", region_name=region).put_events(Entries=[entry])["FailedEntryCount"] == 0
        return ResourceKey(account, region, "AWS::EC2::Volume", volume)

    def ingest(self) -> int:
        """What Lambda's SQS poller does with the central ingest queue: every message to the real handler."""
        sqs = boto3.client("sqs")
        arn = sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        messages = sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get("Messages", [])
        assert ingest.handler({"Records": [sqs_record(m, arn) for m in messages]}, None) == {"batchItemFailures": []}
        for m in messages:
            sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=m["ReceiptHandle"])
        return len(messages)


@pytest.fixture
def deployed(
    central: dict[str, str], lambda_env: str, webhook: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> Organization:
    """The central stack and the functions as template.yaml configures them in organization mode."""
    org = Organization(central)
    monkeypatch.setenv(reconcile.MEMBER_ROLE, org.role)
    monkeypatch.setenv(names_module.SWITCH, "organizations")
    return org


@pytest.fixture(autouse=True)
def fresh_environment() -> Any:
    """A new execution environment: options and the account names cache are read at its first invocation."""
    reconcile.options.cache_clear()
    names_module._deployed.cache_clear()
    yield
    reconcile.options.cache_clear()
    names_module._deployed.cache_clear()


def lines_naming(sink: SlackSink, since: int, key: ResourceKey) -> set[str]:
    """The lines naming ``key``'s resource in the messages Slack accepted after the first ``since`` requests."""
    lines: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, str):
            lines.update(line for line in node.split("\n") if key.resource_id in line)
        elif isinstance(node, dict | list):
            for value in node.values() if isinstance(node, dict) else node:
                walk(value)

    for request in sink.requests[since:]:
        if request.status == 200:
            walk(request.json)
    assert lines, f"{key.resource_id} was not posted"
    return lines


def test_a_new_account_gets_the_member_stack_and_its_first_resource_is_in_the_next_digest_by_name(
    deployed: Organization, webhook: SlackSink, aws: MotoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = deployed
    a, b = org.names
    assert org.stack_set.instances() == {(acct, r) for acct in (a, b) for r in REGIONS}
    first = {org.create_volume(a, "us-east-1", FIRST_RUN - timedelta(hours=3)),
             org.create_volume(b, "eu-west-1", FIRST_RUN - timedelta(hours=2))}  # fmt: skip
    assert org.ingest() == 2
    with executing(aws, monkeypatch):
        machine = create_state_machine(REGION)
        done = run(machine, {"at": FIRST_RUN.isoformat()})
        assert done["status"] == "SUCCEEDED", done
        for key in first:
            lines = lines_naming(webhook, 0, key)
            assert all(f"{org.names[key.account]} ({key.account})" in line for line in lines), lines

        # A new account joins the OU: the StackSet's auto-deployment gives it the member stack (docstring).
        assert load_template()["Resources"]["MemberStackSet"]["Properties"]["AutoDeployment"]["Enabled"] is True
        new = create_account("sandbox-new", org.ou)
        org.stack_set.deploy()
        assert org.stack_set.instances() == {(acct, r) for acct in (a, b, new) for r in REGIONS}
        later = FIRST_RUN + timedelta(hours=5)
        made = org.create_volume(new, "eu-west-1", later)
        also = org.create_volume(a, "us-east-1", later)  # another account in the same digest: lines name accounts
        assert org.ingest() == 2
        assert {r.key for r in current().store.scan()} == first | {made, also}
        asks = ListAccountsRounds(names_module._deployed()._client)  # the warm notify function's client
        posted = len(webhook.requests)
        done = run(machine, {"at": NEXT_RUN.isoformat()})
        assert done["status"] == "SUCCEEDED", done
        (notified,) = states_entered(done["executionArn"])["Notify"]

    # Reconcile checked both due volumes in their own accounts, the new one's through its new member role.
    counts = notified["reconcile"]["counts"]
    assert counts == {"checked": 2, "present": 2, "healed": 0, "unknown": 0, "unreachable_accounts": 0}

    lines = lines_naming(webhook, posted, made)
    assert all(f"sandbox-new ({new})" in line for line in lines), lines
    lines = lines_naming(webhook, posted, also)
    assert all(f"sandbox-a ({a})" in line for line in lines), lines
    # The names were asked by the first run, seconds ago (TTL 1 h): the unknown account made notify ask once more.
    assert asks.rounds == 1
    stored = {r.key: r for r in current().store.scan()}
    assert (stored[made].notify_count, stored[made].last_notified_at) == (1, NEXT_RUN)  # marked by the mark step
