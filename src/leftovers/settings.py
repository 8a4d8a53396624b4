"""Settings: read once (flags > environment > defaults) into a frozen object; a bad value fails loudly, in one line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from leftovers.core.deadlines import DEFAULT_REMINDER, Schedule
from leftovers.core.errors import SettingsError

ENV_PREFIX = "LEFTOVERS_"
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw]?)\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks", "": "days"}


def default_db() -> Path:
    """The embedded store's default file, in the user's data directory."""
    return Path(platformdirs.user_data_dir("leftovers")) / "leftovers.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know; ``store`` is a path or URL (``sqlite:///path``, ``dynamodb://TABLE``)."""

    store: str = field(default_factory=lambda: str(default_db()))
    slack_webhook_url: str | None = field(default=None, repr=False)
    slack_webhook_parameter: str | None = None
    timezone: str = "UTC"
    grace: timedelta = timedelta(0)
    reminder: timedelta | None = DEFAULT_REMINDER
    config: Path | None = None

    @property
    def schedule(self) -> Schedule:
        """The deadline schedule these settings describe."""
        return Schedule(grace=self.grace, reminder=self.reminder)

    @classmethod
    def load(cls, flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None) -> Settings:
        """Flags (``None`` = not given) win over ``LEFTOVERS_*`` variables, which win over defaults."""
        flags = flags or {}
        env = env or {}
        raw: dict[str, tuple[str, Any]] = {}  # name -> (where it came from, value)
        for f in fields(cls):
            var = ENV_PREFIX + f.name.upper()
            if flags.get(f.name) is not None:
                raw[f.name] = ("--" + f.name.replace("_", "-"), flags[f.name])
            elif env.get(var):
                raw[f.name] = (var, env[var])
        if "store" not in raw and env.get(ENV_PREFIX + "DB"):
            raw["store"] = (ENV_PREFIX + "DB", env[ENV_PREFIX + "DB"])
        return cls(**{name: _convert(name, where, value) for name, (where, value) in raw.items()})


def _convert(name: str, where: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name == "timezone":
        return check_timezone(value, where)
    if name == "grace":
        return parse_duration(value, where)
    if name == "reminder":
        return None if value.strip().lower() == "never" else parse_duration(value, where, positive=True)
    if name == "config":
        return Path(value)
    return value


def check_timezone(value: str, setting: str = "timezone") -> str:
    """An IANA time zone name, or SettingsError naming the setting."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(setting, f"unknown time zone {value!r} (use an IANA name like Asia/Tokyo)") from None
    return value


def parse_duration(value: str, setting: str, positive: bool = False) -> timedelta:
    """``0``, ``36h``, ``7d``, ``2w`` (a bare number means days)."""
    match = _DURATION.match(value)
    if not match:
        raise SettingsError(setting, f"not a duration {value!r} (use e.g. 0, 12h, 7d, 2w{', never' * positive})")
    amount = timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    if positive and amount <= timedelta(0):
        raise SettingsError(setting, "must be positive (or 'never')")
    return amount
