"""``leftovers doctor``: what a run would use, and where each setting came from; it changes nothing."""

from __future__ import annotations

from urllib.parse import urlsplit

import click

from leftovers.bootstrap import DYNAMODB_SCHEME, sqlite_path
from leftovers.cli import common
from leftovers.settings import Settings


@click.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Print what a run would use: store, region, account, config, time zone, language, destination.

    Nothing is created or sent. The account is asked of AWS (STS) only when
    credentials resolve; the webhook is shown by its host, never its URL.

    \b
    Examples:
      leftovers doctor
      leftovers doctor --store dynamodb://leftovers --region ap-northeast-1
    """
    from leftovers.adapters import aws_probe

    chosen = common.settings(ctx)
    region = _region(chosen)
    rows = {
        "store": f"{chosen.store} ({_store_state(chosen, region)})",
        "region": region and f"{region} ({_origin(chosen, 'region', 'from the AWS profile')})",
        "account": aws_probe.account(region),
        "config": f"{chosen.config} ({_origin(chosen, 'config', '')})" if chosen.config else "none (defaults)",
        "timezone": chosen.timezone + _from(chosen, "timezone"),
        "language": chosen.policy.language + _from(chosen, "language"),
        "destination": _destination(chosen),
    }
    rows["region"] = rows["region"] or "none (pass --region or set AWS_REGION)"
    for name, value in rows.items():
        click.echo(f"{name + ':':<13}{value}")


def _region(chosen: Settings) -> str | None:
    from leftovers.adapters.aws_region import profile_region

    return chosen.region or profile_region()


def _store_state(chosen: Settings, region: str | None) -> str:
    if chosen.store.startswith(DYNAMODB_SCHEME):
        from leftovers.adapters.aws_probe import table_state

        return table_state(chosen.store.removeprefix(DYNAMODB_SCHEME), region)
    if chosen.store == "memory:":
        return "in memory, gone after the run"
    return "exists" if sqlite_path(chosen.store).exists() else "missing"


def _origin(chosen: Settings, name: str, default: str) -> str:
    where = chosen.origins.get(name)
    return f"from {where}" if where else default


def _from(chosen: Settings, name: str) -> str:
    where = chosen.origins.get(name)
    return f" (from {where})" if where else ""


def _destination(chosen: Settings) -> str:
    if chosen.slack_bot_token:  # app mode wins over a webhook, as in notify
        channel = chosen.slack_channel or "no channel (set LEFTOVERS_SLACK_CHANNEL)"
        token = _origin(chosen, "slack_bot_token", "")
        return f"Slack app (bot token {token}), posting to {channel} and DMs to owners"
    if chosen.slack_webhook_url:
        host = urlsplit(chosen.slack_webhook_url).hostname if chosen.slack_webhook_url.isascii() else None
        at = f"at {host}" if host else "(not a valid URL)"
        return f"Slack webhook {at}{_from(chosen, 'slack_webhook_url')}"
    if chosen.slack_webhook_parameter:
        return f"Slack webhook in SSM parameter {chosen.slack_webhook_parameter} (read by the deployed functions)"
    return "none: notify only previews (set LEFTOVERS_SLACK_WEBHOOK_URL, or use notify --to terminal)"
