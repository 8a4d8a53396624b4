"""The Store contract, continued: the lifecycle rules driven through load and save, as ingest and notify do."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import ConflictError
from leftovers.core.lifecycle import apply, mark_notified
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey
from leftovers.core.ports import Store

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
SCHEDULE = Schedule()
ACCOUNT, REGION = "123456789012", "ap-northeast-1"


def change(kind: str, resource_id: str, minutes: int, **attrs: object) -> ResourceChange:
    """A Config-like change of an EC2 instance captured ``minutes`` after T0."""
    k = ResourceKey(ACCOUNT, REGION, "AWS::EC2::Instance", resource_id)
    at = T0 + timedelta(minutes=minutes)
    return ResourceChange(k, ChangeKind(kind), at, "config", **attrs)  # type: ignore[arg-type]


# A day of experiments, delivered out of order and with a duplicate.
EVENTS = [
    change("created", "i-kept", 0, name="web", tags={"Owner": "alice"}),
    change("deleted", "i-tidy", 30),
    change("created", "i-tidy", 1, name="scratch"),
    change("updated", "i-kept", 10, tags={"Owner": "alice", "Project": "demo"}),
    change("created", "i-kept", 0, name="web", tags={"Owner": "alice"}),
    change("deleted", "i-late", 5),
    change("created", "i-late", 2),
    change("updated", "i-early", 50, name="early-bird"),
    change("created", "i-early", 45),
]


def ingest(store: Store, changes: Sequence[ResourceChange]) -> None:
    """Fold changes into the store in one load and one conditional save, as the ingest service does."""
    records = store.load({c.key for c in changes})
    before = dict(records)
    for c in changes:
        records[c.key], _ = apply(records.get(c.key), c, SCHEDULE)
    store.save([r for k, r in records.items() if not r.same_state(before.get(k))])


def notify(store: Store, at: datetime) -> list[str]:
    """Mark everything due at ``at`` notified; return the ids that were due."""
    due = list(store.due(at))
    store.save([mark_notified(r, at, SCHEDULE) for r in due])
    return sorted(r.key.resource_id for r in due)


def state(store: Store) -> list[tuple[Resource, int]]:
    """Every record, tombstones included, with its version, in key order."""
    return sorted(((r, r.version) for r in store.scan(include_inactive=True)), key=lambda rv: rv[0].key)


@pytest.mark.parametrize("chunk", [1, 4, len(EVENTS)])
def test_ingest_and_notify_through_load_and_save(store: Store, chunk: int) -> None:
    for start in range(0, len(EVENTS), chunk):
        ingest(store, EVENTS[start : start + chunk])

    kept = store.load([EVENTS[0].key])[EVENTS[0].key]
    assert kept.tags == {"Owner": "alice", "Project": "demo"}
    assert sorted(r.key.resource_id for r in store.scan()) == ["i-early", "i-kept"]

    run = T0 + timedelta(hours=15)
    assert notify(store, run) == ["i-early", "i-kept"]
    assert notify(store, run) == []  # the same run again finds nothing
    assert notify(store, run + timedelta(days=7) - timedelta(seconds=1)) == []
    assert notify(store, run + timedelta(days=7)) == ["i-early", "i-kept"]

    ingest(store, [change("deleted", "i-kept", 60 * 24 * 8)])
    assert notify(store, run + timedelta(days=14)) == ["i-early"]
    early = store.load([EVENTS[-1].key])[EVENTS[-1].key]
    assert (early.name, early.notify_count) == ("early-bird", 3)


def test_a_resource_deleted_and_created_again_is_saved_over_its_tombstone(store: Store) -> None:
    for c in (change("created", "i-1", 0), change("deleted", "i-1", 10), change("created", "i-1", 20)):
        ingest(store, [c])
    again = store.load([c.key])[c.key]
    assert (again.active, again.created_at, again.version) == (True, c.captured_at, 3)


def test_ends_in_the_same_state_as_the_reference_store(store: Store) -> None:
    reference = MemoryStore()
    for target in (store, reference):
        for c in EVENTS:
            ingest(target, [c])
        notify(target, T0 + timedelta(hours=15))
        target.purge_expired(T0 + timedelta(days=1))
    assert state(store) == state(reference)


def test_a_concurrent_writer_is_detected_and_the_retry_keeps_both_changes(store: Store) -> None:
    ingest(store, [EVENTS[0]])
    k = EVENTS[0].key
    mine = store.load([k])[k]
    theirs = store.load([k])[k]
    store.save([mark_notified(theirs, T0 + timedelta(hours=1), SCHEDULE)])

    rename = change("updated", "i-kept", 20, name="web-renamed")
    with pytest.raises(ConflictError):
        store.save([apply(mine, rename, SCHEDULE)[0]])
    ingest(store, [rename])  # reload and fold again

    final = store.load([k])[k]
    assert (final.name, final.notify_count, final.version) == ("web-renamed", 1, 3)
