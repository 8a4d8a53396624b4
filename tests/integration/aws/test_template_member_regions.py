"""member.yaml in every region: each event is forwarded once, global services from us-east-1 only, and the central
rule takes events from any account and region. Patterns are checked with moto's own EventBridge matcher."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from moto.events.models import EventPattern

from leftovers.adapters.accounts.patterns import (
    GLOBAL_REGION,
    GLOBAL_SOURCES,
    config_patterns,
    member_cloudtrail_patterns,
)
from leftovers.adapters.sources.cloudtrail.pattern import PATTERN_LIMIT, cloudtrail_pattern
from tests.integration.aws.org_templates import deployed, load_member, load_template, resource
from tests.support.events import event_names, load_event

MEMBER, CENTRAL = load_member(), load_template()
REGIONS = ("us-east-1", "eu-west-1", "ap-northeast-1")
BOTH = {"Sources": "both"}
FORWARDED = [n for n in event_names("config_") + event_names("cloudtrail_") if "detail-type" in load_event(n)]


def pattern(template: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = resource(template, name)["Properties"]["EventPattern"]
    return found


def matches(rule_pattern: dict[str, Any], event: dict[str, Any]) -> bool:
    return bool(EventPattern.load(json.dumps(rule_pattern)).matches_event(event))


def test_the_member_patterns_are_the_ones_built_from_the_call_table() -> None:
    regional, global_ = member_cloudtrail_patterns()
    names = [f"CloudTrailForwardRule{n if n > 1 else ''}" for n in range(1, len(regional) + 1)]
    assert [pattern(MEMBER, name) for name in names] == regional
    assert [pattern(MEMBER, "CloudTrailGlobalForwardRule")] == global_
    assert (pattern(MEMBER, "ConfigForwardRule"), pattern(MEMBER, "ConfigGlobalForwardRule")) == config_patterns()


def test_regional_and_global_rules_together_cover_the_central_pattern() -> None:
    regional, global_ = member_cloudtrail_patterns()
    regional_sources = [s for p in regional for s in p["source"]]
    global_sources = [s for p in global_ for s in p["source"]]
    assert sorted(regional_sources + global_sources) == cloudtrail_pattern()["source"]
    assert set(global_sources) <= GLOBAL_SOURCES
    assert not set(regional_sources) & GLOBAL_SOURCES
    assert all(len(json.dumps(p)) <= PATTERN_LIMIT for p in regional + global_)


def test_global_rules_and_the_read_role_exist_in_us_east_1_only() -> None:
    for region in REGIONS:
        names = set(deployed(MEMBER, region, BOTH))
        only_there = {"ConfigGlobalForwardRule", "CloudTrailGlobalForwardRule", "ReadRole"}
        assert (only_there <= names) == (region == GLOBAL_REGION), region
        assert not (only_there & names) or region == GLOBAL_REGION
        assert {"ConfigForwardRule", "CloudTrailForwardRule", "ForwardRole"} <= names


def as_seen_in(event: dict[str, Any], region: str) -> dict[str, Any]:
    """The event as the default bus of ``region`` holds it (regional resources keep their own awsRegion)."""
    seen = copy.deepcopy(event)
    seen["region"] = region
    return seen


def forwarding(event: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (region, rule) of a member stack deployed in all REGIONS that forwards ``event`` seen in each region."""
    found = []
    for region in REGIONS:
        for name, r in deployed(MEMBER, region, BOTH).items():
            if r["Type"] == "AWS::Events::Rule" and matches(r["Properties"]["EventPattern"], as_seen_in(event, region)):
                found.append((region, name))
    return found


def is_global(event: dict[str, Any]) -> bool:
    """True for an event of a global service or a Config item of a global resource type."""
    item = event["detail"].get("configurationItem") or event["detail"].get("configurationItemSummary") or {}
    return event["source"] in GLOBAL_SOURCES or item.get("awsRegion") == "global"


GLOBAL_EVENTS = [n for n in FORWARDED if is_global(load_event(n))]
REGIONAL_EVENTS = [n for n in FORWARDED if n not in GLOBAL_EVENTS]


def test_the_fixtures_hold_global_events_of_both_sources() -> None:
    assert {load_event(n)["source"] for n in GLOBAL_EVENTS} >= {"aws.config", "aws.route53"}


@pytest.mark.parametrize("name", GLOBAL_EVENTS)
def test_an_event_of_a_global_service_is_forwarded_once_from_us_east_1(name: str) -> None:
    # Worst case: the event shows up on the default bus of every region (Config recording global types everywhere).
    assert [region for region, _ in forwarding(load_event(name))] == [GLOBAL_REGION]


@pytest.mark.parametrize("name", REGIONAL_EVENTS)
def test_a_regional_event_is_forwarded_by_one_rule_wherever_it_happens(name: str) -> None:
    event = load_event(name)
    rules = [name for name in CENTRAL["Resources"] if re.fullmatch(r"ConfigChangeRule|CloudTrailRule\d*", name)]
    central = any(matches(pattern(CENTRAL, rule), event) for rule in rules)
    # what the single-account stack forwards, each member region forwards once
    assert [region for region, _ in forwarding(event)] == (list(REGIONS) if central else [])


@pytest.mark.parametrize("name", FORWARDED)
def test_the_central_bus_takes_what_members_forward_from_any_region(name: str) -> None:
    event = load_event(name)
    for region in REGIONS:
        if forwarding(event):
            assert matches(pattern(CENTRAL, "OrganizationRule"), as_seen_in(event, region))
