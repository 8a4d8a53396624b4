"""``leftovers report``: what is still there, with deadline, owner and estimated cost."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import click

from leftovers.adapters.price_file import bundled_prices
from leftovers.cli import common
from leftovers.core.digest import format_age, format_time
from leftovers.core.model import Resource
from leftovers.core.policy_report import POLICY_COLUMNS, policy_fields
from leftovers.core.report import COLUMNS, report_row
from leftovers.service.reindex import lagging

ALL_COLUMNS = (*COLUMNS, *POLICY_COLUMNS, "created_by", "created_for_by", "sources")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--due", is_flag=True, help="Only resources whose deadline has passed at TIME (never ignored or kept).")
@click.option("--all", "show_all", is_flag=True, help="Include resources silenced by an ignore rule (see ignored_by).")
@common.at_option
@click.pass_context
def report(ctx: click.Context, fmt: str, due: bool, show_all: bool, at: str | None) -> None:
    """Show the resources that still exist (or only those due).

    JSON is a list of objects with account, region, resource_type,
    resource_id, resource_name, arn, created_at, notify_count,
    last_notified_at, next_due_at, owner, deadline, kept_until, ignored_by,
    monthly_cost_usd, tag_problem, created_by and sources (times ISO 8601
    UTC; the README documents every field).

    \b
    Examples:
      leftovers report
      leftovers report --due --format json | jq '.[].arn'
      leftovers report --due --at 2026-12-01T00:00+09:00
      leftovers --config leftovers.toml report --all --format csv
    """
    settings = common.settings(ctx)
    policy = settings.policy
    when = common.parse_at(at, settings.timezone)
    store = common.store(ctx)
    scanned = list(store.scan())
    if due:
        records = [r for r in store.due(when) if policy.is_due(r, when)]
    else:
        records = [r for r in scanned if show_all or policy.ignored_by(r) is None]
    if late := lagging(scanned, policy):  # the shown deadline then follows the stored one: say how to move it
        click.echo(f"{late} {LAGGING}", err=True)
    records.sort(key=lambda r: (r.key.resource_type, r.created_at or when, r.key))
    prices = bundled_prices()
    rows = [{**report_row(r), **policy_fields(r, policy, prices)} for r in records]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows), nl=False)
    else:
        click.echo(_table(records, rows, when, ZoneInfo(settings.timezone)))


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ALL_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, "sources": " ".join(row["sources"])} for row in rows)
    return out.getvalue()


LAGGING = "stored deadline(s) are later than this policy's: run `leftovers store reindex` to apply it"
HEADER = ("TYPE", "NAME OR ID", "REGION", "ACCOUNT", "CREATED", "AGE", "OWNER", "DEADLINE", "$/MONTH", "NOTICES")


def _table(records: list[Resource], rows: list[dict[str, Any]], when: datetime, zone: ZoneInfo) -> str:
    if not records:
        return "Nothing is left over."
    lines = [HEADER]
    total = 0.0
    for r, row in zip(records, rows, strict=True):
        created, cost = r.created_at, row["monthly_cost_usd"]
        total += cost or 0.0
        lines.append(
            (
                r.key.resource_type,
                r.display_name,
                r.key.region,
                r.key.account,
                format_time(created, zone) if created else "?",
                format_age(when - created) if created else "?",
                row["owner"] or "-",
                _deadline(row, zone),
                "—" if cost is None else f"{cost:,.2f}",
                str(r.notify_count),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    table = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines]
    return "\n".join([*table, f"{len(records)} resource(s); estimated ${total:,.2f}/month where a price is known."])


def _deadline(row: dict[str, Any], zone: ZoneInfo) -> str:
    if row["ignored_by"]:
        return f"ignored ({row['ignored_by']})"
    if row["kept_until"]:
        return f"kept until {row['kept_until']}" if row["kept_until"] != "forever" else "kept"
    if row["deadline"] is None:
        return "never"
    return format_time(datetime.fromisoformat(row["deadline"].replace("Z", "+00:00")), zone)
