"""Log files to changes: files arrive in any order and more than once (S3 notifications, overlapping backfills),
and the store ends the same; rejections are named up to a bound and counted past it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record
from leftovers.adapters.sources.trail_files import reader
from leftovers.adapters.sources.trail_files.local import LogFile
from leftovers.adapters.sources.trail_files.reader import Tally, trail_changes
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.service.ingest import ingest
from tests.support.examples import examples
from tests.support.trail_logs import log_bytes, record


def volume(volume_id: str, minute: int, created: bool) -> dict[str, Any]:
    if created:
        found = record("trail_record_create_volume", eventTime=f"2026-09-14T08:{minute:02d}:00Z")
        found["responseElements"]["volumeId"] = volume_id
        return found
    return record("cloudtrail_delete_volume", eventTime=f"2026-09-14T08:{minute:02d}:00Z",
                  requestParameters={"volumeId": volume_id})  # fmt: skip


# Three files: a volume created then deleted across files, another created, the first re-created later.
FILES = [
    [volume("vol-a", 1, True), volume("vol-b", 2, True)],
    [volume("vol-a", 10, False)],
    [volume("vol-a", 20, True), volume("vol-b", 21, False), volume("vol-c", 22, True)],
]


def replay(order: list[int]) -> dict[str, Any]:
    store, tally = MemoryStore(), Tally()
    logs = [LogFile(f"f{i}.json.gz", "123456789012", lambda i=i: log_bytes(FILES[i])) for i in order]
    ingest(store, trail_changes(logs, mapped_event_names(), parse_cloudtrail_record, tally), Schedule())
    assert tally.counts["rejected"] == 0
    return {r.key.resource_id: r.created_at for r in store.scan()}


@settings(max_examples=examples(10), deadline=None)
@given(st.lists(st.integers(0, len(FILES) - 1), min_size=len(FILES), max_size=8).filter(lambda o: set(o) == {0, 1, 2}))
def test_any_order_and_any_repeats_of_the_files_end_in_the_same_store(order: list[int]) -> None:
    assert replay(order) == replay([0, 1, 2])
    assert sorted(replay([0, 1, 2])) == ["vol-a", "vol-c"]


def test_rejections_past_the_bound_are_counted_not_named(monkeypatch: Any) -> None:
    monkeypatch.setattr(reader, "MAX_NAMED", 3)
    tally = Tally()
    bad = [LogFile(f"f{i}.json", None, lambda: b"{broken") for i in range(5)]
    assert list(trail_changes(bad, mapped_event_names(), parse_cloudtrail_record, tally)) == []
    assert (tally.counts["rejected"], len(tally.rejections), tally.unnamed) == (5, 3, 2)
    assert tally.rejections[0].startswith("f0.json: rejected: not valid JSON")
