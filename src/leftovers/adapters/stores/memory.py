"""An in-memory store: the reference implementation of the Store port, used by unit tests and the demo."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from datetime import datetime

from leftovers.core.errors import ConflictError
from leftovers.core.model import Resource, ResourceKey


class MemoryStore:
    """Keeps records in a dict; versions behave as in the persistent stores."""

    def __init__(self) -> None:
        self._records: dict[ResourceKey, Resource] = {}
        self.requests = 0

    def load(self, keys: Collection[ResourceKey]) -> dict[ResourceKey, Resource]:
        """The stored records for these keys."""
        self.requests += 1
        return {k: self._records[k] for k in keys if k in self._records}

    def save(self, records: Sequence[Resource]) -> None:
        """Write all records or none: every version must match what is stored."""
        self.requests += 1
        stale = [r.key for r in records if self._version(r.key) != r.version]
        if stale:
            raise ConflictError(list(stale))
        for r in records:
            self._records[r.key] = replace(r, version=r.version + 1)

    def due(self, at: datetime) -> Iterator[Resource]:
        """Active records due at ``at``."""
        self.requests += 1
        for r in list(self._records.values()):
            if r.active and r.next_due_at is not None and r.next_due_at <= at:
                yield r

    def scan(self, include_inactive: bool = False) -> Iterator[Resource]:
        """All active records, and tombstones when asked."""
        self.requests += 1
        yield from (r for r in list(self._records.values()) if include_inactive or r.active)

    def purge_expired(self, at: datetime) -> int:
        """Forget inactive records whose expiry passed."""
        gone = [k for k, r in self._records.items() if not r.active and r.expires_at and r.expires_at < at]
        for k in gone:
            del self._records[k]
        return len(gone)

    def _version(self, key: ResourceKey) -> int:
        stored = self._records.get(key)
        return 0 if stored is None else stored.version
