"""Bounds on stored text: any input fits, the cut is marked, the tags Leftovers reads survive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from leftovers.core.limits import (
    CUT,
    FIRST,
    LAST,
    MAX_TAG_CHARS,
    MAX_TAG_KEY,
    MAX_TAG_VALUE,
    MAX_TAGS,
    bounded,
    bounded_tags,
    cut,
    plus,
)
from tests.support.changes import change

READ = ("Owner", "leftovers:keep", "leftovers:expires")
TEXT = st.text(min_size=0, max_size=400)


@given(tags=st.dictionaries(TEXT, TEXT, max_size=80), read=st.dictionaries(st.sampled_from(READ), TEXT))
def test_any_tag_map_fits_and_keeps_the_tags_leftovers_reads(tags: dict[str, str], read: dict[str, str]) -> None:
    both = {**tags, **read}
    out = bounded_tags(both, READ)
    kept = {k: v for k, v in out.items() if k in read}
    assert kept == {k: cut(v, MAX_TAG_VALUE) for k, v in read.items()}  # values within AWS's limit stay whole
    assert len(out) <= MAX_TAGS + len(READ) + 1
    assert sum(len(k) + len(v) for k, v in out.items() if k not in read and k != CUT) <= MAX_TAG_CHARS
    assert all(len(k) <= MAX_TAG_KEY and len(v) <= MAX_TAG_VALUE for k, v in out.items())
    assert (CUT in out) == (len(out) - (CUT in out) < len(both))


@given(text=TEXT, limit=st.integers(1, 300))
def test_a_cut_is_marked_and_never_longer_than_the_limit(text: str, limit: int) -> None:
    shown = cut(text, limit)
    assert shown is not None
    assert len(shown) <= limit
    assert shown == text or shown.endswith(CUT)


def test_a_long_name_and_creator_are_cut() -> None:
    long = change("created", 0, name="n" * 1000, created_by="arn:" + "x" * 2000, details={"note": "d" * 999})
    out = bounded(long)
    assert out.name == "n" * 255 + CUT
    assert out.created_by is not None
    assert out.created_by.endswith(CUT)
    assert out.details == {"note": "d" * 255 + CUT}


def test_time_arithmetic_saturates_instead_of_raising() -> None:
    assert plus(datetime(9999, 12, 30, tzinfo=UTC), timedelta(days=30)) == LAST
    assert plus(datetime(1, 1, 2, tzinfo=UTC), -timedelta(days=30)) == FIRST
    assert plus(datetime(2026, 1, 1, tzinfo=UTC), timedelta(days=1)) == datetime(2026, 1, 2, tzinfo=UTC)
