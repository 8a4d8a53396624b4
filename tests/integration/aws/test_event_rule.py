"""The template's EventBridge rule forwards exactly the Config events the parser acts on, and reaches the queue."""

from __future__ import annotations

import json
from typing import Any

import pytest
from moto.events.models import EventPattern

from leftovers.adapters.sources import parse_event
from tests.integration.aws.ingest_path import IngestPath, put_events, rule_pattern
from tests.support.events import event_names, load_event

ENVELOPES = [n for n in [*event_names("config_"), "scheduled_event"] if "detail-type" in load_event(n)]
MUST_MATCH = {
    "config_discovered_ec2_instance",
    "config_oversized_discovered",
    "config_deleted_volume",
    "config_deleted_not_recorded",
    "config_ok_tags_changed",
}
MUST_NOT_MATCH = {"scheduled_event", "config_compliance_change", "config_not_recorded"}


def matches(event: dict[str, Any]) -> bool:
    return EventPattern.load(json.dumps(rule_pattern())).matches_event(event)


def acted_on(event: dict[str, Any]) -> bool:
    return bool(parse_event(event).changes)


def test_the_fixtures_cover_both_sides() -> None:
    assert set(ENVELOPES) >= MUST_MATCH | MUST_NOT_MATCH


@pytest.mark.parametrize("name", ENVELOPES)
def test_the_rule_forwards_a_fixture_exactly_when_the_parser_acts_on_it(name: str) -> None:
    event = load_event(name)
    assert matches(event) == acted_on(event)
    if name in MUST_MATCH:
        assert matches(event)
    if name in MUST_NOT_MATCH:
        assert not matches(event)


@pytest.mark.usefixtures("aws")
def test_put_events_reaches_the_queue() -> None:
    path = IngestPath.create()
    try:
        put_events(load_event(n) for n in ENVELOPES)
        bodies = [json.loads(m["Body"]) for m in path.receive()]
    finally:
        path.delete()
    forwarded = [load_event(n) for n in ENVELOPES if matches(load_event(n))]
    assert len(forwarded) >= len(MUST_MATCH)
    expected = sorted(json.dumps(e["detail"], sort_keys=True) for e in forwarded)
    assert sorted(json.dumps(b["detail"], sort_keys=True) for b in bodies) == expected
    assert {b["detail-type"] for b in bodies} == {"Config Configuration Item Change"}
