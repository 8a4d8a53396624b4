"""``leftovers report``: what is still there."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from zoneinfo import ZoneInfo

import click

from leftovers.cli import common
from leftovers.core.digest import format_age, format_time
from leftovers.core.lifecycle import is_due
from leftovers.core.report import COLUMNS, report_row


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--due", is_flag=True, help="Only resources whose deadline has passed at TIME.")
@common.at_option
@click.pass_context
def report(ctx: click.Context, fmt: str, due: bool, at: str | None) -> None:
    """Show the resources that still exist (or only those due).

    JSON is a list of objects with account, region, resource_type,
    resource_id, resource_name, arn, created_at, notify_count,
    last_notified_at and next_due_at (times ISO 8601 UTC).

    \b
    Examples:
      leftovers report
      leftovers report --due --format json | jq '.[].arn'
      leftovers report --due --at 2026-12-01T00:00+09:00
    """
    settings = common.settings(ctx)
    when = common.parse_at(at, settings.timezone)
    store = common.store(ctx)
    records = [r for r in store.due(when) if is_due(r, when)] if due else list(store.scan())
    records.sort(key=lambda r: (r.key.resource_type, r.created_at or when, r.key))
    rows = [report_row(r) for r in records]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows), nl=False)
    else:
        click.echo(_table(records, when, ZoneInfo(settings.timezone)))


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _table(records: list[Any], when: Any, zone: ZoneInfo) -> str:
    if not records:
        return "Nothing is left over."
    header = ("TYPE", "NAME OR ID", "REGION", "ACCOUNT", "CREATED", "AGE", "NOTICES", "NEXT DUE")
    lines = [header]
    for r in records:
        created = r.created_at
        due = "never" if r.next_due_at is None else format_time(r.next_due_at, zone)
        lines.append(
            (
                r.key.resource_type,
                r.display_name,
                r.key.region,
                r.key.account,
                format_time(created, zone) if created else "?",
                format_age(when - created) if created else "?",
                str(r.notify_count),
                due,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)
