"""The CloudTrail rules' patterns: each within EventBridge's size limit, together forwarding what one would."""

from __future__ import annotations

import json
from typing import Any

import pytest
from moto.events.models import EventPattern

from leftovers.adapters.sources.cloudtrail.pattern import (
    PATTERN_LIMIT,
    cloudtrail_pattern,
    cloudtrail_patterns,
    eventbridge_source,
)
from leftovers.adapters.sources.cloudtrail.table import CALLS
from leftovers.resources import created

PATTERNS = cloudtrail_patterns()
WHOLE = cloudtrail_pattern()


def _forwards(pattern: dict[str, Any], event: dict[str, Any]) -> bool:
    return bool(EventPattern.load(json.dumps(pattern)).matches_event(event))


def _event(source: str, name: str, **detail: Any) -> dict[str, Any]:
    return {
        "source": source,
        "detail-type": "AWS API Call via CloudTrail",
        "detail": {"eventName": name, "eventCategory": "Management", **detail},
    }


def test_the_one_pattern_is_over_the_limit_so_the_split_is_needed() -> None:
    assert len(json.dumps(WHOLE)) > PATTERN_LIMIT  # else one rule would do: the split would be dead code
    assert len(PATTERNS) >= 2


@pytest.mark.parametrize("index", range(len(PATTERNS)))
def test_every_pattern_is_within_eventbridges_limit(index: int) -> None:
    assert len(json.dumps(PATTERNS[index])) <= PATTERN_LIMIT


def test_the_patterns_share_out_the_sources_and_match_names_alike() -> None:
    sources = [s for p in PATTERNS for s in p["source"]]
    assert sources == WHOLE["source"]  # each source in exactly one pattern, none lost
    assert all({**p, "source": WHOLE["source"]} == WHOLE for p in PATTERNS)


def _probes() -> list[dict[str, Any]]:
    """Every mapped call, a call no row maps, a failed one and a data event, from every source, plus strangers."""
    names = [*sorted({c.event for c in CALLS}), "DescribeInstances", "CreateGrant"]
    sources = [*WHOLE["source"], "aws.notaservice"]
    probes = [_event(s, n) for s in sources for n in names]
    probes += [_event(s, "RunInstances", errorCode="AccessDenied") for s in sources]
    probes += [_event(s, "DeleteObject", eventCategory="Data") for s in sources]
    return probes


def test_the_union_forwards_exactly_what_the_one_pattern_would() -> None:
    for event in _probes():
        assert any(_forwards(p, event) for p in PATTERNS) == _forwards(WHOLE, event), event


def test_a_table_whose_names_alone_overflow_the_limit_is_an_error() -> None:
    calls = [created(f"svc{i}.amazonaws.com", f"Launch{i:04d}Thing", "AWS::X::Y", "x") for i in range(200)]
    with pytest.raises(ValueError, match="event names alone"):
        cloudtrail_patterns(calls)


def test_eventbridge_source_is_the_service_prefix() -> None:
    assert eventbridge_source("ec2.amazonaws.com") == "aws.ec2"
