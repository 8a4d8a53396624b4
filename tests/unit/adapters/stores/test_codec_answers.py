"""Answers in the stores' row and DynamoDB item: compact JSON text, absent when there are none."""

from __future__ import annotations

from datetime import UTC, date, datetime

from leftovers.adapters.stores.codec import from_values, to_row, to_values
from leftovers.adapters.stores.dynamodb.items import decode, encode
from leftovers.core.model import Answer, Resource, ResourceKey

T0 = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0abc")
ANSWERS = (Answer(T0, "U0TARO", "keep", "1796014795.1", until=date(2026, 12, 7)), Answer(T0, "U0TARO", "not_mine", "2"))


def test_answers_are_one_compact_json_text_and_round_trip() -> None:
    record = Resource(KEY, created_at=T0, actions=ANSWERS)
    assert to_row(record)["actions"] == (
        '[["2026-11-30T05:00:00.000000Z","U0TARO","keep","1796014795.1","2026-12-07",null],'
        '["2026-11-30T05:00:00.000000Z","U0TARO","not_mine","2",null,null]]'
    )
    assert from_values(to_values(record)) == record
    assert decode(encode(record)) == record


def test_no_answers_is_null_in_a_row_and_absent_from_an_item() -> None:
    record = Resource(KEY, created_at=T0)
    assert to_row(record)["actions"] is None
    assert "actions" not in encode(record)
    assert decode(encode(record)).actions == ()
