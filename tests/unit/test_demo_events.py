"""The bundled demo day: every line is a valid Config event, and folding them leaves exactly the forgotten resources."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

import pytest

from leftovers.adapters.sources.config import parse_config_event
from leftovers.core.deadlines import Schedule
from leftovers.core.lifecycle import apply
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey

LINES = files("leftovers").joinpath("data/demo_events.jsonl").read_text().splitlines()
EVENTS: list[dict[str, Any]] = [json.loads(line) for line in LINES]

# Computed by hand from the story in the file: what was created that day and never deleted.
FORGOTTEN = {
    ("ap-northeast-1", "AWS::EC2::Instance", "i-0f3a9c1b2d4e5f607"),  # bench-runner
    ("ap-northeast-1", "AWS::EC2::Volume", "vol-0e1d2c3b4a5f60718"),  # its root volume
    ("ap-northeast-1", "AWS::EC2::NatGateway", "nat-0a9b8c7d6e5f40312"),
    ("ap-northeast-1", "AWS::EC2::EIP", "eipalloc-0c4d5e6f7a8b9c0d1"),  # the NAT gateway's address
    ("ap-northeast-1", "AWS::EC2::NetworkInterface", "eni-0b2c3d4e5f6a7b8c9"),  # made by AWS for the NAT gateway
    ("ap-northeast-1", "AWS::EC2::EIP", "eipalloc-0e7f8a9b0c1d2e3f4"),  # allocated "just in case"
    ("ap-northeast-1", "AWS::RDS::DBInstance", "db-7QHXKZ2N4VJ5LM3RPT6YWB8C1E"),  # exp-postgres
    ("global", "AWS::IAM::Role", "AROA2X7EXAMPLESLRRDS1"),  # AWSServiceRoleForRDS, made by AWS
    ("global", "AWS::IAM::Role", "AROA2X7EXAMPLEEXECRS01"),  # the console's execution role outlives its function
    ("ap-northeast-1", "AWS::SageMaker::NotebookInstance", "exp-notebook"),
    ("ap-northeast-1", "AWS::S3::Bucket", "hanako-scratch-20250314"),
    ("us-east-1", "AWS::S3::Bucket", "hanako-cf-logs-use1"),
}
CLEANED_UP = {
    ("ap-northeast-1", "AWS::Lambda::Function", "resize-thumbs"),
    ("ap-northeast-1", "AWS::EC2::Instance", "i-0a7b6c5d4e3f21098"),  # scratch
    ("ap-northeast-1", "AWS::EC2::Volume", "vol-0c8d7e6f5a4b39281"),  # its deletion arrives before its creation
    ("ap-northeast-1", "AWS::S3::Bucket", "hanako-tmp-upload"),
    ("us-east-1", "AWS::EC2::Instance", "i-07c1d2e3f4a5b6c78"),  # llm-try, delivered twice
    ("us-east-1", "AWS::EC2::Volume", "vol-0d9e8f7a6b5c4d3e2"),
    ("us-east-1", "AWS::OpenSearch::Domain", "logs-poc"),
    ("us-east-1", "AWS::Lambda::Function", "hello-us"),
}


def changes(events: Iterable[dict[str, Any]]) -> list[ResourceChange]:
    return [change for event in events for change in parse_config_event(event).changes]


def fold(events: Iterable[dict[str, Any]]) -> dict[ResourceKey, Resource]:
    records: dict[ResourceKey, Resource] = {}
    for change in changes(events):
        records[change.key], _ = apply(records.get(change.key), change, Schedule())
    return records


def active(records: dict[ResourceKey, Resource]) -> set[tuple[str, str, str]]:
    return {(k.region, k.resource_type, k.resource_id) for k, r in records.items() if r.active}


def test_a_realistic_day_of_eventbridge_config_events() -> None:
    assert 30 <= len(EVENTS) <= 45
    assert {e["source"] for e in EVENTS} == {"aws.config"}
    assert {e["detail-type"] for e in EVENTS} == {"Config Configuration Item Change"}
    assert {e["account"] for e in EVENTS} == {"123456789012"}
    assert {e["region"] for e in EVENTS} == {"ap-northeast-1", "us-east-1"}
    assert {c.captured_at.date().isoformat() for c in changes(EVENTS)} == {"2025-03-14"}


def test_every_line_parses_and_only_the_unrecorded_type_is_ignored() -> None:
    parsed = [parse_config_event(event) for event in EVENTS]  # raises EventRejected on any bad line
    assert [p.ignored for p in parsed if p.ignored] == ["ResourceNotRecorded: the resource type is not recorded"]
    assert all(len(p.changes) == 1 for p in parsed if not p.ignored)


def test_folding_the_day_leaves_exactly_the_forgotten_resources() -> None:
    remaining = active(fold(EVENTS))
    assert remaining == FORGOTTEN
    assert not remaining & CLEANED_UP


def test_cleaned_up_resources_were_tracked_then_resolved() -> None:
    records = fold(EVENTS)
    seen = {(k.region, k.resource_type, k.resource_id) for k in records}
    assert seen == FORGOTTEN | CLEANED_UP


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_any_delivery_order_leaves_the_same_leftovers(seed: int) -> None:
    shuffled = list(EVENTS)
    random.Random(seed).shuffle(shuffled)
    assert active(fold(shuffled)) == FORGOTTEN


def test_the_day_has_a_duplicate_and_an_out_of_order_deletion() -> None:
    assert [n for n in Counter(LINES).values() if n > 1] == [2]
    first_seen: dict[ResourceKey, ChangeKind] = {}
    for change in changes(EVENTS):
        first_seen.setdefault(change.key, change.kind)
    early = [k.resource_id for k, kind in first_seen.items() if kind is ChangeKind.DELETED]
    assert early == ["vol-0c8d7e6f5a4b39281"]


def test_resources_aws_made_for_the_user_are_told_apart_by_their_details() -> None:
    records = fold(EVENTS)
    made_by_aws = {
        k.resource_id
        for k, r in records.items()
        if r.details.get("requesterManaged") is True or str(r.details.get("path", "")).startswith("/aws-service-role/")
    }
    assert made_by_aws == {"eni-0b2c3d4e5f6a7b8c9", "AROA2X7EXAMPLESLRRDS1"}


def test_the_owner_tag_and_names_survive_the_fold() -> None:
    records = fold(EVENTS)
    by_id = {k.resource_id: r for k, r in records.items()}
    assert by_id["i-0f3a9c1b2d4e5f607"].display_name == "bench-runner"
    assert by_id["i-0f3a9c1b2d4e5f607"].tags["Project"] == "tsdb-bench"  # from the later OK event
    assert by_id["db-7QHXKZ2N4VJ5LM3RPT6YWB8C1E"].display_name == "exp-postgres"
    assert by_id["hanako-scratch-20250314"].tags == {"Owner": "hanako"}
    assert sum(1 for r in records.values() if r.active and r.tags.get("Owner") == "hanako") == 8
