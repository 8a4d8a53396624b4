"""DynamoDB items: a record round-trips, and items written by Leftovers 0.1.0 still read correctly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leftovers.adapters.stores.dynamodb import decode, encode
from leftovers.core.model import Resource, ResourceKey

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0abc")


def test_later_creations_round_trip_and_are_absent_when_empty() -> None:
    record = Resource(KEY, created_at=T0, later_creations=(T0 + timedelta(minutes=1), T0 + timedelta(minutes=2)))
    item = encode(record)
    assert item["later_creations"] == {"S": "2026-11-20T01:01:00.000000Z 2026-11-20T01:02:00.000000Z"}
    assert decode(item) == record
    assert "later_creations" not in encode(Resource(KEY, created_at=T0))


def test_an_item_from_0_1_0_keeps_its_latest_later_creation() -> None:
    old = encode(Resource(KEY, created_at=T0))
    old["latest_created_at"] = {"S": "2026-11-20T01:05:00.000000Z"}
    assert decode(old).later_creations == (T0 + timedelta(minutes=5),)
    old["latest_created_at"] = {"S": "2026-11-20T01:00:00.000000Z"}  # 0.1.0 wrote created_at when there was none
    assert decode(old).later_creations == ()
