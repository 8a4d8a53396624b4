"""Reindex: recompute every tracked resource's deadline under the current policy.

A deadline is computed when a change arrives and stored, so the due index finds it. After the policy changes (a
shorter grace period, a new reminder interval), stored deadlines still follow the old one until each record's next
change: reading paths apply the new policy, but the due index would not offer a record whose new deadline is
earlier. Reindexing stores what the policy says now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leftovers.core.deadlines import Deadlines, with_deadline
from leftovers.core.model import Resource
from leftovers.core.ports import Store
from leftovers.service.batches import batched, save_recomputed

BATCH = 200


@dataclass(frozen=True, slots=True)
class ReindexResult:
    """How many active records were read, and how many deadlines moved (or would move, in a dry run)."""

    checked: int
    moved: int


def lagging(records: Iterable[Resource], deadlines: Deadlines) -> int:
    """How many active records have a stored due date later than ``deadlines`` gives them now: runs find records
    by the stored one, so these are sent late until a reindex."""
    count = 0
    for r in records:
        own = with_deadline(r, deadlines).next_due_at if r.active else None
        count += own is not None and (r.next_due_at is None or own < r.next_due_at)
    return count


def reindex(store: Store, deadlines: Deadlines, *, batch: int = BATCH, dry_run: bool = False) -> ReindexResult:
    """Store each active record's deadline as ``deadlines`` computes it now; change nothing if ``dry_run``."""

    def recompute(record: Resource) -> Resource:
        return with_deadline(record, deadlines) if record.active else record

    checked = moved = 0
    for part in batched(store.scan(), batch):
        checked += len(part)
        if dry_run:
            moved += sum(not recompute(r).same_state(r) for r in part)
        else:
            # An event may change a record meanwhile (its rules set the deadline too): the save recomputes from it.
            moved += len(save_recomputed(store, part, recompute, "reindexing"))
    return ReindexResult(checked, moved)
