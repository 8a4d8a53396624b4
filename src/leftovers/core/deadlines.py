"""When a tracked resource is due for a notice, and when it is reminded again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from leftovers.core.limits import plus
from leftovers.core.model import Resource

DEFAULT_REMINDER = timedelta(days=7)
DEFAULT_TOMBSTONE_TTL = timedelta(days=14)


class Deadlines(Protocol):
    """Decides a resource's deadlines; the lifecycle rules ask it after every change and notice."""

    @property
    def tombstone_ttl(self) -> timedelta:
        """How long a deletion is remembered, to recognise a late creation event as stale."""
        ...

    def first_due(self, resource: Resource) -> datetime | None:
        """When a resource not yet notified becomes due (``None``: never)."""
        ...

    def reminder_due(self, resource: Resource) -> datetime | None:
        """When a resource already notified is due again (``None``: never)."""
        ...


@dataclass(frozen=True, slots=True)
class Schedule:
    """Grace period before the first notice and interval between reminders (``None`` = notify once)."""

    grace: timedelta = timedelta(0)
    reminder: timedelta | None = DEFAULT_REMINDER
    tombstone_ttl: timedelta = DEFAULT_TOMBSTONE_TTL

    def __post_init__(self) -> None:
        if self.grace < timedelta(0):
            raise ValueError("grace period must not be negative")
        if self.reminder is not None and self.reminder <= timedelta(0):
            raise ValueError("reminder interval must be positive")

    def first_due(self, resource: Resource) -> datetime | None:
        """Due at the first run after creation plus the grace period (the original behaviour when 0)."""
        return None if resource.created_at is None else plus(resource.created_at, self.grace)

    def reminder_due(self, resource: Resource) -> datetime | None:
        """A reminder every interval after the last notice, or never."""
        if resource.last_notified_at is None or self.reminder is None:
            return None
        return plus(resource.last_notified_at, self.reminder)


def with_deadline(resource: Resource, deadlines: Deadlines) -> Resource:
    """The resource with ``next_due_at`` recomputed from its current state."""
    due = next_due(resource, deadlines)
    return resource if due == resource.next_due_at else resource.evolve(next_due_at=due)


def next_due(resource: Resource, deadlines: Deadlines) -> datetime | None:
    """When the resource is next due in its current state (``None``: never)."""
    if not resource.active:
        return None
    if resource.notify_count == 0:
        return deadlines.first_due(resource)
    return deadlines.reminder_due(resource)
