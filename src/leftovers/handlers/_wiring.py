"""Cold-start wiring for the Lambda handlers: settings read once from the environment, adapters built from them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from leftovers.adapters.config_file import parse_policy
from leftovers.adapters.leases.memory import MemoryRunLease
from leftovers.adapters.notifiers.slack.token import token_problem
from leftovers.adapters.notifiers.slack.url import url_problem
from leftovers.adapters.secrets import SsmSecret
from leftovers.bootstrap import make_notifier, open_store, routed_notifier, with_units_of
from leftovers.core.errors import SettingsError
from leftovers.core.ports import Notifier, Store
from leftovers.core.run_lease import RunLease
from leftovers.core.times import TimeError, parse_iso
from leftovers.handlers._log import service_logger
from leftovers.settings import Settings

if TYPE_CHECKING:
    from leftovers.adapters.accounts.units import AccountUnits

logger, log_handler = service_logger("leftovers")
"""JSON lines on stdout (handlers/_log.py, Powertools' fields); nothing a handler logs contains the webhook URL."""


@dataclass(frozen=True)
class Wiring:
    """What every invocation of a warm function reuses."""

    settings: Settings
    store: Store
    webhook: SsmSecret | None
    lease: RunLease
    bot_token: SsmSecret | None = None
    route_webhooks: dict[str, SsmSecret] = field(default_factory=dict)
    """The webhook parameters routes name (``[routing]``), each read from SSM on first use, then cached."""
    units: AccountUnits = field(default_factory=lambda: _account_units())
    """The organization's OU paths, read once an hour on first use: one reader for the overrides and the routes."""

    def notifier(self) -> Notifier:
        """The run's own notifier, or with ``[routing]`` one digest per route, each to its destination."""
        settings, routing = self.settings, self.settings.policy.routing
        if routing is None:
            return self._main()
        if self.bot_token:  # routes to a channel post with the app's token, whatever the run's own destination
            settings = replace(settings, slack_bot_token=self.bot_token.value())
        path_of = self.units.path_of if routing.needs_units else None
        return routed_notifier(settings, self._main, webhook_url=self._route_webhook, path_of=path_of)

    def _main(self) -> Notifier:
        """E-mail when chosen; else Slack: app mode when a bot token parameter is set, else the webhook (each
        secret read from SSM, cached, unless the environment gives it)."""
        if self.settings.notify_to == "email":
            return make_notifier(self.settings, to="email")
        if self.bot_token:
            return make_notifier(replace(self.settings, slack_bot_token=self.bot_token.value()), to="slack")
        url = self.webhook.value() if self.webhook else self.settings.slack_webhook_url
        if not url:
            raise SettingsError("LEFTOVERS_SLACK_WEBHOOK_PARAMETER", "not set: the notify function needs a webhook")
        return make_notifier(replace(self.settings, slack_webhook_url=url))

    def _route_webhook(self, parameter: str) -> str:
        if parameter not in self.route_webhooks:
            self.route_webhooks[parameter] = SsmSecret(parameter, check=url_problem)
        return self.route_webhooks[parameter].value()


def _account_units() -> AccountUnits:
    from leftovers.adapters.accounts.units import AccountUnits  # reads nothing until an OU is named

    return AccountUnits()


CONFIG_PARAMETER = "LEFTOVERS_CONFIG_PARAMETER"
"""An SSM parameter holding leftovers.toml, for a policy that changes without redeploying (read at cold start)."""
ROUTE_PREFIX = "LEFTOVERS_ROUTE_WEBHOOK_PREFIX"
"""Where the webhook parameters of routes must live: the notify function may read only under it (template.yaml)."""
LEASE_TABLE = "LEFTOVERS_RUN_LEASE_TABLE"
"""The DynamoDB table holding the daily run's lease; without it the lease is this process's own (tests, laptops)."""


def make_lease(table: str | None) -> RunLease:
    """The run lease in ``table``, or in memory."""
    if not table:
        return MemoryRunLease()
    from leftovers.adapters.leases.dynamodb import DynamoDBRunLease  # boto3 only when asked for

    return DynamoDBRunLease(table)


def build(env: dict[str, str]) -> Wiring:
    """Settings from ``LEFTOVERS_*`` variables (a bad value raises, naming the variable) and the adapters.

    The policy comes from ``LEFTOVERS_CONFIG`` (a file bundled with the code) or ``LEFTOVERS_CONFIG_PARAMETER``.
    """
    config = env.get(CONFIG_PARAMETER)
    policy = parse_policy(SsmSecret(config).value(), f"ssm:{config}") if config else None
    units = _account_units()  # one reader of the OU paths for the policy's overrides and the routes
    settings = with_units_of(Settings.load(env=env, policy=policy), units.path_of)
    if settings.notify_to not in (None, "slack", "email"):
        raise SettingsError("LEFTOVERS_NOTIFY_TO", f"must be slack or email, not {settings.notify_to!r}")
    check_routes(settings, env.get(ROUTE_PREFIX))
    webhook, token = settings.slack_webhook_parameter, settings.slack_bot_token_parameter
    return Wiring(
        settings,
        open_store(settings.store),
        SsmSecret(webhook, check=url_problem) if webhook else None,
        make_lease(env.get(LEASE_TABLE)),
        SsmSecret(token, check=token_problem) if token else None,
        units=units,
    )


def check_routes(settings: Settings, prefix: str | None) -> None:
    """Every destination a route names can be reached, else the cold start fails naming the route (rather than the
    digest failing each night): a channel needs the bot token's parameter, a webhook parameter must lie under
    ``prefix`` (when set), the only parameters the notify function may read."""
    routing = settings.policy.routing
    for name, to in routing.every() if routing else ():
        parameter = to.removeprefix("webhook:")
        if to.startswith("slack:") and not (settings.slack_bot_token_parameter or settings.slack_bot_token):
            problem = f"posts to {to}, which needs a Slack app's bot token (SlackBotTokenParameterName)"
            raise SettingsError("routing", f"route {name!r} {problem}")
        if prefix and to.startswith("webhook:") and not parameter.startswith(prefix):
            problem = f"the webhook parameter {parameter} is not under {prefix}, where the notify function may read"
            raise SettingsError("routing", f"route {name!r}: {problem} ({ROUTE_PREFIX})")


@cache
def current() -> Wiring:
    """The wiring of this execution environment, built at the first invocation and then reused."""
    return build(dict(os.environ))


def parse_at(value: object) -> datetime:
    """The run's time: an ISO 8601 string (EventBridge Scheduler's scheduled time), or now when absent."""
    if value is None:
        return datetime.now(UTC)
    if not isinstance(value, str):
        raise SettingsError("at", f"expected an ISO 8601 time, got {type(value).__name__}")
    try:
        return parse_iso(value)
    except TimeError as exc:
        raise SettingsError("at", str(exc)) from None


def parse_run(value: object) -> str | None:
    """The execution that runs this step (the state machine passes its id), or None for a step invoked by hand."""
    if value is None or (isinstance(value, str) and value):
        return value
    raise SettingsError("run", f"expected the execution's id, got {type(value).__name__}")
