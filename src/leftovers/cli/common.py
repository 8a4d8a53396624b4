"""Helpers shared by the commands: settings from the context, the store, the region, ``--at`` times."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from leftovers.bootstrap import open_store, with_units_of
from leftovers.cli.options import given
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Store
from leftovers.core.times import ISO_EXAMPLE, TimeError, TimeOutOfRange, parse_iso
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
        loaded = with_units_of(Settings.load({**given(ctx), **more}, os.environ))
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
        return parse_iso(value, ZoneInfo(timezone), must_exist=True)
    except TimeOutOfRange as exc:
        raise SettingsError("--at", str(exc)) from None
    except TimeError as exc:
        example = f" (e.g. {ISO_EXAMPLE})" if str(exc).startswith("not an ISO") else ""
        raise SettingsError("--at", f"{exc}{example}") from None


def at_option(func: F) -> F:
    """The shared ``--at TIME`` option."""
    return click.option(
        "--at", "at", metavar="TIME", help="Evaluate at this ISO 8601 time instead of now (no offset = display zone)."
    )(func)
