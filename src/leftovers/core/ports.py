"""The ports: every adapter implements one of these, and only handlers and the CLI choose which."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from leftovers.core.digest import Digest
from leftovers.core.inventory import Found, Verdict
from leftovers.core.model import Resource, ResourceChange, ResourceKey


class Store(Protocol):
    """Where tracked records live. Saves are conditional on the version each record was loaded with."""

    def load(self, keys: Collection[ResourceKey]) -> dict[ResourceKey, Resource]:
        """The stored records for these keys (missing keys are absent from the result)."""
        ...

    def save(self, records: Sequence[Resource]) -> None:
        """Write records whose stored version still equals ``record.version``; raise ConflictError if not."""
        ...

    def due(self, at: datetime) -> Iterator[Resource]:
        """Active records whose ``next_due_at`` is at or before ``at``, read through an index."""
        ...

    def scan(self, include_inactive: bool = False) -> Iterator[Resource]:
        """Every active record (and tombstones when asked), in no particular order."""
        ...

    def purge_expired(self, at: datetime) -> int:
        """Forget inactive records that expired before ``at``; return how many."""
        ...


@dataclass(frozen=True, slots=True)
class Message:
    """One message a notifier will deliver, and exactly the resources it names."""

    keys: tuple[ResourceKey, ...]
    text: str
    payload: Mapping[str, Any] = field(default_factory=dict)


class Notifier(Protocol):
    """Turns a digest into messages and delivers them one at a time."""

    def render(self, digest: Digest) -> list[Message]:
        """Split the digest into deliverable messages; every due resource appears in exactly one."""
        ...

    def deliver(self, message: Message) -> None:
        """Deliver one message or raise NotifyError (after the adapter's own retries)."""
        ...


class Clock(Protocol):
    """The current time, injectable for tests."""

    def now(self) -> datetime:
        """An aware UTC datetime."""
        ...


class Inventory(Protocol):
    """The live view of the account (an adapter over describe calls, Config and the tagging API)."""

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """A verdict for every record given; a type it cannot check is UNKNOWN with a reason, never GONE."""
        ...


class Listing(Protocol):
    """Lists the resources that exist now (the tagging API, or Config's inventory)."""

    def list(self) -> Iterator[Found]:
        """Every resource it can see, paginated lazily."""
        ...


class CreatorLookup(Protocol):
    """Finds who created resources that no CloudTrail event named (CloudTrail LookupEvents)."""

    def creations(self, records: Sequence[Resource]) -> Iterator[ResourceChange]:
        """CREATED changes carrying ``created_by`` for the records it could resolve, captured at their creation."""
        ...
