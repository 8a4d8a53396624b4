"""template.yaml's Sources parameter: which rules exist, what the CloudTrail rule forwards, and that the call table
and the rule's pattern cannot drift apart."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from moto.events.models import EventPattern
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.cloudtrail.pattern import PATTERN_LIMIT, cloudtrail_patterns, eventbridge_source
from leftovers.adapters.sources.cloudtrail.table import CALLS
from leftovers.core.errors import EventRejected
from tests.integration.aws.ingest_path import put_events
from tests.support.events import event_names, load_event
from tests.support.moto_server import MotoServer, load_template, unique

TEMPLATE = load_template()  # read only; a test that changes the template loads its own copy
# The CloudTrail rules, in the template's order: CloudTrailRule, CloudTrailRule2, ... (one per pattern).
CLOUDTRAIL_RULES = [name for name in TEMPLATE["Resources"] if re.fullmatch(r"CloudTrailRule\d*", name)]
RULES = {
    "config": {"ConfigChangeRule"},
    "cloudtrail": set(CLOUDTRAIL_RULES),
    "both": {"ConfigChangeRule", *CLOUDTRAIL_RULES},
}
CLOUDTRAIL = event_names("cloudtrail_")
CONFIG = [n for n in event_names("config_") if "detail-type" in load_event(n)]
NEVER_FORWARDED = {"cloudtrail_failed_call", "cloudtrail_read_only_call"}
# Forwarded, yet no change: what a pattern cannot see, left to the parser.
FORWARDED_WITHOUT_CHANGE = {
    "cloudtrail_unmapped_call": "the compact patterns' cost: an unmapped Create*/Delete* of a listed service",
    "cloudtrail_delete_function_version": "a mapped call whose qualifier makes it delete a version only",
    "cloudtrail_run_instances_no_items": "malformed: the parser rejects it (and the queue dead-letters it)",
}
# The slice of the stack that routes events; moto's CloudFormation evaluates its Conditions (it skips QueuePolicy).
INGEST_SLICE = ("IngestDeadLetterQueue", "IngestQueue", "IngestQueuePolicy", "ConfigChangeRule", *CLOUDTRAIL_RULES)


def rule(name: str) -> dict[str, Any]:
    resource: dict[str, Any] = TEMPLATE["Resources"][name]
    return resource


def matches(rule_name: str, event: dict[str, Any]) -> bool:
    """Whether the rule forwards ``event`` ("CloudTrailRule": whether any of the CloudTrail rules does)."""
    names = CLOUDTRAIL_RULES if rule_name == "CloudTrailRule" else [rule_name]
    patterns = [json.dumps(rule(name)["Properties"]["EventPattern"]) for name in names]
    return any(EventPattern.load(pattern).matches_event(event) for pattern in patterns)


def test_sources_defaults_to_config_only() -> None:
    param = TEMPLATE["Parameters"]["Sources"]
    assert param["Default"] == "config"
    assert param["AllowedValues"] == ["config", "cloudtrail", "both"]


@pytest.mark.parametrize("name", CLOUDTRAIL_RULES)
def test_every_rule_delivers_to_the_queue_alike(name: str) -> None:
    assert rule(name)["Properties"]["Targets"] == rule("ConfigChangeRule")["Properties"]["Targets"]
    assert rule(name)["Properties"]["State"] == "ENABLED"  # not ..._WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
    assert rule(name)["Condition"] == "FollowsCloudTrail"


def test_the_queue_policy_allows_each_rule_exactly_when_it_exists() -> None:
    (statement,) = TEMPLATE["Resources"]["IngestQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    allowed = statement["Condition"]["ArnEquals"]["aws:SourceArn"]
    expected = [
        {"Fn::If": [rule(name)["Condition"], {"Fn::GetAtt": [name, "Arn"]}, {"Ref": "AWS::NoValue"}]}
        for name in ("ConfigChangeRule", *CLOUDTRAIL_RULES, "OrganizationRule")
    ]
    assert allowed == expected


@pytest.mark.parametrize("sources", RULES)
def test_translates_with_each_sources_value(sources: str, monkeypatch: pytest.MonkeyPatch) -> None:
    template = load_template()
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://leftovers-artifacts/lambda.zip"
    machine = template["Resources"]["NotifyStateMachine"]["Properties"]
    machine["Definition"] = {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}  # the ASL is tested elsewhere
    del machine["DefinitionUri"]
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-northeast-1")
    out = Translator(None, Parser()).translate(template, {"Sources": sources}, get_managed_policy_map=lambda: {})
    assert out["Conditions"]["FollowsCloudTrail"] == template["Conditions"]["FollowsCloudTrail"]
    assert {out["Resources"][name]["Condition"] for name in CLOUDTRAIL_RULES} == {"FollowsCloudTrail"}
    assert out["Resources"]["ConfigChangeRule"]["Condition"] == "FollowsConfig"


def test_the_rules_patterns_are_the_ones_built_from_the_call_table() -> None:
    """A new service or verb in the table fails here until the template's rules forward it."""
    patterns = cloudtrail_patterns()
    assert ["CloudTrailRule", *(f"CloudTrailRule{n}" for n in range(2, len(patterns) + 1))] == CLOUDTRAIL_RULES
    assert [rule(name)["Properties"]["EventPattern"] for name in CLOUDTRAIL_RULES] == patterns


