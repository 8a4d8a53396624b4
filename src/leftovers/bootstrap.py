"""Wiring: the one place that chooses adapters for the ports, from settings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.adapters.price_file import bundled_prices
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.errors import SettingsError
from leftovers.core.policy_report import describer
from leftovers.core.ports import Inventory, Notifier, Store
from leftovers.settings import Settings

DYNAMODB_SCHEME = "dynamodb://"


def open_store(url: str) -> Store:
    """A store for ``url``: a SQLite path (or ``sqlite:///path``), ``dynamodb://TABLE`` or ``memory:``."""
    if url.startswith(DYNAMODB_SCHEME):
        from leftovers.adapters.stores.dynamodb import open_dynamodb_store  # boto3 only when asked for

        return open_dynamodb_store(url)
    if url == "memory:":
        return MemoryStore()
    if "://" in url and not url.startswith("sqlite://"):
        raise SettingsError("--store", f"unknown store {url.split('://')[0]!r} (use a path, sqlite:// or dynamodb://)")
    from leftovers.adapters.stores.sqlite import SQLiteStore

    return SQLiteStore(Path(url.removeprefix("sqlite://")).expanduser())


def init_store(url: str) -> str:
    """Create the store ``url`` names (a DynamoDB table as template.yaml defines it); say what was done."""
    if url.startswith(DYNAMODB_SCHEME):
        import boto3

        from leftovers.adapters.stores.dynamodb import open_dynamodb_store
        from leftovers.adapters.stores.dynamodb_schema import create_table

        table = open_dynamodb_store(url).table  # validates the name before any AWS call
        create_table(boto3.client("dynamodb"), table)
        return f"Created DynamoDB table {table}."
    open_store(url)  # SQLite creates its file and schema on open
    return f"Store ready: {url}"


def make_inventory(rate: float = 10.0, *, use_config: bool = False, use_tagging: bool = True) -> Inventory:
    """The live AWS inventory reconcile asks (each type's describe call, then Config when asked, then the tagging
    API), at most ``rate`` calls a second; clients come from the standard AWS environment, on first use."""
    from leftovers.adapters.inventory import AwsInventory, Clients, RateLimiter  # botocore only when asked for

    clients = Clients(limiter=RateLimiter(rate, burst=max(1, int(rate))))
    return AwsInventory(clients, use_config=use_config, use_tagging=use_tagging)


def make_notifier(settings: Settings, stream: TextIO | None = None) -> Notifier:
    """Slack when a webhook URL is set, else the terminal."""
    if settings.slack_webhook_url:
        from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier

        return SlackWebhookNotifier(settings.slack_webhook_url)
    return TerminalNotifier(stream)


def notify_options(settings: Settings, at: datetime, slack: bool, group_by: str = "type") -> dict[str, Any]:
    """What a notify run adds to the digest: policy filtering, owners, costs (most expensive first), language."""
    return {
        "describe": describer(settings.policy, bundled_prices(), at),
        "language": settings.policy.language,
        "group_by": group_by,
        "order": "cost",
        "show_cost": True,
    }
