"""Settings: where each value comes from (doctor shows it), the one region rule, and durations that look wrong."""

from __future__ import annotations

import pytest

from leftovers.settings import Settings


@pytest.mark.parametrize(
    ("flags", "env", "region", "origin"),
    [
        ({}, {}, None, None),
        ({}, {"AWS_DEFAULT_REGION": "eu-west-1"}, "eu-west-1", "AWS_DEFAULT_REGION"),
        ({}, {"AWS_REGION": "eu-west-3", "AWS_DEFAULT_REGION": "eu-west-1"}, "eu-west-3", "AWS_REGION"),
        ({"region": "us-east-2"}, {"AWS_REGION": "eu-west-3"}, "us-east-2", "--region"),
    ],
)
def test_the_region_rule(flags: dict[str, str], env: dict[str, str], region: str | None, origin: str | None) -> None:
    settings = Settings.load(flags, env)
    assert settings.region == region
    assert settings.origins.get("region") == origin


def test_origins_name_the_flag_or_variable() -> None:
    settings = Settings.load({"timezone": "Asia/Tokyo"}, {"LEFTOVERS_DB": "/tmp/x.db", "LEFTOVERS_LANGUAGE": "ja"})
    assert settings.origins == {"timezone": "--timezone", "store": "LEFTOVERS_DB", "language": "LEFTOVERS_LANGUAGE"}


@pytest.mark.parametrize(
    ("flags", "env", "warning"),
    [
        ({"grace": "30m"}, {}, "--grace: 30m is 900 days"),
        ({}, {"LEFTOVERS_REMINDER": "2y"}, "LEFTOVERS_REMINDER: 2y is 730 days"),
    ],
)
def test_durations_over_a_year_warn(flags: dict[str, str], env: dict[str, str], warning: str) -> None:
    (line,) = Settings.load(flags, env).warnings
    assert line.startswith(warning)


def test_a_year_or_less_is_quiet() -> None:
    assert Settings.load({"grace": "1y", "reminder": "never"}, {}).warnings == ()
