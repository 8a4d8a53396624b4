"""Wiring: the one place that chooses adapters for the ports, from settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from leftovers.adapters.console import console_url
from leftovers.adapters.notifiers.preview import Preview, SlackPreview
from leftovers.adapters.notifiers.routed import RoutedNotifier
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.adapters.price_file import bundled_prices
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.adapters.stores.missing import missing_store
from leftovers.core.errors import SettingsError
from leftovers.core.policy import Policy
from leftovers.core.policy_report import describer
from leftovers.core.policy_scopes import Units
from leftovers.core.ports import Inventory, Notifier, Store
from leftovers.core.routing import MAIN
from leftovers.settings import Settings

DYNAMODB_SCHEME = "dynamodb://"


def open_store(url: str, region: str | None = None, *, create: bool = True) -> Store:
    """A store for ``url``: a SQLite path (or ``sqlite:///path``), ``dynamodb://TABLE`` or ``memory:``.

    ``create=False`` (reading commands) refuses a SQLite file that does not exist rather than making one, so a
    mistyped path is an error, not an empty report. A DynamoDB table is never created here.
    """
    if url.startswith(DYNAMODB_SCHEME):
        from leftovers.adapters.stores.dynamodb import open_dynamodb_store  # boto3 only when asked for

        return open_dynamodb_store(url, region=region)
    if url == "memory:":
        return MemoryStore()
    path = sqlite_path(url)
    if not create and not path.exists():
        raise missing_store(str(path))
    from leftovers.adapters.stores.sqlite import SQLiteStore

    return SQLiteStore(path)


def sqlite_path(url: str) -> Path:
    """The file a SQLite store URL or path names; SettingsError for a scheme that is no store."""
    if "://" in url and not url.startswith("sqlite://"):
        raise SettingsError("--store", f"unknown store {url.split('://')[0]!r} (use a path, sqlite:// or dynamodb://)")
    return Path(url.removeprefix("sqlite://")).expanduser()


def init_store(url: str, region: str | None = None) -> str:
    """Create the store ``url`` names unless it exists (a DynamoDB table as template.yaml defines it, checked when
    it exists already); say what was done."""
    if url.startswith(DYNAMODB_SCHEME):
        from leftovers.adapters.stores.dynamodb import open_dynamodb_store
        from leftovers.adapters.stores.dynamodb.schema import ensure_table

        store = open_dynamodb_store(url, region=region)  # validates the name before any AWS call
        if ensure_table(store.client, store.table):
            return f"Created DynamoDB table {store.table}."
        return f"Store ready: DynamoDB table {store.table} (already there)."
    open_store(url)  # SQLite creates its file and schema on open
    return f"Store ready: {url}"


def make_inventory(
    rate: float = 10.0, *, use_config: bool = False, use_tagging: bool = True, member_role: str | None = None
) -> Inventory:
    """The live AWS inventory reconcile asks (each type's describe call, then Config when asked, then the tagging
    API), at most ``rate`` calls a second; clients come from the standard AWS environment, on first use. With
    ``member_role`` (organization mode) each record is checked in its own account through that assumed role."""
    if member_role:
        from leftovers.adapters.accounts.inventory import organization_inventory

        return organization_inventory(member_role, rate=rate, use_config=use_config, use_tagging=use_tagging)
    from leftovers.adapters.inventory import AwsInventory, Clients, RateLimiter  # botocore only when asked for

    clients = Clients(limiter=RateLimiter(rate, burst=max(1, int(rate))))
    return AwsInventory(clients, use_config=use_config, use_tagging=use_tagging)


def with_units(policy: Policy, units: Units | None = None) -> Policy:
    """The policy, able to place accounts in OUs when an override names one: ``units``, else AWS Organizations
    (read on first use, once an hour). A refusal then stops the run with UnitsUnavailable's one line, never
    falling back to the base policy."""
    if not policy.needs_units or policy.units is not None:
        return policy
    if units is None:
        from leftovers.adapters.accounts.units import AccountUnits

        units = AccountUnits().path_of
    return replace(policy, units=units)


def with_units_of(settings: Settings, units: Units | None = None) -> Settings:
    """``settings`` with ``with_units`` applied to their policy."""
    policy = with_units(settings.policy, units)
    return settings if policy is settings.policy else replace(settings, policy=policy)


DESTINATIONS = ("slack", "email", "terminal")


def destination(settings: Settings, to: str | None = None) -> str | None:
    """Where notify delivers: the one chosen (``--to``), else Slack when a bot token or webhook is set, else
    ``None``: no destination, so notify only previews (a job that lost its webhook must not use up the notices)."""
    routing = settings.policy.routing
    # Every route (and the default) names its own destination: the run needs no webhook or channel of its own.
    off_main = routing is not None and all(to != MAIN for _, to in routing.every())
    slack = settings.slack_bot_token or settings.slack_webhook_url or off_main
    if to == "slack" and not slack:
        raise SettingsError(
            "--to slack", "no bot token or webhook: set LEFTOVERS_SLACK_BOT_TOKEN or LEFTOVERS_SLACK_WEBHOOK_URL"
        )
    if to == "email" and not settings.email_sender:
        raise SettingsError("--to email", "no sender: set LEFTOVERS_EMAIL_SENDER (an SES-verified address)")
    where = to or ("slack" if slack else None)
    if where == "slack" and settings.slack_bot_token and not settings.slack_channel and not off_main:
        raise SettingsError("--slack-channel", "required with a bot token (a channel id such as C0123ABCD)")
    return where


def make_notifier(settings: Settings, stream: TextIO | None = None, to: str | None = None) -> Notifier:
    """E-mail when chosen; else Slack (app mode with a bot token, else the webhook) unless ``to`` chooses the
    terminal; else the terminal."""
    policy = settings.policy
    if to == "email" and settings.email_sender:
        from leftovers.adapters.notifiers.email.ses import SesNotifier

        return SesNotifier(
            settings.email_sender,
            addresses=policy.email_addresses,
            fallback=settings.email_fallback,
            region=settings.region,
        )
    if settings.slack_bot_token and to != "terminal":
        from leftovers.adapters.notifiers.slack.app import DEFAULT_API_URL, SlackAppNotifier
        from leftovers.adapters.notifiers.slack.app_render import Layout

        layout = Layout(settings.slack_channel or "", policy.keep_forever_button, policy.thread_after)
        return SlackAppNotifier(
            settings.slack_bot_token,
            layout,
            api_url=settings.slack_api_url or DEFAULT_API_URL,
            addresses=policy.email_addresses,
        )
    if settings.slack_webhook_url and to != "terminal":
        from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier

        return SlackWebhookNotifier(settings.slack_webhook_url)
    return TerminalNotifier(stream)


def routed_notifier(
    settings: Settings,
    main: Callable[[], Notifier],
    *,
    terminal: bool = False,
    preview: bool = False,
    stream: TextIO | None = None,
    webhook_url: Callable[[str], str] | None = None,
    path_of: Callable[[str], tuple[str, ...]] | None = None,
) -> Notifier:
    """``main()`` without ``[routing]``; else one digest per route, each with its destination's own notifier:
    ``main()`` for "main", an app notifier on the channel for "slack:C…" (the run's bot token), a webhook notifier
    with the URL ``webhook_url`` reads (SSM by default) for "webhook:/parameter". With ``terminal`` every route is
    printed; with ``preview`` nothing is sent. OU paths come from Organizations only if a route names an OU."""
    routing = settings.policy.routing
    if routing is None:
        return main()
    to_channels = [(name, to) for name, to in routing.every() if to.startswith("slack:")]
    if to_channels and not terminal and not settings.slack_bot_token:
        name, to = to_channels[0]
        problem = "which needs a Slack app's bot token (LEFTOVERS_SLACK_BOT_TOKEN or --slack-token)"
        raise SettingsError("routing", f"route {name!r} posts to {to}, {problem}")
    read = webhook_url or _ssm_webhook_url

    def notifier_for(to: str) -> Notifier:
        kind, _, target = to.partition(":")
        if to == MAIN:
            return main()
        if terminal:
            return TerminalNotifier(stream)
        if kind == "slack":
            app = make_notifier(replace(settings, slack_channel=target), stream, "slack")
            return Preview(app) if preview else app
        if preview:
            return SlackPreview()  # what the webhook would get, without reading its URL
        return make_notifier(replace(settings, slack_bot_token=None, slack_webhook_url=read(target)), stream, "slack")

    if path_of is None and routing.needs_units:  # the policy's reader when an override names an OU: one read
        from leftovers.adapters.accounts.units import AccountUnits

        path_of = settings.policy.units or AccountUnits().path_of
    return RoutedNotifier(routing, notifier_for, path_of or (lambda account: ()))


def _ssm_webhook_url(parameter: str) -> str:
    from leftovers.adapters.notifiers.slack.url import url_problem
    from leftovers.adapters.secrets import SsmSecret  # botocore only when a route needs it

    return SsmSecret(parameter, check=url_problem).value()


def notify_options(settings: Settings, at: datetime, group_by: str = "type") -> dict[str, Any]:
    """What a notify run adds to the digest: policy filtering, owners, costs (most expensive first), language."""
    return {
        "describe": describer(settings.policy, bundled_prices(), at, links=console_url),
        "language": settings.policy.language,
        "group_by": group_by,
        "order": "cost",
        "show_cost": True,
    }
