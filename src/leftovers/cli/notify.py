"""``leftovers notify``: the scheduled job."""

from __future__ import annotations

import json
import sys

import click

from leftovers.bootstrap import make_notifier, notify_options
from leftovers.cli import common
from leftovers.core.ports import Message
from leftovers.service import notify as service


@click.command()
@click.option("--dry-run", is_flag=True, help="Print exactly what would be sent; change nothing.")
@click.option(
    "--slack-webhook-url",
    metavar="URL",
    help="Slack incoming webhook (a secret: prefer the env "
    "LEFTOVERS_SLACK_WEBHOOK_URL). Without one the digest is printed here.",
)
@click.option(
    "--group-by",
    type=click.Choice(["type", "owner"]),
    default="type",
    show_default=True,
    help="Group the digest by resource type or by owner.",
)
@common.at_option
@click.pass_context
def notify(ctx: click.Context, dry_run: bool, slack_webhook_url: str | None, group_by: str, at: str | None) -> None:
    """Tell which leftovers are due, then mark them notified.

    A resource is marked only after the message naming it was accepted; if
    Slack fails half-way the rest stays due for the next run, the command
    says how many were not sent, and exits 1.

    \b
    Examples:
      leftovers notify --dry-run
      LEFTOVERS_SLACK_WEBHOOK_URL=https://hooks.slack.com/services/... leftovers notify
    """
    settings = common.settings(ctx, slack_webhook_url=slack_webhook_url)
    when = common.parse_at(at, settings.timezone)
    notifier = make_notifier(settings, sys.stdout)
    options = notify_options(settings, when, slack=bool(settings.slack_webhook_url), group_by=group_by)
    result = service.run(
        common.store(ctx), notifier, settings.policy, when, settings.timezone, dry_run=dry_run, **options
    )
    if dry_run:
        for message in result.previews:
            click.echo(_preview(message))
        click.echo(f"Dry run: {result.messages} message(s) naming {result.due} leftover(s) would be sent.")
        return
    if result.due == 0:
        click.echo("Nothing is due.")
        return
    click.echo(f"Sent {result.messages} message(s) naming {len(result.sent)} leftover(s).")
    if result.error is not None:
        click.echo(f"Error: {len(result.unsent)} leftover(s) not sent, still due: {result.error}", err=True)
        ctx.exit(1)


def _preview(message: Message) -> str:
    return json.dumps(message.payload, indent=2, ensure_ascii=False) if message.payload else message.text
