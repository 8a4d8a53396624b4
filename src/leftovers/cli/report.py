"""``leftovers report``: what is still there, with deadline, owner and estimated cost."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

import click

from leftovers.adapters.price_file import bundled_prices
from leftovers.cli import common
from leftovers.cli.account_names import account_names as names_of
from leftovers.cli.account_names import account_names_option
from leftovers.cli.report_formats import Shown, as_csv, as_json, as_table
from leftovers.core.model import Resource
from leftovers.core.policy import Policy
from leftovers.core.policy_report import POLICY_COLUMNS, policy_fields, unshown
from leftovers.core.ports import Store
from leftovers.core.report import COLUMNS, report_row
from leftovers.core.rich_text import neutralise
from leftovers.core.times import format_time
from leftovers.service.reindex import lagging

ALL_COLUMNS = (*COLUMNS, *POLICY_COLUMNS, "created_by", "created_for_by", "sources")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--due", is_flag=True, help="Only resources whose deadline has passed at TIME (never ignored or kept).")
@click.option("--all", "show_all", is_flag=True, help="Include resources silenced by an ignore rule (see ignored_by).")
@account_names_option
@common.at_option
@click.pass_context
def report(ctx: click.Context, fmt: str, due: bool, show_all: bool, account_names: bool, at: str | None) -> None:
    """Show the resources that still exist (or only those due).

    JSON is a list of objects with account, account_name, region, resource_type,
    resource_id, resource_name, arn, created_at, notify_count,
    last_notified_at, next_due_at, owner, deadline, kept_until, ignored_by,
    monthly_cost_usd, tag_problem, override, created_by, created_for_by and sources
    (times ISO 8601 UTC to the second; the README documents every field).

    \b
    Examples:
      leftovers report
      leftovers report --due --format json | jq '.[].arn'
      leftovers report --due --at 2026-12-01T00:00+09:00
      leftovers --config leftovers.toml report --all --format csv
    """
    settings = common.settings(ctx)
    policy, zone = settings.policy, ZoneInfo(settings.timezone)
    when = common.parse_at(at, settings.timezone)
    store = common.store(ctx)
    with policy.remembering():  # the passes below ask about the same records: each is worked out once
        _report(store, policy, zone, when, fmt, due, show_all, names_of(account_names))


def _report(
    store: Store, policy: Policy, zone: ZoneInfo, when: datetime, fmt: str, due: bool, all_: bool,
    names: Mapping[str, str],
) -> None:  # fmt: skip
    scanned = list(store.scan())
    if due:
        # What the store's due() selects, taken from the scan the lag check needs anyway: one read, one decode.
        records = [r for r in scanned if r.next_due_at is not None and r.next_due_at <= when and _due(policy, r, when)]
    else:
        records = [r for r in scanned if all_ or policy.ignored_by(r) is None]
    if lagged := lagging(scanned, policy):  # the shown deadline then follows the stored one: say how to move it
        click.echo(f"{lagged} {LAGGING}", err=True)
    records.sort(key=lambda r: (r.key.resource_type, r.created_at or when, r.key))
    prices = bundled_prices()
    shown = [
        Shown(r, {**report_row(r, names), **policy_fields(r, policy, prices)}, unshown(r, policy, prices))
        for r in records
    ]
    for s in shown:  # one record out of range never stops the report: it is named, and the rest is shown
        created = s.record.created_at
        late = ("created_at",) if created is not None and format_time(created, zone) is None else ()
        for name in (*late, *s.unshown):
            what = neutralise(" ".join(s.record.key[2:]))
            click.echo(f"Warning: {what}: {name} could not be shown (the stored value is out of range)", err=True)
    rows = [s.row for s in shown]
    if fmt == "json":
        click.echo(as_json(rows))
    elif fmt == "csv":
        click.echo(as_csv(rows, ALL_COLUMNS), nl=False)
    elif not shown:
        click.echo(_nothing(scanned, policy, when, due))
    else:
        click.echo(as_table(shown, when, zone))


def _due(policy: Policy, record: Resource, when: datetime) -> bool:
    try:
        return policy.is_due(record, when)
    except ArithmeticError:  # a stored expiry so far out that the deadline overflows: not due in this era
        return False


LAGGING = "stored deadline(s) are later than this policy's: run `leftovers store reindex` to apply it"


def _nothing(records: Iterable[Resource], policy: Policy, when: datetime, due: bool) -> str:
    """What an empty report means: how many are tracked, silenced by ignore rules, kept."""
    tracked = silenced = kept = 0
    for r in records:
        tracked += 1
        if policy.ignored_by(r) is not None:
            silenced += 1
        elif not policy.is_reportable(r, when):
            kept += 1
    parts = [f"{tracked} tracked"]
    if silenced:
        parts.append(f"{silenced} silenced by ignore rules (see --all)")
    if kept:
        parts.append(f"{kept} kept")
    return f"{'Nothing due' if due else 'Nothing to show'}; {', '.join(parts)}."
