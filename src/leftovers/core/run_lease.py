"""The daily run's lease: one execution at a time posts the digest, so two overlapping runs never post it twice.

An execution takes the lease before it reads what is due and holds it until its last part is marked; another
execution that finds it held waits (Step Functions retries) or gives up visibly. A lease that its holder never
gave back (a crashed execution) lapses after a while, so one failure cannot stop every later run.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol

from leftovers.core.errors import LeftoversError

LEASE_TIME = timedelta(minutes=15)
"""How long a hold lasts without renewal: longer than any one step (the longest times out at 300 s)."""


class RunInProgress(LeftoversError):
    """Another execution holds the lease; the error's name is what the state machine's Retry and Catch match."""

    def __init__(self, holder: str, until: datetime) -> None:
        super().__init__(f"another daily run holds the lease until {until.isoformat()}: {holder}")
        self.holder = holder
        self.until = until


class RunLease(Protocol):
    """Who is running the daily run now."""

    def acquire(self, holder: str, now: datetime, hold: timedelta = LEASE_TIME) -> bool:
        """Take or renew the lease for ``hold`` from ``now``; True when ``holder`` already held it without a break
        (what it read under the lease is still current), False when it takes it afresh. Raises RunInProgress when
        another holder has it and it has not lapsed."""
        ...

    def release(self, holder: str) -> None:
        """Give the lease back if ``holder`` still has it (a no-op otherwise)."""
        ...
