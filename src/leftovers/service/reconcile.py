"""Reconcile: ask AWS whether tracked resources still exist, and resolve the ones that are gone.

A lost deletion event would leave a phantom leftover forever. The fix goes through the same lifecycle rules as any
event: a DELETED change from source ``reconcile``, captured at the time of the check. Only a definite "gone"
resolves a record; an access-denied, unsupported or throttled check leaves it tracked and is reported. A present
resource whose tags the inventory read and found changed gets an UPDATED change with them (a keep tag set in the
console then counts even when no event said so).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from leftovers.core.deadlines import Deadlines
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.lifecycle import Outcome
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey
from leftovers.core.ports import CreatorLookup, Inventory, Store
from leftovers.service.batches import batched
from leftovers.service.ingest import apply_changes

SOURCE = "reconcile"
BATCH = 200  # records per inventory call and per store write
LOOKUP_WINDOW = timedelta(days=90)  # CloudTrail LookupEvents answers for the last 90 days only


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """Counts of one run; ``unknown`` counts (resource type, reason) pairs; ``gone`` names what was (or would be)
    resolved."""

    checked: int = 0
    present: int = 0
    healed: int = 0
    gone: tuple[ResourceKey, ...] = ()
    unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    retagged: tuple[ResourceKey, ...] = ()  # present records whose tags changed (or would, in a dry run)

    @property
    def unknown_total(self) -> int:
        """How many records could not be checked."""
        return sum(self.unknown.values())


Select = Callable[[Resource], bool]


def reconcile(
    store: Store,
    inventory: Inventory,
    deadlines: Deadlines,
    at: datetime,
    *,
    select: Select = lambda r: True,
    limit: int | None = None,
    batch: int = BATCH,
    dry_run: bool = False,
    candidates: Iterable[Resource] | None = None,
) -> ReconcileResult:
    """Check up to ``limit`` active records chosen by ``select``; resolve the gone ones unless ``dry_run``.

    ``candidates`` narrows the check to these records (the daily run passes what is due, so it reads only the
    due index, not the table); by default every active record is a candidate.
    """
    checked = present = healed = 0
    gone: list[ResourceKey] = []
    retagged: list[ResourceKey] = []
    unknown: Counter[tuple[str, str]] = Counter()
    pool = store.scan() if candidates is None else candidates
    for part in batched(_chosen(pool, select, limit), batch):
        verdicts = inventory.check(part)
        checked += len(part)
        changes = []
        for record in part:
            verdict = verdicts.get(record.key) or Verdict(Presence.UNKNOWN, "no answer from the inventory")
            if verdict.presence is Presence.EXISTS:
                present += 1
                if verdict.tags is not None and dict(verdict.tags) != dict(record.tags):
                    retagged.append(record.key)
                    changes.append(ResourceChange(record.key, ChangeKind.UPDATED, at, SOURCE, tags=verdict.tags))
            elif verdict.presence is Presence.GONE:
                gone.append(record.key)
                changes.append(ResourceChange(record.key, ChangeKind.DELETED, at, SOURCE))
            else:
                unknown[(record.key.resource_type, verdict.reason or "unknown")] += 1
        if changes and not dry_run:
            outcomes = apply_changes(store, changes, deadlines)
            healed += sum(o is Outcome.RESOLVED for o in outcomes)
    return ReconcileResult(checked, present, healed, tuple(gone), unknown, tuple(retagged))


def fill_creators(
    store: Store, lookup: CreatorLookup, deadlines: Deadlines, at: datetime, limit: int
) -> tuple[int, int]:
    """Look up the creator of at most ``limit`` records (newest first); return (looked up, resolved)."""
    since = at - LOOKUP_WINDOW
    wanted = [
        r
        for r in store.scan()
        if r.active and r.created_by is None and r.created_at is not None and r.created_at >= since
    ]
    wanted.sort(key=lambda r: (r.created_at, r.key), reverse=True)
    chosen = wanted[:limit]
    changes = list(lookup.creations(chosen)) if chosen else []
    outcomes = apply_changes(store, changes, deadlines) if changes else []
    return len(chosen), sum(o is Outcome.UPDATED for o in outcomes)


def _chosen(pool: Iterable[Resource], select: Select, limit: int | None) -> Iterator[Resource]:
    # Oldest first: when a run is bounded, the records most likely to be phantoms are checked first.
    records = sorted((r for r in pool if r.active and select(r)), key=lambda r: (r.created_at, r.key))
    return iter(records if limit is None else records[:limit])
