"""What a resource's own tags say: keep it (until a date), expire it (at a date or after a while), whose it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final, Literal

from leftovers.core.durations import DurationError, parse_date, parse_date_or_duration

FOREVER: Final = "forever"
Kept = date | Literal["forever"] | None
"""``None``: not kept; a date: silenced until that day starts; ``"forever"``: never reported."""

KEEP_FOREVER = frozenset({"true", "yes", "forever", "always"})
KEEP_NOT = frozenset({"false", "no", "0", ""})  # an explicit "no" is an answer, not a mistake


@dataclass(frozen=True, slots=True)
class TagKeys:
    """Which tag keys carry which meaning; the first key present wins, so a team's own convention can go first."""

    expires: tuple[str, ...] = ("leftovers:expires",)
    keep: tuple[str, ...] = ("leftovers:keep",)
    owner: tuple[str, ...] = ("Owner", "owner", "CreatedBy")


@dataclass(frozen=True, slots=True)
class TagReading:
    """The meaning of a resource's tags; a tag that cannot be read counts as absent and is named in ``problem``."""

    kept: Kept = None
    expires: date | timedelta | None = None
    owner: str | None = None
    problem: str | None = None


def read_tags(tags: Mapping[str, str], keys: TagKeys) -> TagReading:
    """Read the keep, expiry and owner tags; never raises, since a user's bad tag must not break a run."""
    problems: list[str] = []
    kept: Kept = None
    expires: date | timedelta | None = None
    if (found := _first(tags, keys.keep)) is not None:
        kept = _keep_value(*found, problems)
    if (found := _first(tags, keys.expires)) is not None:
        key, value = found
        try:
            expires = parse_date_or_duration(value)
        except DurationError as exc:
            problems.append(f"tag {key}: {exc}")
    owner = _first(tags, keys.owner)
    return TagReading(kept, expires, owner[1].strip() if owner else None, "; ".join(problems) or None)


def _keep_value(key: str, value: str, problems: list[str]) -> Kept:
    word = value.strip().lower()
    if word in KEEP_FOREVER:
        return FOREVER
    if word in KEEP_NOT:
        return None
    try:
        return parse_date(value)
    except DurationError:
        problems.append(f"tag {key}: {value!r} is neither true nor an ISO date (use true or e.g. 2026-12-31)")
        return None


def _first(tags: Mapping[str, str], keys: tuple[str, ...]) -> tuple[str, str] | None:
    return next(((k, tags[k]) for k in keys if k in tags and tags[k].strip()), None)
