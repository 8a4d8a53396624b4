"""The deployed daily run, one use case per Step Functions step: check what is due, post it part by part, mark
what was accepted. The handlers only translate the state; the state's format (rows by name) is theirs.

Every step holds the run's lease (core/run_lease.py) while it reads or writes, so two overlapping executions never
post the same digest: the second waits or gives up. Rows one step read under the lease are used by the next only
if the lease was held without a break in between; otherwise that step reads the table again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from leftovers.core.deadlines import Deadlines
from leftovers.core.digest import Digest
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Inventory, Notifier, Store
from leftovers.core.run_lease import RunLease
from leftovers.service.notify import NotifyResult, build_digest, mark, send
from leftovers.service.reconcile import ReconcileResult, reconcile

ROW_SHARE = 10
"""A row larger than this share of the state budget travels as its key alone: the mark step reads it again."""
Measure = Callable[[Collection[ResourceKey], Sequence[Resource]], int]
"""Bytes in the state of some keys and whole rows (the handlers' format)."""


def hold(lease: RunLease, run: str | None, handed: list[Resource] | None = None) -> list[Resource] | None:
    """Take or renew ``run``'s lease (RunInProgress if another has it); ``handed`` rows survive only an unbroken
    hold. A run without a name (a function invoked by hand, not by the state machine) takes no lease."""
    if run is None:
        return handed
    unbroken = lease.acquire(run, datetime.now(UTC))
    return handed if unbroken else None


@dataclass(frozen=True, slots=True)
class Checked:
    """The first step's result: its counts, and the due records still there (None when it did not read them)."""

    result: ReconcileResult
    due: list[Resource] | None


def check_due(
    store: Store, inventory: Inventory, deadlines: Deadlines, at: datetime, *, limit: int | None, scope: str
) -> Checked:
    """Reconcile what is due (scope ``due``, read through the due index) or every record (``all``, a Scan)."""
    due = list(store.due(at)) if scope == "due" else None
    result = reconcile(store, inventory, deadlines, at, limit=limit, candidates=due)
    gone = set(result.gone)  # a healed record's stored version moved on: left out
    return Checked(result, None if due is None else [r for r in due if r.key not in gone])


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the digest as posted: how many were due in all, what was sent (and which of those travel whole
    to the mark step), what could not be sent at all, and whether parts remain."""

    due: int
    result: NotifyResult
    whole: tuple[Resource, ...] = ()
    skipped: tuple[ResourceKey, ...] = ()
    more: bool = False


def post_part(
    store: Store,
    notifier: Notifier,
    at: datetime,
    timezone: str,
    style: dict[str, Any],
    *,
    budget: int,
    measure: Measure,
    row_size: Callable[[Resource], int],
    due: list[Resource] | None = None,
) -> Part:
    """Post the longest prefix of what is due whose keys (and rows, when small) fit ``budget`` bytes of state."""
    digest = build_digest(store, at, timezone, due=due, **style)
    part, whole, skipped, more = split(digest, budget, measure, row_size)
    result = send(notifier, part) if part.entries else NotifyResult(due=0)
    sent = set(result.sent)
    kept = tuple(r for r in whole if r.key in sent)
    return Part(len(digest.entries), result, kept, skipped, more and result.error is None)


def split(
    digest: Digest, budget: int, measure: Measure, row_size: Callable[[Resource], int]
) -> tuple[Digest, tuple[Resource, ...], tuple[ResourceKey, ...], bool]:
    """The longest prefix that fits, the records in it that travel whole, the keys too large to travel at all (they
    cannot be marked, so they are never posted: the caller names them), and whether entries were left for later.

    ``measure`` gives the exact bytes of some keys and whole rows (packed rows do not add up row by row), so the
    prefix is found by bisection: a handful of measurements, however many are due.
    """
    room = budget - budget // ROW_SHARE  # a key, plus a row that travels whole, always fits alone
    skipped = tuple(e.resource.key for e in digest.entries if measure([e.resource.key], []) > room)
    entries = [e for e in digest.entries if e.resource.key not in set(skipped)]
    whole = [e.resource for e in entries if row_size(e.resource) <= budget // ROW_SHARE]

    def fits(n: int) -> bool:
        keys = {e.resource.key for e in entries[:n]}
        return measure(keys, [r for r in whole if r.key in keys]) <= budget

    taken, too_many = len(entries), len(entries) + 1
    if not fits(taken):
        taken = 1
        while too_many - taken > 1:
            middle = (taken + too_many) // 2
            taken, too_many = (middle, too_many) if fits(middle) else (taken, middle)
    chosen = {e.resource.key for e in entries[:taken]}
    travel = tuple(r for r in whole if r.key in chosen)
    return replace(digest, entries=tuple(entries[:taken])), travel, skipped, taken < len(entries)


def mark_sent(
    store: Store, keys: Collection[ResourceKey], at: datetime, deadlines: Deadlines, seen: list[Resource] | None
) -> int:
    """Mark the accepted keys notified; rows handed over are written if unchanged, the others read first."""
    return mark(store, keys, at, deadlines, seen or ()) if keys else 0
