"""An incarnation's creations: several sources (or re-deliveries) may each report the creation at their own time.

Delivered in order, the first creation starts the incarnation and the first that names a creator names it. Kept as
a sorted list, the same answer comes out whatever the order, even when a late deletion cuts the list in two.
"""

from __future__ import annotations

from typing import Any

from leftovers.core.model import Creation, Resource


def of(record: Resource) -> tuple[Creation, ...]:
    """Every creation of the record's incarnation, oldest first (the one implied by its fields when alone)."""
    if record.creations:
        return record.creations
    if record.created_at is None:
        return ()
    return (Creation(record.created_at, record.created_by, record.created_for_by),)


def merged(creations: tuple[Creation, ...], new: Creation) -> tuple[Creation, ...]:
    """The list with ``new`` in its place; one at the same time only fills the creators still unknown."""
    for index, known in enumerate(creations):
        if known.at == new.at:
            both = Creation(known.at, known.created_by or new.created_by, known.created_for_by or new.created_for_by)
            return creations if both == known else (*creations[:index], both, *creations[index + 1 :])
        if known.at > new.at:
            return (*creations[:index], new, *creations[index:])
    return (*creations, new)


def fields(creations: tuple[Creation, ...]) -> dict[str, Any]:
    """The record fields a non-empty list decides: the first creation, the first creator named."""
    return {
        "created_at": creations[0].at,
        "created_by": next((c.created_by for c in creations if c.created_by), None),
        "created_for_by": next((c.created_for_by for c in creations if c.created_for_by), None),
        "creations": creations if len(creations) > 1 else (),
    }
