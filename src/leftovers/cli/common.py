"""Helpers shared by the commands: settings from the context, the store, ``--at`` times."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from leftovers.bootstrap import open_store
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Store
from leftovers.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def settings(ctx: click.Context, **more: Any) -> Settings:
    """The run's settings (flags > env > defaults)."""
    lazy = ctx.find_root().obj
    result: Settings = lazy.settings(**more)
    return result


def store(ctx: click.Context) -> Store:
    """The store the settings name."""
    return open_store(settings(ctx).store)


def parse_at(value: str | None, timezone: str) -> datetime:
    """``--at``: ISO 8601; a time without an offset is read in the display time zone; default now."""
    if value is None:
        return datetime.now(UTC)
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SettingsError("--at", f"not an ISO 8601 time: {value!r} (e.g. 2026-11-27T00:00+09:00)") from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=ZoneInfo(timezone))
    return at.astimezone(UTC)


def at_option(func: F) -> F:
    """The shared ``--at TIME`` option."""
    return click.option(
        "--at", "at", metavar="TIME", help="Evaluate at this ISO 8601 time instead of now (no offset = display zone)."
    )(func)
