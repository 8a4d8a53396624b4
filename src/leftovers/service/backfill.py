"""Backfill: adopt resources that exist now but were never seen created (made before Leftovers, or events lost).

Adoption is a CREATED change from source ``backfill``, captured at the resource's creation time when the API gives
it (else at the run's time), so the usual lifecycle rules decide: a resource already tracked is left alone, and
one whose deletion is remembered after that creation time stays deleted. A listing may name resources that are
already gone (the tagging API keeps "previously tagged" ghosts for a while), so when an inventory is given every
candidate is checked first and a definite "gone" vetoes its adoption.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from leftovers.core.deadlines import Deadlines
from leftovers.core.inventory import Found, Presence
from leftovers.core.lifecycle import Outcome
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey
from leftovers.core.ports import Inventory, Listing, Store
from leftovers.service.batches import batched
from leftovers.service.ingest import apply_changes, fold
from leftovers.service.reconcile import BATCH

SOURCE = "backfill"


@dataclass(frozen=True, slots=True)
class BackfillResult:
    """What a run saw and did; ``adopted`` holds the changes applied (or, in a dry run, that would be)."""

    listed: int = 0
    tracked: int = 0
    ghosts: int = 0
    stale: int = 0
    verified: int = 0
    adopted: tuple[ResourceChange, ...] = field(default=())


def backfill(
    store: Store,
    listing: Listing,
    deadlines: Deadlines,
    at: datetime,
    *,
    inventory: Inventory | None = None,
    dry_run: bool = False,
    batch: int = BATCH,
) -> BackfillResult:
    """Adopt every listed resource the store does not track as active; ``dry_run`` changes nothing."""
    listed = tracked = ghosts = stale = verified = 0
    adopted: list[ResourceChange] = []
    for part in batched(listing.list(), batch):
        listed += len(part)
        loaded = store.load({f.key for f in part})
        new = [f for f in part if not (f.key in loaded and loaded[f.key].active)]
        tracked += len(part) - len(new)
        created: dict[ResourceKey, datetime | None] = {f.key: f.created_at for f in new}
        if inventory is not None and new:
            verdicts = inventory.check([Resource(key=f.key, name=f.name, arn=f.arn) for f in new])
            ghost_keys = {k for k, v in verdicts.items() if v.presence is Presence.GONE}
            ghosts += len(ghost_keys)
            verified += sum(v.presence is Presence.EXISTS for v in verdicts.values())
            new = [f for f in new if f.key not in ghost_keys]
            created.update({k: created.get(k) or v.created_at for k, v in verdicts.items()})
        changes = [_adopt(f, min(created.get(f.key) or at, at)) for f in new]
        if not changes:
            continue
        outcomes = fold(loaded, changes, deadlines)[1] if dry_run else apply_changes(store, changes, deadlines)
        for change, outcome in zip(changes, outcomes, strict=True):
            if outcome is Outcome.TRACKED:
                adopted.append(change)
            else:
                stale += 1  # a deletion newer than this creation is remembered: it stays deleted
    return BackfillResult(listed, tracked, ghosts, stale, verified, tuple(adopted))


def _adopt(found: Found, at: datetime) -> ResourceChange:
    return ResourceChange(
        key=found.key,
        kind=ChangeKind.CREATED,
        captured_at=at,
        source=SOURCE,
        name=found.name,
        arn=found.arn,
        tags=found.tags,
    )
