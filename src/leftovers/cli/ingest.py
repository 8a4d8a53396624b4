"""``leftovers ingest``: take in events from files or stdin."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator

import click

from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.files import read_events
from leftovers.cli import common
from leftovers.core.errors import EventRejected, LeftoversError
from leftovers.core.model import ResourceChange
from leftovers.core.policy import Policy
from leftovers.core.policy_tags import read_tags
from leftovers.service.ingest import CHUNK, IngestIncomplete
from leftovers.service.ingest import ingest as ingest_changes

COUNTS = ("tracked", "resolved", "updated", "unchanged", "ignored", "rejected")


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Take in AWS Config or CloudTrail events and update what is tracked.

    Each PATH holds one JSON event, a JSON array of events, or JSON Lines;
    '-' reads standard input. Every valid event is processed even when others
    are bad; each rejected one is named with its file and line or index, and
    the exit code is then 1. An event whose keep or expiry tag cannot be
    read is tracked all the same (the tag counts as absent) and named in a
    warning. JSON Lines are read a line at a time, so memory stays flat.

    \b
    Examples:
      leftovers ingest config-events.jsonl
      aws s3 cp s3://bucket/events.json - | leftovers ingest -
    """
    settings = common.settings(ctx)
    counts: Counter[str] = Counter()
    rejections: list[str] = []
    starts: dict[int, str] = {}
    changes = _changes(paths, counts, rejections, settings.policy, starts)
    try:
        counts.update(ingest_changes(common.store(ctx), changes, settings.policy, chunk=CHUNK))
    except IngestIncomplete as exc:
        for line in rejections:
            click.echo(line, err=True)
        where = starts.get(exc.stored, "the end")
        raise LeftoversError(f"{exc}: the events from {where} on were not stored; ingest them again") from exc
    click.echo(", ".join(f"{counts[name]} {name}" for name in COUNTS))
    for line in rejections:
        click.echo(line, err=True)
    if counts["rejected"]:
        ctx.exit(1)


def _changes(
    paths: tuple[str, ...], counts: Counter[str], rejections: list[str], policy: Policy, starts: dict[int, str]
) -> Iterator[ResourceChange]:
    """Stream the changes of every readable, valid event; count and note the rest (and keep or expiry tags that
    cannot be read: the resource is tracked all the same, since it exists, and the tag counts as absent).

    ``starts`` gets where each chunk's first change came from, to say what was not stored if the store fails.
    """
    read = policy.read_tag_keys("keep", "expires")  # every account's (an override may read other keys)
    stdin = sys.stdin
    index = 0
    for path in paths:
        for raw in read_events(path, stdin):
            if raw.error is not None:
                counts["rejected"] += 1
                rejections.append(f"{raw.location}: rejected: {raw.error}")
                continue
            try:
                parsed = parse_event(raw.event)
            except EventRejected as exc:
                counts["rejected"] += 1
                rejections.append(f"{raw.location}: rejected: {exc}")
                continue
            if parsed.ignored is not None:
                counts["ignored"] += 1
            problem = next(filter(None, (_tag_problem(c, read, policy) for c in parsed.changes)), None)
            if problem:
                rejections.append(f"{raw.location}: warning: {problem}")
            for change in parsed.changes:
                if index % CHUNK == 0:
                    starts[index] = raw.location
                index += 1
                yield change


def _tag_problem(change: ResourceChange, read: frozenset[str], policy: Policy) -> str | None:
    tags = change.tags
    if not tags or read.isdisjoint(tags):
        return None  # the common case, without reading the tags
    return read_tags(tags, policy.tag_keys_for(change.key.account)).problem
