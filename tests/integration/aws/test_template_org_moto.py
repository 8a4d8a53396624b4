"""Organization mode deployed on moto: the central stack's routing slice with OrganizationId set (its bus, policy
and rule into the ingest queue), and the member StackSet created with the template's own properties.

Two moto gaps, bridged in the open: its CloudFormation has no AWS::Events::EventBusPolicy (the template's statement
is applied with PutPermission, as CloudFormation does), and it hands the rule the bus object instead of the name a
``Ref`` to a bus stands for (the test writes that name)."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from leftovers.handlers import ingest
from tests.integration.aws.ingest_path import sqs_record
from tests.integration.aws.org_templates import MEMBER, load_template
from tests.support.events import load_event
from tests.support.moto_server import MotoServer, aws, lambda_env, moto_server, unique
from tests.support.organization import organization_id

__all__ = ["aws", "lambda_env", "moto_server"]
TEMPLATE = load_template()
SLICE = (
    "IngestDeadLetterQueue", "IngestQueue", "IngestQueuePolicy", "ConfigChangeRule", "CloudTrailRule",
    "OrganizationBus", "OrganizationRule",
)  # fmt: skip


@pytest.fixture
def central(aws: MotoServer) -> Iterator[dict[str, str]]:
    """The slice as a moto stack in organization mode: logical id -> physical id."""
    conditions = ("FollowsConfig", "FollowsCloudTrail", "ForOrganization")
    body = {
        "AWSTemplateFormatVersion": TEMPLATE["AWSTemplateFormatVersion"],
        "Parameters": {k: TEMPLATE["Parameters"][k] for k in ("Sources", "OrganizationId")},
        "Conditions": {k: TEMPLATE["Conditions"][k] for k in conditions},
        "Resources": copy.deepcopy({k: TEMPLATE["Resources"][k] for k in SLICE}),
    }
    rule = body["Resources"]["OrganizationRule"]["Properties"]
    assert rule["EventBusName"] == {"Ref": "OrganizationBus"}
    rule["EventBusName"] = TEMPLATE["Resources"]["OrganizationBus"]["Properties"]["Name"]  # what the Ref stands for
    cfn, name = boto3.client("cloudformation"), unique("leftovers-central")
    org = organization_id()
    cfn.create_stack(StackName=name, TemplateBody=json.dumps(body),
                     Parameters=[{"ParameterKey": "OrganizationId", "ParameterValue": org}])  # fmt: skip
    try:
        resources = cfn.describe_stack_resources(StackName=name)["StackResources"]
        found = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources if r.get("PhysicalResourceId")}
        events = boto3.client("events")
        bus = events.describe_event_bus(Name=f"{name}-organization")
        policy = TEMPLATE["Resources"]["OrganizationBusPolicy"]["Properties"]
        statement = {**resolved(policy["Statement"], {"OrganizationId": org, "OrganizationBus.Arn": bus["Arn"]}),
                     "Sid": policy["StatementId"]}  # fmt: skip
        events.put_permission(EventBusName=bus["Name"], Policy=json.dumps({"Version": "2012-10-17",
                                                                           "Statement": [statement]}))  # fmt: skip
        yield {**found, "OrganizationBus": bus["Name"]}
    finally:
        cfn.delete_stack(StackName=name)


def test_the_deployed_bus_lets_only_the_organization_put(central: dict[str, str]) -> None:
    bus = boto3.client("events").describe_event_bus(Name=central["OrganizationBus"])
    (statement,) = json.loads(bus["Policy"])["Statement"]
    assert statement["Action"] == "events:PutEvents"
    assert statement["Condition"] == {"StringEquals": {"aws:PrincipalOrgID": organization_id()}}
    assert statement["Resource"] == bus["Arn"]


def test_an_event_on_the_organization_bus_reaches_the_table(central: dict[str, str], lambda_env: str) -> None:
    event = load_event("config_discovered_ebs_volume")
    entry = {"Source": event["source"], "DetailType": event["detail-type"], "Detail": json.dumps(event["detail"]),
             "EventBusName": central["OrganizationBus"]}  # fmt: skip
    assert boto3.client("events").put_events(Entries=[entry])["FailedEntryCount"] == 0
    sqs = boto3.client("sqs")
    url = central["IngestQueue"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert len(messages) == 1
    assert ingest.handler({"Records": [sqs_record(m, arn) for m in messages]}, None) == {"batchItemFailures": []}
    (item,) = boto3.client("dynamodb").scan(TableName=lambda_env)["Items"]
    assert "vol-0e1d2c3b4a5f60718" in item["pk"]["S"]


def resolved(value: Any, values: dict[str, str]) -> Any:
    """A StackSet property with its intrinsics (Ref, GetAtt, Split) replaced by test values."""
    if isinstance(value, dict) and len(value) == 1:
        ((function, arg),) = value.items()
        if function == "Ref":
            return values[arg]
        if function == "Fn::GetAtt":
            return values[".".join(arg)]
        if function == "Fn::Split":
            return resolved(arg[1], values).split(arg[0])
    if isinstance(value, dict):
        return {k: resolved(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [resolved(v, values) for v in value]
    return value


def test_the_stack_set_is_created_service_managed_with_auto_deployment(aws: MotoServer) -> None:
    org = organization_id()
    values = {"OrganizationId": org, "Sources": "config", "MemberRoleName": "leftovers-member-read",
              "StackSetCallAs": "SELF", "OrganizationBus.Arn": "arn:aws:events:ap-northeast-1:123456789012:event-bus/b",
              "ReconcileRole.Arn": "arn:aws:iam::123456789012:role/reconcile", "MemberOrganizationalUnitIds": "r-ab12",
              "MemberRegions": "us-east-1,eu-west-1"}  # fmt: skip
    props = TEMPLATE["Resources"]["MemberStackSet"]["Properties"]
    name = unique("leftovers-member")
    fields = ("PermissionModel", "AutoDeployment", "Capabilities", "ManagedExecution", "Parameters", "CallAs")
    api = {k: resolved(props[k], values) for k in fields}
    cfn = boto3.client("cloudformation")
    cfn.create_stack_set(StackSetName=name, TemplateBody=MEMBER.read_text(), **api)
    described = cfn.describe_stack_set(StackSetName=name)["StackSet"]
    # moto keeps neither AutoDeployment nor ManagedExecution (botocore validated their shape on the way in; their
    # values are checked in test_template_org.py); it keeps the permission model and every member parameter.
    assert described["PermissionModel"] == "SERVICE_MANAGED"
    given = {p["ParameterKey"] for p in described["Parameters"]}
    assert given == {p["ParameterKey"] for p in api["Parameters"]}
    (group,) = props["StackInstancesGroup"]
    assert resolved(group["Regions"], {"MemberRegions": ["us-east-1", "eu-west-1"]}) == ["us-east-1", "eu-west-1"]
    assert resolved(group["DeploymentTargets"]["OrganizationalUnitIds"], values) == ["r-ab12"]
