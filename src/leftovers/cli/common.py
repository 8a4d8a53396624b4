"""Helpers shared by the commands: settings from the context, the store, the region, ``--at`` times."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from leftovers.bootstrap import open_store
from leftovers.cli.options import given
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Store
from leftovers.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])
_SETTINGS, _WARNED = "leftovers.settings", "leftovers.warned"
CREATING = frozenset({"ingest", "replay", "history", "backfill"})
"""Commands that may create the store they name; every other command refuses a store that is not there."""


def settings(ctx: click.Context, **more: Any) -> Settings:
    """The run's settings (flags > env > defaults), read once, when a command first needs them (so ``--help``
    never fails on a bad variable); warnings about them are printed once."""
    loaded: Settings | None = ctx.meta.get(_SETTINGS)
    if loaded is None or more:
        loaded = Settings.load({**given(ctx), **more}, os.environ)
        ctx.meta[_SETTINGS] = loaded
        warned: set[str] = ctx.meta.setdefault(_WARNED, set())
        for warning in sorted(set(loaded.warnings) - warned):
            click.echo(f"Warning: {warning}", err=True)
            warned.add(warning)
    return loaded


def store(ctx: click.Context) -> Store:
    """The store the settings name, in their region; only the commands in CREATING may create it."""
    chosen = settings(ctx)
    return open_store(chosen.store, chosen.region, create=ctx.command.name in CREATING)


def region(ctx: click.Context) -> str:
    """The AWS region the settings resolve (else the AWS profile's); one line when there is none."""
    from leftovers.adapters.aws_region import require_region

    return require_region(settings(ctx).region)


def parse_at(value: str | None, timezone: str) -> datetime:
    """``--at``: ISO 8601; a time without an offset is read in the display time zone; default now."""
    if value is None:
        return datetime.now(UTC)
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SettingsError("--at", f"not an ISO 8601 time: {value!r} (e.g. 2026-11-27T00:00+09:00)") from None
    try:
        if at.tzinfo is None:
            at = _local(at, timezone)
        return at.astimezone(UTC)
    except OverflowError:
        raise SettingsError("--at", f"{value!r} is out of range (years 1 to 9999 in UTC)") from None


def _local(wall: datetime, timezone: str) -> datetime:
    """``wall`` read in ``timezone``; a time skipped by a daylight-saving change does not exist there."""
    at = wall.replace(tzinfo=ZoneInfo(timezone))
    if at.astimezone(UTC).astimezone(at.tzinfo).replace(tzinfo=None) != wall:
        raise SettingsError("--at", f"{wall.isoformat()} does not exist in {timezone} (clocks skip it)")
    return at


def at_option(func: F) -> F:
    """The shared ``--at TIME`` option."""
    return click.option(
        "--at", "at", metavar="TIME", help="Evaluate at this ISO 8601 time instead of now (no offset = display zone)."
    )(func)
