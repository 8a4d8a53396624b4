"""Lifecycle rules: fold change events into a record, idempotently and whatever the delivery order.

EventBridge delivers at least once and in no particular order, so every rule compares capture times instead of
trusting arrival order: a duplicate changes nothing, a deletion seen before its creation leaves a tombstone that
makes the late creation stale, and a creation newer than the last deletion starts a fresh incarnation.

Attributes (name, ARN, tags, details) follow ``core.attributes``.
Creation times and creators are exact with any number of sources: every creation merged into an incarnation is
kept (``core.creations``), so a deletion that arrives after creations of the next incarnation restarts it at the
earliest creation after it, with the creators those name. ``sources`` stays the union of every source merged.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from leftovers.core import attributes, creations
from leftovers.core.deadlines import Deadlines, next_due, with_deadline
from leftovers.core.model import ChangeKind, Creation, Resource, ResourceChange, ResourceKey


class Outcome(Enum):
    """What one change did to the tracked state."""

    TRACKED = "tracked"
    RESOLVED = "resolved"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def apply(current: Resource | None, change: ResourceChange, deadlines: Deadlines) -> tuple[Resource, Outcome]:
    """Return the record after ``change`` and what happened; ``current`` is the stored record or ``None``."""
    if current is None and change.kind is ChangeKind.CREATED:  # the common first sight: build the record once
        return _dated(_fresh_incarnation(change.key, None, 0, change), deadlines), Outcome.TRACKED
    record = current if current is not None else Resource(key=change.key)
    if change.kind is ChangeKind.DELETED:
        after = _delete(record, change.captured_at, deadlines)
    elif change.kind is ChangeKind.CREATED:
        after = _create(record, change)
    else:
        after = _update(record, change, deadlines)
    # A rule returns the record it was given or one it just made: only the latter may be dated in place.
    after = with_deadline(after, deadlines) if after is record else _dated(after, deadlines)
    return after, _outcome(current, after, change.kind)


def mark_notified(record: Resource, at: datetime, deadlines: Deadlines) -> Resource:
    """The record after a message naming it was accepted at ``at``."""
    if not record.active or (record.last_notified_at is not None and record.last_notified_at >= at):
        return record  # gone meanwhile, or this notice was already marked (a retried step)
    noticed = record.evolve(
        first_notified_at=record.first_notified_at or at,
        last_notified_at=at,
        notify_count=record.notify_count + 1,
    )
    return with_deadline(noticed, deadlines)


def is_due(record: Resource, at: datetime) -> bool:
    """True when an active record's deadline has passed at ``at``."""
    return record.active and record.next_due_at is not None and record.next_due_at <= at


def _dated(made: Resource, deadlines: Deadlines) -> Resource:
    """``with_deadline`` for a record a rule just made, which nothing else holds yet: its ``next_due_at`` is set in
    place (Resource is frozen to everyone else) instead of copying the whole record for one field."""
    due = next_due(made, deadlines)
    if due != made.next_due_at:
        object.__setattr__(made, "next_due_at", due)
    return made


def _create(record: Resource, change: ResourceChange) -> Resource:
    t = change.captured_at
    if record.deleted_at is not None and t <= record.deleted_at:
        return record  # a creation older than a deletion we already saw: stale
    if not record.active:
        fresh = _fresh_incarnation(record.key, record.deleted_at, record.version, change)
        return attributes.merged(attributes.carried(fresh, record), change) if attributes.pending(record) else fresh
    seen = _seen_by(record, change.source)
    known = creations.of(record)
    after = creations.merged(known, Creation(t, change.created_by, change.created_for_by))
    merged = seen if after is known else seen.evolve(**creations.fields(after))  # a re-delivery adds nothing
    return attributes.merged(merged, change)


def _delete(record: Resource, t: datetime, deadlines: Deadlines) -> Resource:
    if record.deleted_at is not None and t <= record.deleted_at:
        return record  # duplicate or older deletion
    expires = t + deadlines.tombstone_ttl
    if not record.active:
        return record.evolve(deleted_at=t, expires_at=max(expires, record.expires_at or expires))
    assert record.created_at is not None
    if record.created_at > t:
        return record.evolve(deleted_at=t)  # the deletion of an earlier incarnation
    after = tuple(c for c in creations.of(record) if c.at > t)
    if after:
        # Creations we merged were really a re-creation after this deletion: they start a fresh incarnation.
        return _restart(record.evolve(deleted_at=t), after)
    if record.attrs_at is not None and record.attrs_at > t:
        # An update captured after this deletion came first: in order it would have kept the tombstone that long.
        expires = record.attrs_at + deadlines.tombstone_ttl
    return record.evolve(deleted_at=t, expires_at=expires, creations=())


def _update(record: Resource, change: ResourceChange, deadlines: Deadlines) -> Resource:
    t = change.captured_at
    if record.deleted_at is not None and t <= record.deleted_at:
        return record
    updated = attributes.merged(_seen_by(record, change.source), change)
    if not record.active:
        # An update seen before its creation: kept (briefly) so the late creation finds the newest attributes.
        expires = t + deadlines.tombstone_ttl
        updated = updated.evolve(sources=record.sources, expires_at=max(expires, record.expires_at or expires))
    return updated


def _fresh_incarnation(key: ResourceKey, deleted_at: datetime | None, version: int, c: ResourceChange) -> Resource:
    t = c.captured_at
    return Resource(
        key=key,
        name=c.name,
        arn=c.arn,
        tags=None if c.tags is None else dict(c.tags),
        created_at=t,
        deleted_at=deleted_at,
        attrs_at=t,
        sources=_sources(c.source),
        created_by=c.created_by,
        created_for_by=c.created_for_by,
        details={} if c.details is None else dict(c.details),
        version=version,  # the save stays conditional on what was loaded
    )


def _sources(source: str) -> frozenset[str]:
    known = _SOURCE_SETS.get(source)
    if known is None:
        known = _SOURCE_SETS[source] = frozenset({source})
    return known


_SOURCE_SETS: dict[str, frozenset[str]] = {}


def _seen_by(record: Resource, source: str) -> Resource:
    return record if source in record.sources else record.evolve(sources=record.sources | {source})


def _restart(record: Resource, after: tuple[Creation, ...]) -> Resource:
    return record.evolve(
        first_notified_at=None,
        last_notified_at=None,
        notify_count=0,
        expires_at=None,
        **creations.fields(after),
    )


def _outcome(before: Resource | None, after: Resource, kind: ChangeKind) -> Outcome:
    if before is None or not before.active:
        return Outcome.TRACKED if after.active else Outcome.UNCHANGED
    if not after.active or (kind is ChangeKind.DELETED and before.created_at != after.created_at):
        return Outcome.RESOLVED
    return Outcome.UNCHANGED if before.same_state(after) else Outcome.UPDATED
