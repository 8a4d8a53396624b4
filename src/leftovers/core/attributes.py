"""Attributes (name, ARN, tags, details): the newest event that states one wins it; an older one only fills a gap.

That is exact for one source (every Config item states them all) and for two sources that each state a fixed
subset; it can differ with three or more events that leave out different attributes. An event that states none
(a bare creation) changes nothing, so it cannot make an older event's attributes look stale.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    if change.tag_delta is not None:
        return _with_delta(record, change, change.tag_delta)
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


def _with_delta(record: Resource, change: ResourceChange, delta: Mapping[str, str | None]) -> Resource:
    """A tag call changes some keys: applied when it is the newest word on the attributes. An older one is dropped
    rather than guessed at (re-adding a key a newer call removed would silence a leftover); the next full read of
    the tags (a Config item, reconcile's tag refresh) settles it."""
    if record.attrs_at is not None and change.captured_at < record.attrs_at:
        return record
    tags = {key: value for key, value in {**record.tags, **delta}.items() if value is not None}
    if tags == record.tags and change.captured_at == record.attrs_at:
        return record  # a duplicate
    # attrs_at moves even when no key changed: a removal of an absent key must still outrank an older addition.
    return record.evolve(tags=tags, attrs_at=change.captured_at)


def _pick(old: T, new: T | None, newer: bool) -> T:
    if new is None:
        return old
    return new if newer or not old else old
