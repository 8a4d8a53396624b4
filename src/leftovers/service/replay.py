"""History: take in what an account's past says was created and deleted, then check it against the live account.

Events alone cannot tell what still exists when the history is partial (90 days of LookupEvents, a trail started
late): a resource created in the window may have been deleted by a call outside it, or by a service. So every
record the history left active is checked by the same reconcile as the daily run, and only what is still there
stays a leftover.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from leftovers.core.deadlines import Deadlines
from leftovers.core.model import ResourceChange, ResourceKey
from leftovers.core.ports import Inventory, Store
from leftovers.service.batches import batched
from leftovers.service.ingest import ingest
from leftovers.service.reconcile import ReconcileResult, reconcile


@dataclass(frozen=True, slots=True)
class HistoryResult:
    """What ingesting the history did, and what checking its active records against the account found."""

    counts: Counter[str]
    checked: ReconcileResult


def take_history(
    store: Store, changes: Iterable[ResourceChange], deadlines: Deadlines, inventory: Inventory, at: datetime
) -> HistoryResult:
    """Ingest ``changes``, then reconcile every record they touched that is still active (in batches)."""
    keys: set[ResourceKey] = set()
    counts = ingest(store, _noting(changes, keys), deadlines)
    candidates = (r for part in batched(sorted(keys), 1000) for r in store.load(part).values() if r.active)
    return HistoryResult(counts, reconcile(store, inventory, deadlines, at, candidates=candidates))


def _noting(changes: Iterable[ResourceChange], keys: set[ResourceKey]) -> Iterator[ResourceChange]:
    for change in changes:
        keys.add(change.key)
        yield change
