"""``leftovers notify``: the scheduled job."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable

import click

from leftovers.adapters.notifiers.preview import Preview, SlackPreview
from leftovers.adapters.notifiers.slack.app_render import META
from leftovers.bootstrap import DESTINATIONS, destination, make_notifier, notify_options, routed_notifier
from leftovers.cli import common
from leftovers.cli.account_names import account_names as names_of
from leftovers.cli.account_names import account_names_option
from leftovers.core.ports import Message, Notifier
from leftovers.core.routing import RoutedMessage
from leftovers.service import notify as service
from leftovers.settings import Settings


@click.command()
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print exactly what would be sent (Slack's payloads unless --to terminal); change nothing.",
)
@click.option(
    "--slack-webhook-url",
    metavar="URL",
    help="Slack incoming webhook (a secret: prefer the env "
    "LEFTOVERS_SLACK_WEBHOOK_URL). Without one, notify only previews the digest and marks nothing.",
)
@click.option(
    "--slack-token",
    metavar="TOKEN",
    help="A Slack app's bot token (xoxb-…; a secret: prefer the env LEFTOVERS_SLACK_BOT_TOKEN): app mode, "
    "with a DM to each owner and Keep / Not mine buttons. Needs --slack-channel.",
)
@click.option(
    "--slack-channel",
    metavar="ID",
    help="The channel app mode posts to (env LEFTOVERS_SLACK_CHANNEL): what it cannot send to an owner directly.",
)
@click.option(
    "--email-sender",
    metavar="ADDRESS",
    help="The SES-verified address '--to email' sends from (env LEFTOVERS_EMAIL_SENDER).",
)
@click.option(
    "--to",
    type=click.Choice(DESTINATIONS),
    help="Where to deliver (default: Slack when a bot token or webhook is set); '--to email' sends each owner"
    " their part with SES; '--to terminal' prints the digest and marks it.",
)
@click.option(
    "--group-by",
    type=click.Choice(["type", "owner"]),
    default="type",
    show_default=True,
    help="Group the digest by resource type or by owner.",
)
@account_names_option
@common.at_option
@click.pass_context
def notify(
    ctx: click.Context,
    dry_run: bool,
    slack_webhook_url: str | None,
    slack_token: str | None,
    slack_channel: str | None,
    email_sender: str | None,
    to: str | None,
    group_by: str,
    account_names: bool,
    at: str | None,
) -> None:
    """Tell which leftovers are due, then mark them notified.

    A resource is marked only after the message naming it was accepted; if
    Slack fails half-way the rest stays due for the next run, the command
    says how many were not sent, and exits 1. Without a destination (no
    webhook, no --to) the digest is only previewed: nothing is marked, so a
    job that lost its webhook does not use up the notices.

    With [routing] in the config file, each route's digest goes to its own
    destination; a resource is marked once every route naming it accepted
    it, and a failing destination does not stop the others.

    \b
    Examples:
      leftovers notify --dry-run
      LEFTOVERS_SLACK_WEBHOOK_URL=https://hooks.slack.com/services/... leftovers notify
      LEFTOVERS_SLACK_BOT_TOKEN=xoxb-... leftovers notify --slack-channel C0123ABCD
      leftovers notify --to email --email-sender leftovers@example.com
      leftovers notify --to terminal   # print the digest and mark it told
    """
    settings = common.settings(
        ctx,
        slack_webhook_url=slack_webhook_url,
        slack_bot_token=slack_token,
        slack_channel=slack_channel,
        email_sender=email_sender,
    )
    when = common.parse_at(at, settings.timezone)
    where = destination(settings, to)
    terminal = where == "terminal" or (where is None and not dry_run)
    notifier = routed_notifier(
        settings, lambda: _notifier(settings, where, dry_run), terminal=terminal, preview=dry_run, stream=sys.stdout
    )
    options = notify_options(settings, when, group_by=group_by)
    options["account_names"] = names_of(account_names)
    result = service.run(
        common.store(ctx), notifier, settings.policy, when, settings.timezone, dry_run=dry_run or not where, **options
    )
    if dry_run:
        _show(result.previews, _preview)
        click.echo(f"Dry run: {result.messages} message(s) naming {result.due} leftover(s) would be sent.")
        return
    if where is None:
        _show(result.previews, lambda message: message.text)
        if result.due == 0:
            click.echo("Nothing is due.")
        click.echo(
            "Preview only: no destination (set LEFTOVERS_SLACK_WEBHOOK_URL, or pass --to terminal to mark what is"
            " printed as told); nothing was marked.",
            err=True,
        )
        return
    if result.due == 0:
        click.echo("Nothing is due.")
        return
    click.echo(f"Sent {result.messages} message(s) naming {len(result.sent)} leftover(s).")
    for route in result.routes:
        failed = ", then failed" if route.error else ""
        click.echo(f"  route {route.name} -> {route.to}: {route.accepted} message(s) accepted{failed}")
    if result.error is not None:
        click.echo(f"Error: {len(result.unsent)} leftover(s) not sent, still due: {result.error}", err=True)
        ctx.exit(1)


def _notifier(settings: Settings, where: str | None, dry_run: bool) -> Notifier:
    """The notifier for this run: a dry run shows what Slack would get (webhook or not) unless the terminal was
    chosen; a run without a destination previews the terminal digest. Each notifier renders owners its own way."""
    if dry_run and where in ("email", "slack") and (where == "email" or settings.slack_bot_token):
        return Preview(make_notifier(settings, sys.stdout, where))
    if dry_run and where != "terminal":
        return SlackPreview()
    return make_notifier(settings, sys.stdout, where or "terminal")


def _show(messages: Iterable[Message], text: Callable[[Message], str]) -> None:
    """Print each message; a routed run names route and destination on a line before each route's messages."""
    last = None
    for message in messages:
        route = (message.route, message.to) if isinstance(message, RoutedMessage) else None
        if route and route != last:
            click.echo(f"--- route {route[0]} -> {route[1]} ---")
        last = route
        click.echo(text(message))


def _preview(message: Message) -> str:
    # Without the app notifier's own routing notes (thread links, a DM's fallback): what Slack or SES would get.
    payload = {k: v for k, v in message.payload.items() if k != META}
    return json.dumps(payload, indent=2, ensure_ascii=False) if payload else message.text
