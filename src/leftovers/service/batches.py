"""Batches and conditional saves, as every use case does them.

Services read and write in bounded parts (AWS batch limits, memory on large tables), and every save is conditional
on the versions it read: when another writer got there first, the part is reloaded and recomputed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from leftovers.core.errors import ConflictError, StoreError
from leftovers.core.model import Resource
from leftovers.core.ports import Store

T = TypeVar("T")
MAX_CONFLICT_RETRIES = 40
"""Tries before giving up: with the backoff below, about a minute of another writer winning every time."""
sleep = time.sleep  # a module attribute so tests can make the backoff instant


def attempts() -> Iterator[int]:
    """Attempt numbers for a conflict-retrying write, sleeping with jittered exponential backoff between them, so
    two writers on overlapping records stop colliding (capped at 2 s)."""
    for attempt in range(MAX_CONFLICT_RETRIES):
        if attempt:
            sleep(min(2.0, 0.005 * 2**attempt) * random.uniform(0.5, 1.0))  # jitter, not secrecy
        yield attempt


def batched(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    """``itertools.batched`` for Python 3.11: ``items`` in tuples of ``size`` (the last may be shorter), lazily."""
    it = iter(items)
    while part := tuple(islice(it, size)):
        yield part


def save_recomputed(
    store: Store, records: Iterable[Resource], recompute: Callable[[Resource], Resource], what: str
) -> list[Resource]:
    """Save ``recompute(r)`` for each record it changes; on a conflict reload them all and recompute. Returns what
    was saved; gives up (StoreError naming ``what``) after a few conflicts in a row."""
    current = list(records)
    for _ in attempts():
        changed = [after for r in current if not (after := recompute(r)).same_state(r)]
        try:
            if changed:
                store.save(changed)
        except ConflictError:
            current = list(store.load([r.key for r in current]).values())
            continue
        return changed
    raise StoreError(f"gave up {what} after {MAX_CONFLICT_RETRIES} concurrent-write conflicts")
