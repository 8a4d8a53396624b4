"""``leftovers sources``: which resource types each source covers, and how reconcile and backfill reach them."""

from __future__ import annotations

import json

import click

from leftovers.adapters.inventory.describe_table import ROWS as DESCRIBE_ROWS
from leftovers.resources import all_types

COLUMNS = ("Resource type", "CloudTrail calls", "AWS Config", "Reconcile check", "Backfill (tagging)")


def coverage() -> list[dict[str, str]]:
    """One row per type the resource registry declares, from the declarations themselves."""
    return [
        {
            "type": t.type,
            "cloudtrail": ", ".join(sorted({call.event for call in t.calls})),
            "config": "yes" if t.config else "no",
            "reconcile": t.check.call_name if t.check is not None else "Config/tagging (--config)",
            "backfill": "yes" if t.arn is not None else "no",
        }
        for t in sorted(all_types(), key=lambda t: t.type)
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
    only = [r["type"] for r in rows if r["config"] == "no" and r["cloudtrail"]]
    lines.append("")
    lines.append(
        f"{traced} types through CloudTrail, {len(only)} of them only through CloudTrail ({', '.join(only)}); "
        f"{len(DESCRIBE_ROWS)} types checked by their own describe call."
    )
    return "\n".join(lines)
