"""The row codec shared by the persistent stores: lossless, JSON-friendly, and ordered like the instants."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leftovers.adapters.stores.codec import (
    COLUMNS,
    decode_time,
    encode_time,
    from_row,
    from_values,
    map_text,
    to_row,
    to_values,
)
from leftovers.core.model import Creation, Resource, ResourceKey
from tests.support.examples import examples

zones = st.one_of(
    st.just(UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
# Bounded so that shifting to UTC never leaves datetime's range.
instants = st.datetimes(datetime(1970, 1, 1), datetime(9998, 12, 31), timezones=zones)
maybe_instant = st.none() | instants
text = st.text(max_size=20)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
resources = st.builds(
    Resource,
    key=st.builds(ResourceKey, text, text, text, text),
    name=st.none() | text,
    arn=st.none() | text,
    tags=st.dictionaries(text, text, max_size=4),
    created_at=maybe_instant,
    creations=st.lists(st.builds(Creation, instants, st.none() | text, st.none() | text), max_size=3).map(tuple),
    deleted_at=maybe_instant,
    attrs_at=maybe_instant,
    first_notified_at=maybe_instant,
    last_notified_at=maybe_instant,
    notify_count=st.integers(0, 10_000),
    next_due_at=maybe_instant,
    expires_at=maybe_instant,
    sources=st.frozensets(text, max_size=3),
    created_by=st.none() | text,
    created_for_by=st.none() | text,
    details=st.dictionaries(text, json_values, max_size=4),
    version=st.integers(0, 2**40),
)


@settings(max_examples=examples(75))
@given(resources)
def test_a_record_survives_a_trip_through_json(record: Resource) -> None:
    row = json.loads(json.dumps(to_row(record)))
    back = from_row(row)
    assert (back, back.version) == (record, record.version)
    assert from_values(to_values(record, version=7)).version == 7


@given(resources)
def test_rows_are_flat_and_in_column_order(record: Resource) -> None:
    row = to_row(record)
    assert tuple(row) == COLUMNS
    assert all(value is None or type(value) in (str, int) for value in row.values())
    assert row["active"] == int(record.active)


@given(resources)
def test_equal_records_give_equal_rows(record: Resource) -> None:
    # Tags, details and sources are written in a canonical order, so a row can be compared or hashed.
    shuffled = Resource(
        **{f: getattr(record, f) for f in Resource.__slots__ if f not in ("tags", "details", "sources")},
        tags=dict(reversed(record.tags.items())),
        details=dict(reversed(record.details.items())),
        sources=frozenset(reversed(sorted(record.sources))),
    )
    assert to_row(shuffled) == to_row(record)


@given(instants, instants)
def test_encoded_times_sort_like_the_instants(a: datetime, b: datetime) -> None:
    ea, eb = encode_time(a), encode_time(b)
    assert ea is not None
    assert eb is not None
    assert (ea < eb, ea == eb) == (a < b, a == b)
    assert decode_time(ea) == a


def test_times_are_fixed_width_utc_strings() -> None:
    tokyo = timezone(timedelta(hours=9))
    assert encode_time(datetime(2026, 11, 20, 10, 0, tzinfo=tokyo)) == "2026-11-20T01:00:00.000000Z"
    assert encode_time(datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)) == "2026-01-02T03:04:05.000006Z"
    assert decode_time("2026-01-02T03:04:05.000006Z") == datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert encode_time(None) is None
    assert decode_time(None) is None


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        to_row(Resource(ResourceKey("1", "r", "t", "i"), created_at=datetime(2026, 1, 1)))


def test_from_row_ignores_attributes_a_store_adds() -> None:
    record = Resource(ResourceKey("1", "r", "t", "i"), name="n")
    assert from_row({**to_row(record), "gsi_due": "x", "ttl": 123}) == record


GENERAL = json.JSONEncoder(separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode
odd_text = st.text(max_size=12) | st.sampled_from(["\ud800", "a\udfffb", "\u2028", "\x00\x1f\x7f", "é", "😀"])


@settings(max_examples=examples(300))
@given(st.dictionaries(odd_text, st.one_of(odd_text, json_values), max_size=5))
def test_tags_and_details_are_written_as_the_general_json_encoder_writes_them(value: dict[str, object]) -> None:
    """The fast encoder (msgspec, for maps of text) must write exactly the bytes rows always held: same key order,
    same escapes; floats (whose exponents msgspec spells differently), nested values and lone surrogates go the
    general way."""
    assert map_text(value) == GENERAL(value)