@pytest.mark.parametrize("name", CLOUDTRAIL_RULES)
def test_each_pattern_fits_eventbridges_default_size_limit(name: str) -> None:
    pattern = rule(name)["Properties"]["EventPattern"]
    assert len(json.dumps(pattern)) <= PATTERN_LIMIT  # with spaces: longer than CloudFormation's rendering


def call_event(source: str, event_name: str, **detail: Any) -> dict[str, Any]:
    """The fields of an EventBridge CloudTrail event that the pattern looks at."""
    return {
        "source": eventbridge_source(source),
        "detail-type": "AWS API Call via CloudTrail",
        "detail": {"eventSource": source, "eventName": event_name, "eventCategory": "Management", **detail},
    }


@pytest.mark.parametrize("call", CALLS, ids=lambda c: f"{c.source.split('.')[0]}:{c.event}")
def test_every_mapped_call_is_forwarded_when_it_succeeds(call: Any) -> None:
    assert matches("CloudTrailRule", call_event(call.source, call.event))
    assert not matches("CloudTrailRule", call_event(call.source, call.event, errorCode="AccessDenied"))


def test_data_events_are_not_forwarded() -> None:
    assert not matches("CloudTrailRule", call_event("s3.amazonaws.com", "DeleteObject", eventCategory="Data"))
    assert not matches("CloudTrailRule", call_event("sqs.amazonaws.com", "DeleteMessage", eventCategory="Data"))


def acted_on(event: dict[str, Any]) -> bool:
    try:
        return bool(parse_event(event).changes)
    except EventRejected:
        return False


def test_the_fixtures_cover_both_sides() -> None:
    assert set(CLOUDTRAIL) >= NEVER_FORWARDED | set(FORWARDED_WITHOUT_CHANGE)
    assert sum(acted_on(load_event(n)) for n in CLOUDTRAIL) >= 100


@pytest.mark.parametrize("name", CLOUDTRAIL)
def test_the_rule_forwards_exactly_the_fixtures_the_parser_acts_on(name: str) -> None:
    event = load_event(name)
    assert event["source"] == eventbridge_source(event["detail"]["eventSource"])
    assert matches("CloudTrailRule", event) == (acted_on(event) or name in FORWARDED_WITHOUT_CHANGE)
    assert not (name in NEVER_FORWARDED and matches("CloudTrailRule", event))
    assert not matches("ConfigChangeRule", event)


@pytest.mark.parametrize("name", CONFIG)
def test_config_events_reach_only_the_config_rule(name: str) -> None:
    assert not matches("CloudTrailRule", load_event(name))


@pytest.fixture
def ingest_stack(request: pytest.FixtureRequest, aws: MotoServer) -> Iterator[dict[str, str]]:
    """The template's routing slice as a moto stack with ``Sources=request.param``: logical id -> physical id."""
    body = {
        "AWSTemplateFormatVersion": TEMPLATE["AWSTemplateFormatVersion"],
        "Parameters": {"Sources": TEMPLATE["Parameters"]["Sources"]},
        "Conditions": {k: v for k, v in TEMPLATE["Conditions"].items() if "Sources" in json.dumps(v)},
        "Resources": {k: TEMPLATE["Resources"][k] for k in INGEST_SLICE},
    }
    cfn, name = boto3.client("cloudformation"), unique("leftovers-sources")
    parameters = [{"ParameterKey": "Sources", "ParameterValue": request.param}]
    cfn.create_stack(StackName=name, TemplateBody=json.dumps(body), Parameters=parameters)
    try:
        resources = cfn.describe_stack_resources(StackName=name)["StackResources"]
        yield {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources if r.get("LogicalResourceId")}
    finally:
        cfn.delete_stack(StackName=name)


def receive_all(queue_url: str) -> list[dict[str, Any]]:
    sqs, got = boto3.client("sqs"), []
    while reply := sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages"):
        got.extend(json.loads(m["Body"]) for m in reply)
    return got


SENT = ["cloudtrail_run_instances", "cloudtrail_delete_bucket", "cloudtrail_failed_call", "config_deleted_volume"]
ARRIVES = {
    "config": ["config_deleted_volume"],
    "cloudtrail": ["cloudtrail_run_instances", "cloudtrail_delete_bucket"],
    "both": ["config_deleted_volume", "cloudtrail_run_instances", "cloudtrail_delete_bucket"],
}


@pytest.mark.filterwarnings("ignore:Tried to parse AWS")  # moto skips AWS::SQS::QueuePolicy
@pytest.mark.parametrize("ingest_stack", list(RULES), indirect=True)
def test_the_stack_has_the_rules_sources_chose_and_events_reach_its_queue(
    ingest_stack: dict[str, str], request: pytest.FixtureRequest
) -> None:
    sources = request.node.callspec.params["ingest_stack"]
    assert {k for k in ingest_stack if k.rstrip("0123456789").endswith("Rule")} == RULES[sources]
    put_events(load_event(n) for n in SENT)
    got = sorted(json.dumps(b["detail"], sort_keys=True) for b in receive_all(ingest_stack["IngestQueue"]))
    assert got == sorted(json.dumps(load_event(n)["detail"], sort_keys=True) for n in ARRIVES[sources])
