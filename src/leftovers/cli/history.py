"""``leftovers history``: what the account's last days of CloudTrail event history created that still exists."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import click

from leftovers.adapters.inventory.clients import GLOBAL_REGION, ClientFactory, boto3_client
from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record
from leftovers.adapters.sources.trail_files.event_history import EventHistory, Found, enabled_regions
from leftovers.adapters.sources.trail_files.reader import Tally
from leftovers.bootstrap import make_inventory
from leftovers.cli import common
from leftovers.cli.ingest import COUNTS
from leftovers.cli.replay import REGION, split_option
from leftovers.cli.report import report
from leftovers.core.model import ResourceChange
from leftovers.service.replay import take_history

MAX_DAYS = 90  # how far back CloudTrail's event history goes


def client_factory() -> ClientFactory:
    """How AWS clients are made (tests hand in stubbed ones)."""
    return boto3_client


@click.command()
@click.option("--days", type=click.IntRange(1, MAX_DAYS), default=MAX_DAYS, show_default=True, help="How far back.")
@click.option("--regions", multiple=True, metavar="REGION[,...]", help="Only these regions (default: all enabled).")
@click.option("--rate", type=click.FloatRange(min=0.1), default=10.0, show_default=True, help="Reconcile's calls/s.")
@click.pass_context
def history(ctx: click.Context, days: int, regions: tuple[str, ...], rate: float) -> None:
    """Show what you created in the last DAYS days that still exists.

    Pages through CloudTrail's event history (LookupEvents) for the calls
    that create or delete what Leftovers tracks, in every enabled region (at
    most 2 calls a second per region, as CloudTrail allows), takes them in,
    asks the account which of the resources created are still there, and
    prints the report: creators, ages and costs. Needs no trail and deploys
    nothing; AWS credentials come from the usual AWS environment.

    \b
    Examples:
      leftovers history
      leftovers history --days 30 --regions us-east-1,eu-west-1
    """
    settings = common.settings(ctx)
    store = common.store(ctx)
    factory = client_factory()
    home = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or GLOBAL_REGION
    chosen = sorted(split_option(regions, "--regions", REGION, "a region name such as us-east-1"))
    chosen = chosen or enabled_regions(factory, home)
    names = mapped_event_names()
    end = datetime.now(UTC)
    lookups = EventHistory(factory)
    tally = Tally()
    with click.progressbar(length=len(chosen) * len(names), label="CloudTrail event history", file=sys.stderr) as bar:
        lock = threading.Lock()

        def advance(region: str, name: str, found: int) -> None:
            with lock:
                bar.update(1)

        lookups.progress = advance
        found = lookups.records(chosen, names, end - timedelta(days=days), end)
        result = take_history(store, _changes(found, tally), settings.policy, make_inventory(rate), end)
    tally.counts.update(result.counts)
    checked = result.checked
    click.echo(", ".join(f"{tally.counts[name]} {name}" for name in COUNTS))
    click.echo(
        f"{tally.records} event(s) in {len(chosen)} region(s) over {days} day(s), {lookups.calls} LookupEvents calls. "
        f"Checked {checked.checked}: {checked.present} still there, {checked.healed} gone, "
        f"{checked.unknown_total} unknown."
    )
    for (resource_type, reason), count in sorted(checked.unknown.items()):
        click.echo(f"  unknown  {resource_type}: {count} ({reason})")
    for line in tally.rejections:
        click.echo(line, err=True)
    ctx.invoke(report, fmt="table", due=False, show_all=False, at=None)
    if tally.counts["rejected"]:
        ctx.exit(1)


def _changes(found: Iterator[Found], tally: Tally) -> Iterator[ResourceChange]:
    for item in found:
        tally.records += 1
        if item.error is not None:
            tally.reject(item.location, item.error)
            continue
        yield from tally.take(item.location, lambda: parse_cloudtrail_record(item.record))  # noqa: B023 (called at once)
