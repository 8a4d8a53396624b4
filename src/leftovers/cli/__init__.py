"""The ``leftovers`` command: thin wiring of settings, adapters and the service layer."""

from __future__ import annotations

import os
from typing import Any

import click

from leftovers.cli.backfill import backfill
from leftovers.cli.demo import demo
from leftovers.cli.history import history
from leftovers.cli.ingest import ingest
from leftovers.cli.notify import notify
from leftovers.cli.reconcile import reconcile
from leftovers.cli.replay import replay
from leftovers.cli.report import report
from leftovers.cli.sources import sources
from leftovers.cli.store import store
from leftovers.core.errors import LeftoversError
from leftovers.settings import Settings


class Leftovers(click.Group):
    """Turns every LeftoversError into one line and exit code 1: a user never sees a traceback for bad input."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, translating our errors."""
        try:
            return super().invoke(ctx)
        except LeftoversError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Leftovers, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "--db",
    "store",
    metavar="PATH|URL",
    help="SQLite file (default in your data directory), "
    "sqlite:///PATH or dynamodb://TABLE. Env: LEFTOVERS_STORE or LEFTOVERS_DB.",
)
@click.option(
    "--timezone", metavar="ZONE", help="IANA time zone for times shown (default UTC). Env: LEFTOVERS_TIMEZONE."
)
@click.option(
    "--grace",
    metavar="DURATION",
    help="Wait this long after creation before the first notice (default 0; e.g. 12h, 2d). Env: LEFTOVERS_GRACE.",
)
@click.option(
    "--reminder",
    metavar="DURATION",
    help="Remind again after this long (default 7d; 'never' = once). Env: LEFTOVERS_REMINDER.",
)
@click.option(
    "--language", type=click.Choice(["en", "ja"]), help="Digest language (default en). Env: LEFTOVERS_LANGUAGE."
)
@click.option(
    "--config",
    metavar="FILE",
    help="A leftovers.toml with deadlines, ignore rules and owners "
    "(see leftovers.example.toml). Env: LEFTOVERS_CONFIG.",
)
@click.version_option(package_name="leftovers")
@click.pass_context
def cli(ctx: click.Context, /, **flags: str | None) -> None:
    """Leftovers tells you which cloud resources you created and forgot to delete.

    \b
    Feed it AWS Config (or CloudTrail) events, then ask what is still there:
      leftovers ingest events.jsonl
      leftovers report --due
      leftovers notify --slack-webhook-url https://hooks.slack.com/services/...
    Try it first on bundled sample events:
      leftovers demo
    """
    ctx.obj = _Lazy(flags)


class _Lazy:
    """Settings are read once, when a command first needs them (so ``--help`` never fails on a bad variable)."""

    def __init__(self, flags: dict[str, str | None]) -> None:
        self.flags = flags
        self._settings: Settings | None = None

    def settings(self, **more: Any) -> Settings:
        """The settings, with the command's own flags added."""
        if self._settings is None or more:
            self._settings = Settings.load({**self.flags, **more}, os.environ)
        return self._settings


for command in (ingest, replay, history, report, notify, reconcile, backfill, sources, store, demo):
    cli.add_command(command)


def main() -> None:
    """Console entry point."""
    cli(prog_name="leftovers")
