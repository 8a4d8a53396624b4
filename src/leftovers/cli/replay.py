"""``leftovers replay``: take in an account's history from CloudTrail log files and Config history files, local or
in their bucket."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import click

from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record
from leftovers.adapters.sources.trail_files.layout import Selection
from leftovers.adapters.sources.trail_files.local import LogFile, local_files
from leftovers.adapters.sources.trail_files.reader import Tally, trail_changes
from leftovers.adapters.sources.trail_files.s3 import SCHEME
from leftovers.cli import common
from leftovers.cli.ingest import COUNTS
from leftovers.core.errors import SettingsError
from leftovers.service.ingest import ingest

ACCOUNT = re.compile(r"\d{12}")
REGION = re.compile(r"[a-z]{2}(-[a-z]+)+-\d")
DAY = click.DateTime(["%Y-%m-%d"])


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|s3://BUCKET/PREFIX/ ...")
@click.option("--since", type=DAY, help="Only log files delivered on or after this day (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Only log files delivered on or before this day (YYYY-MM-DD).")
@click.option("--accounts", multiple=True, metavar="ID[,ID...]", help="Only these accounts' folders (repeatable).")
@click.option("--regions", multiple=True, metavar="REGION[,...]", help="Only these regions' folders (repeatable).")
@click.option(
    "--enqueue",
    metavar="QUEUE_URL",
    help="Instead of replaying here, send each s3:// log file to the deployed replay's queue (ReplayQueueUrl).",
)
@click.pass_context
def replay(
    ctx: click.Context,
    sources: tuple[str, ...],
    since: datetime | None,
    until: datetime | None,
    accounts: tuple[str, ...],
    regions: tuple[str, ...],
    enqueue: str | None,
) -> None:
    """Take in CloudTrail log files and AWS Config history: what was created and deleted, and by whom.

    Each SOURCE is a log file ({"Records": [...]}, .json or .json.gz), a
    Config history file or GetResourceConfigHistory output
    ({"configurationItems": [...]}), a folder (walked recursively, in
    delivery order) or a bucket, s3://BUCKET/PREFIX/, laid out as CloudTrail
    and Config deliver: AWSLogs/[ORG-ID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
    and AWSLogs/ACCOUNT/Config/REGION/YYYY/M/D/ConfigHistory/. Digest files
    and Config snapshots are skipped; so are records of calls that create or
    delete nothing.
    Each rejected record is named with its file and index; the exit code is
    then 1. S3 is read with the usual AWS credentials.

    \b
    Examples:
      leftovers replay ~/trail-logs/
      leftovers replay s3://acme-trail/AWSLogs/ --since 2026-09-01 --regions us-east-1,eu-west-1
      leftovers replay s3://org-trail/AWSLogs/o-a1b2c3d4e5/ --accounts 111122223333
      leftovers replay s3://org-trail/AWSLogs/ --enqueue https://sqs.../leftovers-ReplayQueue-...
    """
    settings = common.settings(ctx)
    selection = _selection(since, until, accounts, regions)
    for source in sources:
        if not source.startswith(SCHEME) and not Path(source).expanduser().exists():
            raise SettingsError(source, "no such file or folder")
    files = (log for source in sources for log in _files(source, selection))
    if enqueue:
        _enqueue(enqueue, sources, files)
        return
    tally = Tally()
    shown = progress(files, tally, sys.stderr)
    changes = trail_changes(shown, mapped_event_names(), parse_cloudtrail_record, tally)
    tally.counts.update(ingest(common.store(ctx), changes, settings.policy))
    click.echo(", ".join(f"{tally.counts[name]} {name}" for name in COUNTS))
    click.echo(f"{tally.records} record(s) in {tally.files} log file(s).")
    for line in tally.rejections:
        click.echo(line, err=True)
    if tally.unnamed:
        click.echo(f"... and {tally.unnamed} more rejection(s).", err=True)
    if tally.counts["rejected"]:
        ctx.exit(1)


def progress(files: Iterator[LogFile], tally: Tally, stream: TextIO, every: float = 1.0) -> Iterator[LogFile]:
    """``files``, saying on ``stream`` how far the replay got at most every ``every`` seconds, when it is a terminal
    (a year of an organization's logs takes a while; a pipe or a log gets only the final counts)."""
    if not stream.isatty():
        yield from files
        return
    shown = time.monotonic()
    for log in files:
        if time.monotonic() - shown >= every:
            stream.write(f"\rreplay: {tally.files:,} file(s), {tally.records:,} record(s), at {log.location}"[:160])
            stream.flush()
            shown = time.monotonic()
        yield log
    stream.write("\r\033[K")  # the final counts replace the progress line


def _enqueue(queue_url: str, sources: tuple[str, ...], files: Iterator[LogFile]) -> None:
    local = [source for source in sources if not source.startswith(SCHEME)]
    if local:
        raise SettingsError("--enqueue", f"only s3:// sources can be replayed in Lambda, not {local[0]}")
    import boto3

    from leftovers.adapters.sources.trail_files.enqueue import enqueue

    click.echo(f"Queued {enqueue(boto3.client('sqs'), queue_url, files)} log file(s) for the deployed replay.")


def _files(source: str, selection: Selection) -> Iterator[LogFile]:
    if not source.startswith(SCHEME):
        return local_files(source, selection)
    import boto3  # only for a bucket

    from leftovers.adapters.sources.trail_files.s3 import s3_files

    return s3_files(boto3.client("s3"), source, selection)


def _selection(
    since: datetime | None, until: datetime | None, accounts: tuple[str, ...], regions: tuple[str, ...]
) -> Selection:
    first: date | None = since.date() if since else None
    last: date | None = until.date() if until else None
    if first and last and first > last:
        raise SettingsError("--since", f"{first} is after --until {last}")
    wanted_accounts = split_option(accounts, "--accounts", ACCOUNT, "a 12-digit account id")
    wanted_regions = split_option(regions, "--regions", REGION, "a region name such as us-east-1")
    return Selection(first, last, wanted_accounts, wanted_regions)


def split_option(values: tuple[str, ...], option: str, pattern: re.Pattern[str], what: str) -> frozenset[str]:
    """The comma-separated, repeatable values of ``option``, each checked against ``pattern`` (``what`` it is)."""
    items = {item.strip() for value in values for item in value.split(",") if item.strip()}
    for item in items:
        if not pattern.fullmatch(item):
            raise SettingsError(option, f"{item!r} is not {what}")
    return frozenset(items)
