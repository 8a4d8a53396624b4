"""The daily run's posting step: parts that fit the state, large rows as keys, and rows by column name."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest

from leftovers.adapters.leases.memory import MemoryRunLease
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.run_lease import RunInProgress
from leftovers.handlers._state import pack, packed_rows_in, part_size, row_out, row_size, rows_in, size
from leftovers.service.daily_run import hold, post_part, split
from leftovers.service.ingest import ingest
from tests.support.changes import change

AT = datetime(2026, 12, 1, tzinfo=UTC)


def key(n: int) -> ResourceKey:
    return ResourceKey("123456789012", "us-east-1", "AWS::EC2::Instance", f"i-{n:04d}")


def digest_of(records: list[Resource]) -> Digest:
    return Digest(at=AT, timezone="UTC", entries=tuple(DigestEntry(r) for r in records))


def test_a_digest_too_large_for_the_state_goes_in_parts() -> None:
    records = [Resource(key(n), name=f"web-{n}", created_at=AT) for n in range(1000)]
    budget = part_size([r.key for r in records[:400]], records[:400])
    part, whole, skipped, more = split(digest_of(records), budget, part_size, row_size)
    assert (more, skipped) == (True, ())
    assert 390 <= len(part.entries) <= 410  # the longest prefix that fits, packed rows not adding up exactly
    assert [e.resource for e in part.entries] == records[: len(part.entries)] == list(whole)
    assert part_size([r.key for r in whole], whole) <= budget
    one_more = records[: len(whole) + 1]
    assert part_size([r.key for r in one_more], one_more) > budget
    assert split(digest_of(records), part_size([r.key for r in records], records), part_size, row_size)[3] is False


def test_packed_rows_are_several_times_smaller_and_come_back_equal() -> None:
    records = [Resource(key(n), name=f"web-{n}", created_at=AT, sources=frozenset({"config"})) for n in range(1000)]
    rows = [row_out(r) for r in records]
    packed = pack(rows)
    assert len(packed) * 4 < size(rows)
    assert packed_rows_in(json.loads(json.dumps(packed))) == records
    assert packed_rows_in("not packed") is None
    assert packed_rows_in(None) is None


def test_an_oversized_row_travels_as_its_key_and_never_empties_a_part() -> None:
    # 50 tags of 128/256 four-byte characters: a 77 KB row, stored before ingest bounded fields.
    tags = {f"{n:02d}" + "𝄞" * 126: "𝄞" * 256 for n in range(50)}
    big = Resource(key(0), name="huge", tags=tags)
    records = [big, *(Resource(key(n)) for n in range(1, 4))]
    budget = 150_000
    assert size(row_out(big)) > budget // 2
    part, whole, skipped, more = split(digest_of(records), budget, part_size, row_size)
    assert [e.resource for e in part.entries] == records  # the first row is no longer an empty part
    assert big not in whole  # its key only: the mark step reads it again
    assert (skipped, more) == ((), False)


def test_a_key_too_large_for_the_state_is_skipped_and_the_rest_sent() -> None:
    records = [Resource(key(0)._replace(resource_id="x" * 500)), Resource(key(1)), Resource(key(2))]
    part, _, skipped, more = split(digest_of(records), 400, part_size, row_size)
    assert skipped == (records[0].key,)
    assert [e.resource for e in part.entries] == records[1:]
    assert more is False


def test_nothing_due_is_never_reported_while_something_is() -> None:
    store = MemoryStore()
    ingest(store, [change("created", key=key(0), name="big", tags={"k": "v" * 5000})], Schedule())
    notifier = TerminalNotifier(io.StringIO())
    out = post_part(store, notifier, AT, "UTC", {}, budget=1000, measure=part_size, row_size=row_size)
    assert (out.due, len(out.result.sent), out.whole) == (1, 1, ())


def test_rows_travel_by_column_name() -> None:
    record = Resource(key(7), name="web", tags={"Owner": "alice"}, created_at=AT, sources=frozenset({"config"}))
    row = json.loads(json.dumps(row_out(record)))
    assert row["name"] == "web"
    assert rows_in([row]) == [record]
    # A column added by a later deploy is ignored; one it dropped reads as empty; order never matters.
    assert rows_in([{"a_new_column": 1, **dict(reversed(row.items()))}]) == [record]
    assert rows_in([{k: v for k, v in row.items() if k != "tags"}]) == [record.evolve(tags=None)]  # never stated
    # Not rows by name (positional rows from before, or garbage): the step reads the table instead.
    assert rows_in([list(row.values())]) is None
    assert rows_in([{"name": "forged"}]) is None
    assert rows_in("nope") is None


def test_the_lease_keeps_handed_rows_only_while_unbroken() -> None:
    lease, rows = MemoryRunLease(), [Resource(key(1))]
    assert hold(lease, "run-a", rows) is None  # taken afresh here: what an earlier step read may be stale
    assert hold(lease, "run-a", rows) == rows
    with pytest.raises(RunInProgress):
        hold(lease, "run-b", rows)
    assert hold(lease, None, rows) == rows  # a step invoked by hand takes no lease
