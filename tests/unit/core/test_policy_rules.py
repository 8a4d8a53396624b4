"""Ignore rules of every kind, on resources parsed from real-format Config items."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from leftovers.adapters.config_file import default_ignore_rules
from leftovers.adapters.sources.config import parse_config_event
from leftovers.core.lifecycle import apply
from leftovers.core.model import Resource
from leftovers.core.policy import Policy
from leftovers.core.policy_rules import IgnoreRule
from tests.support.events import load_event


def tracked(fixture: str) -> Resource:
    """The record a fresh store holds after this fixture's change."""
    (change,) = parse_config_event(load_event(fixture)).changes
    record, _ = apply(None, change, Policy())
    return record


INSTANCE = "config_discovered_ec2_instance"  # t3.large "bench-runner", Owner=hanako, ap-northeast-1


@pytest.mark.parametrize(
    ("rule", "fixture", "matches"),
    [
        (IgnoreRule("ec2", types=("AWS::EC2::*",)), INSTANCE, True),
        (IgnoreRule("rds", types=("AWS::RDS::*",)), INSTANCE, False),
        (IgnoreRule("bench", name_regex=re.compile(r"^bench-")), INSTANCE, True),
        (IgnoreRule("bench", name_regex=re.compile(r"^runner")), INSTANCE, False),
        (IgnoreRule("id", id_regex=re.compile(r"^i-0f3a")), INSTANCE, True),
        (IgnoreRule("arn", arn_regex=re.compile(r":instance/")), INSTANCE, True),
        (IgnoreRule("tag any value", tags=(("Owner", "*"),)), INSTANCE, True),
        (IgnoreRule("tag value glob", tags=(("Owner", "hana*"),)), INSTANCE, True),
        (IgnoreRule("tag other value", tags=(("Owner", "taro"),)), INSTANCE, False),
        (IgnoreRule("missing tag", tags=(("Project", "*"),)), INSTANCE, False),
        (IgnoreRule("account", accounts=("123456789012",)), INSTANCE, True),
        (IgnoreRule("other account", accounts=("210987654321",)), INSTANCE, False),
        (IgnoreRule("tokyo", regions=("ap-northeast-*",)), INSTANCE, True),
        (IgnoreRule("virginia", regions=("us-east-1",)), INSTANCE, False),
        (IgnoreRule("details", details=(("instanceType", "t3.large"),)), INSTANCE, True),
        (IgnoreRule("details text", details=(("isDefault", "true"),)), "config_discovered_default_vpc", True),
        # every condition must hold
        (IgnoreRule("both", types=("AWS::EC2::Instance",), regions=("us-east-1",)), INSTANCE, False),
        (IgnoreRule("both", types=("AWS::EC2::Instance",), tags=(("Owner", "hanako"),)), INSTANCE, True),
    ],
    ids=lambda x: x.name if isinstance(x, IgnoreRule) else None,
)
def test_rule_kinds(rule: IgnoreRule, fixture: str, matches: bool) -> None:
    assert rule.matches(tracked(fixture)) is matches


def test_the_first_matching_rule_names_the_reason() -> None:
    policy = Policy(ignore=(IgnoreRule("virginia only", regions=("us-east-1",)), IgnoreRule("all ec2", types=("*",))))
    assert policy.ignored_by(tracked(INSTANCE)) == "all ec2"


def test_a_rule_needs_a_name_and_a_condition() -> None:
    with pytest.raises(ValueError, match="no condition"):
        IgnoreRule("everything")
    with pytest.raises(ValueError, match="name"):
        IgnoreRule("", types=("*",))


@pytest.mark.parametrize(
    ("fixture", "rule"),
    [
        ("config_discovered_default_vpc", "default VPC"),
        ("config_discovered_service_linked_role", "service-linked roles"),
        ("config_discovered_nat_eni", "network interfaces managed by AWS services"),
        ("config_policy_default_security_group", "default security groups"),
    ],
)
def test_default_ignores_silence_what_aws_made(fixture: str, rule: str) -> None:
    assert Policy(ignore=default_ignore_rules()).ignored_by(tracked(fixture)) == rule


@pytest.mark.parametrize(
    "fixture",
    [
        INSTANCE,
        "config_discovered_nat_gateway",
        "config_discovered_ebs_volume",
        "config_discovered_rds_instance",
        "config_discovered_s3_bucket",
        "config_discovered_eip",
        "config_discovered_sagemaker_notebook",
        "config_discovered_lambda_function",
    ],
)
def test_default_ignores_leave_what_people_made(fixture: str) -> None:
    assert Policy(ignore=default_ignore_rules()).ignored_by(tracked(fixture)) is None


def test_default_ignores_cover_the_documented_parts_by_their_recorded_details() -> None:
    policy = Policy(ignore=default_ignore_rules())
    base = tracked(INSTANCE)

    def as_(resource_type: str, name: str | None = None, **details: object) -> Resource:
        key = base.key._replace(resource_type=resource_type)
        return replace(base, key=key, name=name, tags={}, details=details, arn=None)

    assert policy.ignored_by(as_("AWS::EC2::Subnet", defaultForAz=True)) == "default VPC subnets"
    assert policy.ignored_by(as_("AWS::EC2::Subnet", defaultForAz=False)) is None
    assert policy.ignored_by(as_("AWS::EC2::RouteTable", main=True)) == "main route tables"
    assert policy.ignored_by(as_("AWS::EC2::NetworkAcl", isDefault=True)) == "default network ACLs"
    assert policy.ignored_by(as_("AWS::EC2::SecurityGroup", groupName="default")) == "default security groups"
    assert policy.ignored_by(as_("AWS::IAM::Role", "AWSServiceRoleForECS")) == "service-linked roles (by name)"
    assert policy.ignored_by(as_("AWS::Config::ResourceCompliance")) == "AWS Config's own records"
    assert policy.ignored_by(as_("AWS::KMS::Key", keyManager="AWS")) == "AWS managed KMS keys"
    assert policy.ignored_by(as_("AWS::KMS::Key", keyManager="CUSTOMER")) is None
    assert policy.ignored_by(as_("AWS::CloudFormation::Stack", "CDKToolkit")) == "CDK bootstrap stack"
    cdk_bucket = replace(as_("AWS::S3::Bucket"), tags={"aws:cloudformation:stack-name": "CDKToolkit"})
    assert policy.ignored_by(cdk_bucket) == "CDK bootstrap resources"
