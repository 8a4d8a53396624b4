"""The ingest use case: outcomes, chunking and conflict retries."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import ConflictError, StoreError
from leftovers.core.model import Resource, ResourceKey
from leftovers.service.ingest import apply_changes, ingest
from tests.support.changes import KEY, change

SCHEDULE = Schedule()


def test_counts_every_outcome() -> None:
    store = MemoryStore()
    other = ResourceKey("123456789012", "us-east-1", "AWS::S3::Bucket", "demo-bucket")
    counts = ingest(
        store,
        [
            change("created", 0),
            change("created", 0),
            change("updated", 1, name="renamed"),
            change("created", 2, key=other),
            change("deleted", 3, key=other),
        ],
        SCHEDULE,
        chunk=2,
    )
    assert counts == {"tracked": 2, "unchanged": 1, "updated": 1, "resolved": 1}
    assert store.load([KEY])[KEY].name == "renamed"


class FlakyStore(MemoryStore):
    """Raises a conflict on the first ``conflicts`` saves, as a concurrent writer would."""

    def __init__(self, conflicts: int) -> None:
        super().__init__()
        self.conflicts = conflicts

    def save(self, records: Sequence[Resource]) -> None:
        if self.conflicts:
            self.conflicts -= 1
            raise ConflictError([r.key for r in records])
        super().save(records)


def test_conflicts_are_retried_with_a_fresh_load() -> None:
    store = FlakyStore(conflicts=2)
    apply_changes(store, [change("created", 0)], SCHEDULE)
    assert store.load([KEY])[KEY].active


def test_endless_conflicts_give_up_with_a_store_error() -> None:
    with pytest.raises(StoreError, match="conflicts"):
        apply_changes(FlakyStore(conflicts=99), [change("created", 0)], SCHEDULE)


def test_duplicates_write_nothing() -> None:
    store = MemoryStore()
    ingest(store, [change("created", 0)], SCHEDULE)
    writes = store.requests
    ingest(store, [change("created", 0)], SCHEDULE)
    assert store.requests == writes + 1  # one load, no save


def test_a_write_between_chunks_is_noticed_not_overwritten() -> None:
    """Later chunks reuse records the run already holds; a concurrent write must still win the conflict."""
    store = MemoryStore()
    other_writer = MemoryStore.save

    class Interleaved(MemoryStore):
        def load(self, keys):  # type: ignore[no-untyped-def]
            return store.load(keys)

        def save(self, records):  # type: ignore[no-untyped-def]
            store.save(records)
            if len(records) == 1 and records[0].name is None:  # after the first chunk, someone renames it
                current = store.load([KEY])[KEY]
                other_writer(store, [current.evolve(name="theirs")])

    ingest(Interleaved(), [change("created", 0), change("updated", 5, tags={"a": "1"})], SCHEDULE, chunk=1)
    final = store.load([KEY])[KEY]
    assert dict(final.tags) == {"a": "1"}
    assert final.name == "theirs"


def test_the_gc_threshold_is_restored_even_when_ingest_fails() -> None:
    import gc

    before = gc.get_threshold()
    with pytest.raises(StoreError):
        ingest(FlakyStore(conflicts=99), [change("created", 0)], SCHEDULE)
    assert gc.get_threshold() == before
