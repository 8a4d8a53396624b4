"""Attributes (name, ARN, tags, details): the newest event that states one wins it; an older one only fills a gap.

That is exact for one source (every Config item states them all) and for two sources that each state a fixed
subset; it can differ with three or more events that leave out different attributes. An event that states none
(a bare creation) changes nothing, so it cannot make an older event's attributes look stale.
"""

from __future__ import annotations

from typing import TypeVar

from leftovers.core.model import Resource, ResourceChange

T = TypeVar("T")


def carried(fresh: Resource, old: Resource) -> Resource:
    """A fresh incarnation with the attributes an early update left waiting for it."""
    return fresh.evolve(name=old.name, arn=old.arn, tags=old.tags, details=old.details, attrs_at=old.attrs_at)


def pending(record: Resource) -> bool:
    """True when the record holds attributes from an update newer than its last deletion: they belong to the next
    incarnation."""
    if record.attrs_at is None:
        return False
    return record.deleted_at is None or record.attrs_at > record.deleted_at


def merged(record: Resource, change: ResourceChange) -> Resource:
    """Newest event wins each attribute it states; an older event only fills attributes still unknown."""
    if change.name is None and change.arn is None and change.tags is None and change.details is None:
        return record  # states nothing: must not make an older event's attributes look stale
    newer = record.attrs_at is None or change.captured_at >= record.attrs_at
    name = _pick(record.name, change.name, newer)
    arn = _pick(record.arn, change.arn, newer)
    tags = _pick(record.tags, change.tags, newer)
    details = _pick(record.details, change.details, newer)
    attrs_at = change.captured_at if newer else record.attrs_at
    if (name, arn, tags, details, attrs_at) == (record.name, record.arn, record.tags, record.details, record.attrs_at):
        return record  # a duplicate: skip the copy
    return record.evolve(name=name, arn=arn, tags=dict(tags), details=dict(details), attrs_at=attrs_at)


def _pick(old: T, new: T | None, newer: bool) -> T:
    if new is None:
        return old
    return new if newer or not old else old
