"""``leftovers demo``: the whole flow on bundled sample events, in a throw-away store."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.bootstrap import notify_options, open_store
from leftovers.cli import common
from leftovers.cli.ingest import COUNTS
from leftovers.core import i18n
from leftovers.core.ports import Store
from leftovers.core.times import format_time
from leftovers.data_files import DATA
from leftovers.service import notify as service
from leftovers.service.ingest import ingest
from leftovers.settings import Settings

DEMO_EVENTS = "demo_events.jsonl"
RUN_AT_UTC = time(15, 0)  # the original schedule: cron(0 15 * * ? *) UTC, midnight in Tokyo


@click.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Run the whole flow on a day of sample events, in a temporary store.

    Ingests the bundled AWS Config events (some resources cleaned up, some
    forgotten), runs the nightly job, runs it again the same night (nothing
    new), and a week later (reminders). Nothing outside a temporary
    directory is touched and nothing is sent anywhere.

    \b
    Example:
      leftovers demo
      leftovers --timezone Asia/Tokyo demo
    """
    from leftovers.adapters.sources import parse_event
    from leftovers.adapters.sources.files import read_events

    settings = common.settings(ctx)
    source = DATA / DEMO_EVENTS
    with tempfile.TemporaryDirectory(prefix="leftovers-demo-") as tmp:
        store = open_store(str(Path(tmp) / "demo.db"))
        changes = [c for raw in read_events(str(source)) for c in parse_event(raw.event).changes]
        counts = ingest(store, changes, settings.policy)
        words = partial(i18n.text, settings.policy.language)
        done = [words("demo_count", n=counts[name], what=words(f"count_{name}")) for name in COUNTS if counts[name]]
        click.echo(words("demo_ingested", n=len(changes), file=DEMO_EVENTS, counts=", ".join(done)))
        first_run = _next_run(max(c.captured_at for c in changes))
        zone = ZoneInfo(settings.timezone)
        for label, at in (
            ("demo_first", first_run),
            ("demo_again", first_run + timedelta(minutes=5)),
            ("demo_week", first_run + timedelta(days=7)),
        ):
            click.echo("\n" + words("demo_run", label=words(label), when=format_time(at, zone)))
            _run(store, settings, at)


def _run(store: Store, settings: Settings, at: datetime) -> None:
    notifier = TerminalNotifier(sys.stdout)
    options = notify_options(settings, at)
    result = service.run(store, notifier, settings.policy, at, settings.timezone, **options)
    if result.due == 0:
        click.echo(i18n.text(settings.policy.language, "demo_nothing"))


def _next_run(after: datetime) -> datetime:
    run = datetime.combine(after.astimezone(UTC).date(), RUN_AT_UTC, tzinfo=UTC)
    return run if run > after else run + timedelta(days=1)
