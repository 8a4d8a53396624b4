"""``leftovers sources``: which resource types each source covers, and how reconcile and backfill reach them."""

from __future__ import annotations

import json

import click

from leftovers.adapters.inventory.arns import ROWS as ARN_ROWS
from leftovers.adapters.inventory.describe_table import ROWS as DESCRIBE_ROWS
from leftovers.adapters.sources.cloudtrail_table import CALLS
from leftovers.adapters.sources.config_details import DETAILS

COLUMNS = ("Resource type", "CloudTrail calls", "AWS Config", "Reconcile check", "Backfill (tagging)")


def coverage() -> list[dict[str, str]]:
    """One row per type any source or the inventory knows, from the tables themselves."""
    calls: dict[str, set[str]] = {}
    trail_only: set[str] = set()
    for call in CALLS:
        calls.setdefault(call.resource_type, set()).add(call.event)
        if call.note and "CloudTrail only" in call.note:
            trail_only.add(call.resource_type)
    adoptable = {resource_type for _, resource_type in ARN_ROWS}
    types = sorted(set(calls) | set(DETAILS) | set(DESCRIBE_ROWS))
    return [
        {
            "type": t,
            "cloudtrail": ", ".join(sorted(calls.get(t, ()))),
            "config": "no" if t in trail_only else "yes",
            "reconcile": DESCRIBE_ROWS[t].call_name if t in DESCRIBE_ROWS else "Config/tagging (--config)",
            "backfill": "yes" if t in adoptable else "no",
        }
        for t in types
    ]


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
def sources(fmt: str) -> None:
    """List the resource types each source covers.

    AWS Config covers any type its recorder records ("yes" marks the types
    Leftovers knows; "no" the types Config cannot record, which only
    CloudTrail sees). The reconcile column names the call that checks a
    type; backfill adopts the types whose id the tagging API's ARN gives.

    \b
    Examples:
      leftovers sources
      leftovers sources --format markdown > docs/sources.md
    """
    rows = coverage()
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    cells = [COLUMNS, *[tuple(r.values()) for r in rows]]
    if fmt == "markdown":
        click.echo(_markdown(cells, rows))
        return
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    for row in cells:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


def _markdown(cells: list[tuple[str, ...]], rows: list[dict[str, str]]) -> str:
    lines = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in cells]
    lines.insert(1, "|" + "---|" * len(COLUMNS))
    traced = sum(1 for r in rows if r["cloudtrail"])
    only = [r["type"] for r in rows if r["config"] == "no"]
    lines.append("")
    lines.append(
        f"{traced} types through CloudTrail, {len(only)} of them only through CloudTrail ({', '.join(only)}); "
        f"{len(DESCRIBE_ROWS)} types checked by their own describe call."
    )
    return "\n".join(lines)
