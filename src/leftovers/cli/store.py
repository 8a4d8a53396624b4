"""``leftovers store``: set up the store the settings name."""

from __future__ import annotations

import click

from leftovers.bootstrap import init_store
from leftovers.cli import common
from leftovers.service import reindex as service


@click.group()
def store() -> None:
    """Manage the store (SQLite file or DynamoDB table).

    \b
    Examples:
      leftovers store init --store dynamodb://leftovers-dev
      leftovers --config leftovers.toml store reindex
    """


@store.command("init")
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the store if it does not exist yet (--store names it).

    A DynamoDB table is created exactly as template.yaml defines it (keys,
    due index, on-demand billing, TTL, point-in-time recovery), so local
    experiments match a deployed stack; an existing table is checked for
    the same keys and index instead. The standard AWS variables apply
    (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL), and --region.

    \b
    Examples:
      leftovers store init --store dynamodb://leftovers-dev
      leftovers store init --store ~/leftovers.db
    """
    chosen = common.settings(ctx)
    click.echo(init_store(chosen.store, chosen.region))


@store.command("reindex")
@click.option("--dry-run", is_flag=True, help="Say how many deadlines would move; change nothing.")
@click.pass_context
def reindex(ctx: click.Context, dry_run: bool) -> None:
    """Recompute every deadline under the current settings and config.

    Run it after changing leftovers.toml (or --grace, --reminder): a deadline
    is stored when a change arrives, so a shorter grace period would reach
    records only at their next change. Works on the deployed table too.

    \b
    Examples:
      leftovers --config leftovers.toml store reindex --dry-run
      leftovers --store dynamodb://leftovers --config leftovers.toml store reindex
    """
    result = service.reindex(common.store(ctx), common.settings(ctx).policy, dry_run=dry_run)
    moved = f"{result.moved} would move (dry run: nothing changed)" if dry_run else f"{result.moved} moved"
    click.echo(f"Checked {result.checked} deadlines: {moved}.")
