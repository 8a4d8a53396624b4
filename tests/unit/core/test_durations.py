"""Durations, intervals and dates as written in leftovers.toml and in tags."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leftovers.core.durations import (
    DurationError,
    format_duration,
    parse_date,
    parse_date_or_duration,
    parse_duration,
    parse_interval,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", timedelta(0)),
        ("12h", timedelta(hours=12)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(days=14)),
        ("3m", timedelta(days=90)),  # a month is 30 days, documented
        ("1y", timedelta(days=365)),
        ("30", timedelta(days=30)),  # a bare number is days, as in a team's ttl=30 tag
        (" 7D ", timedelta(days=7)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "7 days", "-1d", "1.5d", "d", "7x", "P7D"])
def test_bad_durations_are_one_line_errors(text: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert "\n" not in str(caught.value)
    assert repr(text) in str(caught.value)


def test_never_is_an_interval_and_zero_is_not() -> None:
    assert parse_interval("never") is None
    assert parse_interval("NEVER") is None
    assert parse_interval("1w") == timedelta(days=7)
    with pytest.raises(DurationError, match="positive"):
        parse_interval("0")


def test_dates() -> None:
    assert parse_date("2026-12-31") == date(2026, 12, 31)
    assert parse_date("2026-12-31T23:30:00Z") == date(2026, 12, 31)
    assert parse_date("2027-01-01T08:00:00+09:00") == date(2026, 12, 31)  # the UTC date of that moment
    with pytest.raises(DurationError, match="ISO date"):
        parse_date("31/12/2026")


def test_a_tag_holds_a_date_or_a_duration() -> None:
    assert parse_date_or_duration("2w") == timedelta(days=14)
    assert parse_date_or_duration("2026-12-31") == date(2026, 12, 31)
    with pytest.raises(DurationError, match="neither an ISO date nor a duration"):
        parse_date_or_duration("next friday")


def test_format_duration_round_trips() -> None:
    for text in ("0d", "12h", "7d", "90d"):
        assert format_duration(parse_duration(text)) == text
    assert format_duration(None) == "never"
