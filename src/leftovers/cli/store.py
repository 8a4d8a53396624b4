"""``leftovers store``: set up the store the settings name."""

from __future__ import annotations

import click

from leftovers.bootstrap import init_store
from leftovers.cli import common


@click.group()
def store() -> None:
    """Manage the store (SQLite file or DynamoDB table).

    \b
    Example:
      leftovers store init --store dynamodb://leftovers-dev
    """


@store.command("init")
@click.option("--store", "url", metavar="PATH|URL", help="The store to create (default: the one the settings name).")
@click.pass_context
def init(ctx: click.Context, url: str | None) -> None:
    """Create the store if it does not exist yet.

    A DynamoDB table is created exactly as template.yaml defines it (keys,
    due index, on-demand billing, TTL, point-in-time recovery), so local
    experiments match a deployed stack. The standard AWS variables apply
    (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL).

    \b
    Examples:
      leftovers store init --store dynamodb://leftovers-dev
      leftovers store init --store ~/leftovers.db
    """
    target = url or common.settings(ctx).store
    click.echo(init_store(target))
