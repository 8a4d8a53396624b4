"""The one time module: every reader of user or AWS text parses ISO 8601 the same way."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import leftovers
from leftovers.core.times import TimeError, TimeOutOfRange, check_zone, format_time, iso, parse_iso

SRC = Path(leftovers.__file__).parent
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    "text",
    ["2026-11-27T00:00:00Z", "2026-11-27T00:00:00z", "2026-11-27T09:00:00+09:00", "2026-11-27T00:00:00.000Z",
     " 2026-11-27T00:00Z "],
)  # fmt: skip
def test_every_spelling_of_one_moment_is_the_same_aware_utc_time(text: str) -> None:
    assert parse_iso(text) == datetime(2026, 11, 27, tzinfo=UTC)
    assert parse_iso(text).tzinfo is UTC


def test_a_time_without_an_offset_is_read_in_the_zone_given() -> None:
    assert parse_iso("2026-11-27T00:00") == datetime(2026, 11, 27, tzinfo=UTC)
    assert parse_iso("2026-11-27T00:00", ZoneInfo("Asia/Tokyo")) == datetime(2026, 11, 26, 15, tzinfo=UTC)


def test_a_local_time_a_clock_change_skips_is_refused_only_when_asked() -> None:
    with pytest.raises(TimeError, match="does not exist in America/New_York"):
        parse_iso("2025-03-09T02:30", NEW_YORK, must_exist=True)
    assert parse_iso("2025-03-09T02:30", NEW_YORK).tzinfo is UTC  # events never need the check
    assert parse_iso("2025-03-09T03:30", NEW_YORK, must_exist=True) == datetime(2025, 3, 9, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize(("text", "error"), [("yesterday", TimeError), ("0001-01-01T00:00+01:00", TimeOutOfRange)])
def test_bad_text_is_one_line_quoting_it(text: str, error: type[TimeError]) -> None:
    with pytest.raises(error) as caught:
        parse_iso(text)
    assert repr(text) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_iso_is_one_format_and_display_is_local_or_none() -> None:
    at = datetime(2026, 11, 20, 1, 0, 7, 337000, tzinfo=timezone(timedelta(hours=9)))
    assert iso(at) == "2026-11-19T16:00:07Z"
    assert iso(None) is None
    assert format_time(at, NEW_YORK) == "2026-11-19 11:00 EST"
    assert format_time(datetime(1, 1, 1, tzinfo=UTC), NEW_YORK) is None


def test_one_check_of_a_time_zone_name() -> None:
    assert check_zone("Asia/Tokyo") == "Asia/Tokyo"
    with pytest.raises(TimeError, match="unknown time zone 'Mars/Olympus'"):
        check_zone("Mars/Olympus")


def test_no_module_parses_iso_text_but_the_time_module_and_the_stores_own_codecs() -> None:
    """User and AWS text goes through parse_iso; only the stores read back the format they wrote themselves."""
    allowed = {"core/times.py", "adapters/stores/codec.py", "adapters/stores/codec_answers.py"}
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "fromisoformat":
                target = node.value
                if isinstance(target, ast.Name) and target.id == "datetime":
                    found.add(str(path.relative_to(SRC)))
    assert found <= allowed, found - allowed
