"""DynamoDB items: a record round-trips, and items written by Leftovers 0.1.0 still read correctly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leftovers.adapters.stores.dynamodb.items import decode, encode
from leftovers.core.model import Creation, Resource, ResourceKey

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0abc")


def test_creations_round_trip_and_are_absent_when_there_is_one() -> None:
    both = (Creation(T0, None, None), Creation(T0 + timedelta(minutes=2), "arn:aws:iam::123456789012:user/aki"))
    record = Resource(KEY, created_at=T0, created_by="arn:aws:iam::123456789012:user/aki", creations=both)
    item = encode(record)
    assert item["creations"] == {
        "S": '[["2026-11-20T01:00:00.000000Z",null,null],'
        '["2026-11-20T01:02:00.000000Z","arn:aws:iam::123456789012:user/aki",null]]'
    }
    assert decode(item) == record
    assert "creations" not in encode(Resource(KEY, created_at=T0))


def test_an_item_from_0_1_0_keeps_its_first_and_latest_creation() -> None:
    old = encode(Resource(KEY, created_at=T0, created_by="aki"))
    old["latest_created_at"] = {"S": "2026-11-20T01:05:00.000000Z"}
    assert decode(old).creations == (Creation(T0, "aki"), Creation(T0 + timedelta(minutes=5)))
    old["latest_created_at"] = {"S": "2026-11-20T01:00:00.000000Z"}  # 0.1.0 wrote created_at when there was one
    assert decode(old).creations == ()
