"""Reindex: stored deadlines follow the current policy, tombstones are left alone, a concurrent event wins."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.model import Resource, ResourceKey
from leftovers.service.ingest import ingest
from leftovers.service.reindex import reindex
from tests.support.changes import T0, change

PATIENT = Schedule(grace=timedelta(days=30))
EAGER = Schedule()


def key(n: int) -> ResourceKey:
    return ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", f"vol-{n:04d}")


def store_under(policy: Schedule) -> MemoryStore:
    store = MemoryStore()
    created = [change("created", n, key=key(n)) for n in range(3)]
    ingest(store, [*created, change("deleted", 10, key=key(2))], policy)
    return store


def test_deadlines_move_to_the_current_policy_and_tombstones_stay() -> None:
    store = store_under(PATIENT)
    result = reindex(store, EAGER, batch=1)
    assert (result.checked, result.moved) == (2, 2)
    after = store.load([key(0), key(1), key(2)])
    assert [after[key(n)].next_due_at for n in (0, 1)] == [T0, T0 + timedelta(minutes=1)]
    assert not after[key(2)].active
    assert reindex(store, EAGER).moved == 0


def test_dry_run_counts_and_changes_nothing() -> None:
    store = store_under(PATIENT)
    before = {r.key: r for r in store.scan(include_inactive=True)}
    assert reindex(store, EAGER, dry_run=True).moved == 2
    assert {r.key: r for r in store.scan(include_inactive=True)} == before


class RacedStore(MemoryStore):
    """An event deletes vol-0000 between reindex's read and its first save."""

    def __init__(self) -> None:
        super().__init__()
        self.raced = False

    def save(self, records: Sequence[Resource]) -> None:
        if not self.raced and any(r.version for r in records):
            self.raced = True
            ingest(self, [change("deleted", 20, key=key(0))], PATIENT)
        super().save(records)


def test_a_record_changed_meanwhile_is_recomputed_from_what_is_stored() -> None:
    store = RacedStore()
    ingest(store, [change("created", n, key=key(n)) for n in range(2)], PATIENT)
    result = reindex(store, EAGER)
    assert result.moved == 1  # vol-0001; vol-0000 was deleted meanwhile and keeps its tombstone
    after = store.load([key(0), key(1)])
    assert not after[key(0)].active
    assert after[key(1)].next_due_at == T0 + timedelta(minutes=1)
