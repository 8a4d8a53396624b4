"""The ingest use case: outcomes, chunking and conflict retries."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import ConflictError, StoreError
from leftovers.core.model import Resource, ResourceKey
from leftovers.service import batches
from leftovers.service.ingest import IngestIncomplete, Recent, apply_changes, ingest
from tests.support.changes import KEY, change

SCHEDULE = Schedule()


@pytest.fixture(autouse=True)
def instant_backoff(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the backoff sleeps instead of sleeping."""
    slept: list[float] = []
    monkeypatch.setattr(batches, "sleep", slept.append)
    return slept


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


def test_a_busy_writer_is_outlasted_with_growing_jittered_backoff(instant_backoff: list[float]) -> None:
    """Two ingests on overlapping records once gave up after 5 conflicts with part of the input applied."""
    store = FlakyStore(conflicts=12)
    apply_changes(store, [change("created", 0)], SCHEDULE)
    assert store.load([KEY])[KEY].active
    assert len(instant_backoff) == 12
    assert instant_backoff[-1] > instant_backoff[0]


def test_endless_conflicts_give_up_with_a_store_error() -> None:
    with pytest.raises(StoreError, match="conflicts"):
        apply_changes(FlakyStore(conflicts=999), [change("created", 0)], SCHEDULE)


def test_giving_up_part_way_says_how_many_changes_were_stored() -> None:
    class FailsLater(MemoryStore):
        def save(self, records: Sequence[Resource]) -> None:
            if self.requests > 3:
                raise ConflictError([r.key for r in records])
            super().save(records)

    store = FailsLater()
    keys = [KEY._replace(resource_id=f"i-{n}") for n in range(6)]
    with pytest.raises(IngestIncomplete, match="the first 4 change") as failed:
        ingest(store, [change("created", 0, key=k) for k in keys], SCHEDULE, chunk=2)
    assert failed.value.stored == 4
    assert set(store.load(keys)) == set(keys[:4])


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
        ingest(FlakyStore(conflicts=999), [change("created", 0)], SCHEDULE)
    assert gc.get_threshold() == before


def test_an_overrides_keep_tag_survives_bounding_in_its_account() -> None:
    """Bounding drops tags past AWS's 50; the keys any account's policy reads are never among them."""
    from leftovers.core.policy import Policy
    from leftovers.core.policy_scopes import Override
    from leftovers.core.policy_tags import TagKeys

    policy = Policy(
        overrides=(Override("sandbox", accounts=(KEY.account,), changes={"tag_keys": TagKeys(keep=("zz:keep",))}),)
    )
    many = {f"tag-{n:02}": "x" for n in range(60)} | {"zz:keep": "true"}
    store = MemoryStore()
    apply_changes(store, [change("created", 0, tags=many)], policy)
    (stored,) = store.scan()
    assert stored.tag_map["zz:keep"] == "true"
    assert policy.kept_until(stored) == "forever"
    assert stored.next_due_at is None


def test_the_run_remembers_saved_records_with_the_stored_version_without_copying_them() -> None:
    """A save bumps each version by one; the records a fold made are held by no one else, so the run's memory
    bumps them in place rather than copying each (a copy per saved record was 5% of the ingest benchmark)."""
    store = MemoryStore()
    recent = Recent()
    apply_changes(store, [change("created", 0)], SCHEDULE, recent)
    first = recent.records[KEY]
    assert first.version == 1 == store.load([KEY])[KEY].version
    apply_changes(store, [change("updated", 1, name="renamed")], SCHEDULE, recent)
    second = recent.records[KEY]
    assert second is not first
    assert second.name == "renamed"
    assert second.version == 2 == store.load([KEY])[KEY].version
    assert first.version == 1  # the record loaded for the fold is not touched
    # A third change folds from memory and still saves conditionally on the stored version.
    apply_changes(store, [change("updated", 2, name="again")], SCHEDULE, recent)
    assert store.load([KEY])[KEY].version == 3 == recent.records[KEY].version


def test_recent_keeps_the_saved_objects_themselves() -> None:
    recent = Recent()
    record = Resource(KEY, version=4)
    recent.saved([record])
    assert recent.records[KEY] is record
    assert record.version == 5
