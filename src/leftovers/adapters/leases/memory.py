"""The lease in memory: the reference implementation, and the one a single process (tests, a laptop) needs."""

from __future__ import annotations

from datetime import datetime, timedelta
from threading import Lock

from leftovers.core.run_lease import LEASE_TIME, RunInProgress


class MemoryRunLease:
    """The RunLease port in one process (thread-safe: moto's Step Functions runs executions in threads)."""

    def __init__(self) -> None:
        self._lock = Lock()
        self.holder: str | None = None
        self.until: datetime | None = None

    def acquire(self, holder: str, now: datetime, hold: timedelta = LEASE_TIME) -> bool:
        """Take or renew the lease (see the port)."""
        with self._lock:
            unbroken = self.holder == holder
            if not unbroken and self.holder is not None and self.until is not None and self.until >= now:
                raise RunInProgress(self.holder, self.until)
            self.holder, self.until = holder, now + hold
            return unbroken

    def release(self, holder: str) -> None:
        """Give the lease back if ``holder`` has it."""
        with self._lock:
            if self.holder == holder:
                self.holder = self.until = None
