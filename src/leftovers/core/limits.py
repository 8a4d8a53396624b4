"""Bounds on what is stored, so one resource can never outgrow a Slack line, a Step Functions payload or a date.

Text is cut at AWS's own limits (a tag key 128 characters, a value 256), which a real event never exceeds, and
marked with a trailing "…". A resource has at most 50 tags (AWS's limit) of at most 2,048 characters in all; past
that, tags Leftovers reads (Name and the configured owner, keep and expiry keys) are kept and others dropped, with a
"…" tag saying how many. Times outside 2006 (before AWS) to 2100 and numbers that are not finite or exceed 10^15
are refused by the sources; times computed from stored ones saturate at the ends of ``datetime`` instead of raising.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from leftovers.core.model import ResourceChange

CUT = "…"
MAX_NAME = 256
MAX_TAG_KEY = 128
MAX_TAG_VALUE = 256
MAX_TAGS = 50
MAX_TAG_CHARS = 2048
MAX_CREATOR = 512
MAX_ARN = 2048
MAX_DETAIL_TEXT = 256
MAX_NUMBER = 10**15
EARLIEST = datetime(2006, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# Saturated times stay two days inside datetime's range, so showing them in any time zone cannot overflow either.
LAST = datetime.max.replace(tzinfo=UTC) - timedelta(days=2)
FIRST = datetime.min.replace(tzinfo=UTC) + timedelta(days=2)


def cut(text: str | None, limit: int) -> str | None:
    """``text`` of at most ``limit`` characters, the cut marked with a trailing "…"."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + CUT


def plus(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta``, saturating at ``FIRST`` or ``LAST`` instead of raising."""
    try:
        later = moment + delta
    except OverflowError:
        return LAST if delta > timedelta(0) else FIRST
    return LAST if later > LAST else FIRST if later < FIRST else later


def bounded(change: ResourceChange, keep: Collection[str] = ()) -> ResourceChange:
    """The change with every stored text within bounds; tags named in ``keep`` (and Name) are never dropped."""
    tags = change.tags
    if _short(change) and (tags is None or (len(tags) <= MAX_TAGS and _tags_fit(tags))):
        return change  # the common case: nothing to cut, no copy
    return replace(
        change,
        name=cut(change.name, MAX_NAME),
        arn=cut(change.arn, MAX_ARN),
        created_by=cut(change.created_by, MAX_CREATOR),
        created_for_by=cut(change.created_for_by, MAX_CREATOR),
        tags=None if tags is None else bounded_tags(tags, keep),
        details=None if change.details is None else {k: _detail(v) for k, v in change.details.items()},
    )


def bounded_tags(tags: Mapping[str, str], keep: Collection[str] = ()) -> dict[str, str]:
    """At most ``MAX_TAGS`` tags of ``MAX_TAG_CHARS`` characters, each cut to AWS's limits; kept keys go first."""
    wanted = {"Name", *keep}
    ordered = sorted(tags.items(), key=lambda kv: kv[0] not in wanted)  # stable: kept keys first, then as given
    out: dict[str, str] = {}
    budget = MAX_TAG_CHARS
    for key, value in ordered:
        k, v = cut(key, MAX_TAG_KEY) or "", cut(value, MAX_TAG_VALUE) or ""
        if key in wanted or (len(out) < MAX_TAGS - 1 and len(k) + len(v) <= budget):
            out[k] = v
            budget -= len(k) + len(v)
    if len(out) < len(tags):
        out[CUT] = f"{len(tags) - len(out)} more tag(s) not kept"
    return out


def _short(c: ResourceChange) -> bool:
    return (
        (c.name is None or len(c.name) <= MAX_NAME)
        and (c.arn is None or len(c.arn) <= MAX_ARN)
        and (c.created_by is None or len(c.created_by) <= MAX_CREATOR)
        and (c.created_for_by is None or len(c.created_for_by) <= MAX_CREATOR)
        and (c.details is None or all(not isinstance(v, str) or len(v) <= MAX_DETAIL_TEXT for v in c.details.values()))
    )


def _tags_fit(tags: Mapping[str, str]) -> bool:
    total = 0
    for key, value in tags.items():
        if len(key) > MAX_TAG_KEY or len(value) > MAX_TAG_VALUE:
            return False
        total += len(key) + len(value)
    return total <= MAX_TAG_CHARS


def _detail(value: object) -> object:
    return cut(value, MAX_DETAIL_TEXT) if isinstance(value, str) else value
