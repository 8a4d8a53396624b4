"""Reindex: recompute every tracked resource's deadline under the current policy.

A deadline is computed when a change arrives and stored, so the due index finds it. After the policy changes (a
shorter grace period, a new reminder interval), stored deadlines still follow the old one until each record's next
change: reading paths apply the new policy, but the due index would not offer a record whose new deadline is
earlier. Reindexing stores what the policy says now.
"""

from __future__ import annotations

from dataclasses import dataclass

from leftovers.core.deadlines import Deadlines, with_deadline
from leftovers.core.errors import ConflictError, StoreError
from leftovers.core.model import Resource
from leftovers.core.ports import Store
from leftovers.service.batches import parts

BATCH = 200
MAX_CONFLICT_RETRIES = 5


@dataclass(frozen=True, slots=True)
class ReindexResult:
    """How many active records were read, and how many deadlines moved (or would move, in a dry run)."""

    checked: int
    moved: int


def reindex(store: Store, deadlines: Deadlines, *, batch: int = BATCH, dry_run: bool = False) -> ReindexResult:
    """Store each active record's deadline as ``deadlines`` computes it now; change nothing if ``dry_run``."""
    checked = moved = 0
    for part in parts(store.scan(), batch):
        checked += len(part)
        changed = _moved(part, deadlines)
        if changed and not dry_run:
            changed = _save(store, changed, deadlines)
        moved += len(changed)
    return ReindexResult(checked, moved)


def _moved(records: list[Resource], deadlines: Deadlines) -> list[Resource]:
    return [after for r in records if not (after := with_deadline(r, deadlines)).same_state(r)]


def _save(store: Store, changed: list[Resource], deadlines: Deadlines) -> list[Resource]:
    for _ in range(MAX_CONFLICT_RETRIES):
        try:
            store.save(changed)
            return changed
        except ConflictError:
            # An event changed some record meanwhile (its rules set the deadline too): recompute from what is stored.
            changed = _moved([r for r in store.load([r.key for r in changed]).values() if r.active], deadlines)
            if not changed:
                return changed
    raise StoreError(f"gave up reindexing after {MAX_CONFLICT_RETRIES} concurrent-write conflicts")
