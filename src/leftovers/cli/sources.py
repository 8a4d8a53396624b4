"""``leftovers sources``: which resource types each source covers, and how reconcile and backfill reach them."""

from __future__ import annotations

import json
from typing import Any

import click

from leftovers.core.model import ChangeKind
from leftovers.resources import ResourceType, all_calls, all_types

COLUMNS = (
    "Resource type", "CloudTrail calls", "CloudTrail tag calls", "AWS Config", "Reconcile check", "Backfill (tagging)",
)  # fmt: skip
# Calls of the tagging API (TagResources, UntagResources) change the tags of every type with an ARN shape.
ANY_TYPE = "*"
CLOUD_CONTROL = "cloudcontrol:GetResource"
NO_CHECK = "Config/tagging (--config)"


def _check(t: ResourceType) -> str:
    if t.check is not None:
        return t.check.call_name
    return CLOUD_CONTROL if t.cloudcontrol_id is not None else NO_CHECK


def coverage() -> list[dict[str, Any]]:
    """One row per type the resource registry declares: lists and booleans, as ``--format json`` prints them."""
    any_type = {call.event for call in all_calls() if call.resource_type == ANY_TYPE}
    return [
        {
            "type": t.type,
            "cloudtrail": sorted({call.event for call in t.calls if call.kind is not ChangeKind.UPDATED}),
            "cloudtrail_tags": sorted(
                {call.event for call in t.calls if call.kind is ChangeKind.UPDATED}
                | (any_type if t.arn is not None else set())
            ),
            "config": t.config,
            "reconcile": _check(t),
            "backfill": t.arn is not None,
        }
        for t in sorted(all_types(), key=lambda t: t.type)
    ]


def _cells(row: dict[str, Any]) -> tuple[str, ...]:
    def text(value: Any) -> str:
        if isinstance(value, bool):
            return "yes" if value else "no"
        return ", ".join(value) if isinstance(value, list) else str(value)

    return tuple(text(value) for value in row.values())


def markdown() -> str:
    """The coverage table in Markdown with a one-line summary (the README's table, ``make regen``)."""
    rows = coverage()
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(row)) + " |" for row in rows]
    traced = [r for r in rows if r["cloudtrail"]]
    only = [r["type"] for r in traced if not r["config"]]
    described = sum(1 for r in rows if r["reconcile"] not in (CLOUD_CONTROL, NO_CHECK))
    generic = sum(1 for r in rows if r["reconcile"] == CLOUD_CONTROL)
    lines += [
        "",
        f"{len(traced)} types through CloudTrail, {len(only)} of them only through CloudTrail ({', '.join(only)}); "
        f"{described} types checked by their own describe call, {generic} through Cloud Control.",
    ]
    return "\n".join(lines)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
def sources(fmt: str) -> None:
    """List the resource types each source covers.

    AWS Config covers any type its recorder records ("yes" marks the types
    Leftovers knows that Config can record; "no" the types only CloudTrail
    sees). Tag calls change the tags of a tracked resource (keep and expiry
    tags then work with CloudTrail alone). The reconcile column names the call
    that checks a type; backfill adopts the types whose id the tagging API's
    ARN gives. With --format json the calls are lists and yes/no booleans.

    \b
    Examples:
      leftovers sources
      leftovers sources --format markdown > docs/sources.md
      leftovers sources --format json | jq '.[] | select(.config | not) | .type'
    """
    if fmt == "json":
        click.echo(json.dumps(coverage(), indent=2))
        return
    if fmt == "markdown":
        click.echo(markdown())
        return
    cells = [COLUMNS, *[_cells(row) for row in coverage()]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    for row in cells:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
