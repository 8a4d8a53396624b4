"""What the live inventory says about resources: values the reconcile and backfill use cases exchange with adapters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from leftovers.core.model import ResourceKey


class Presence(Enum):
    """What the live inventory says about one resource."""

    EXISTS = "exists"
    GONE = "gone"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one resource: ``reason`` says why it is unknown; ``created_at`` and ``tags`` (the whole tag
    set) when the API gives them."""

    presence: Presence
    reason: str | None = None
    created_at: datetime | None = None
    tags: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """One resource a listing says exists now, with what the listing tells about it."""

    key: ResourceKey
    name: str | None = None
    arn: str | None = None
    tags: Mapping[str, str] | None = None
    created_at: datetime | None = None
