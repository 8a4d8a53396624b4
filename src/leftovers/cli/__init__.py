"""The ``leftovers`` command: thin wiring of settings, adapters and the service layer."""

from __future__ import annotations

from typing import Any

import click

from leftovers.cli.actions import actions
from leftovers.cli.backfill import backfill
from leftovers.cli.demo import demo
from leftovers.cli.doctor import doctor
from leftovers.cli.history import history
from leftovers.cli.ingest import ingest
from leftovers.cli.notify import notify
from leftovers.cli.options import add_global_options
from leftovers.cli.reconcile import reconcile
from leftovers.cli.replay import replay
from leftovers.cli.report import report
from leftovers.cli.sources import sources
from leftovers.cli.store import store
from leftovers.core.errors import LeftoversError


class Leftovers(click.Group):
    """Turns every LeftoversError into one line and exit code 1: a user never sees a traceback for bad input."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, translating our errors."""
        try:
            return super().invoke(ctx)
        except LeftoversError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Leftovers, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="leftovers")
def cli() -> None:
    """Leftovers tells you which cloud resources you created and forgot to delete.

    \b
    Feed it AWS Config (or CloudTrail) events, then ask what is still there:
      leftovers ingest events.jsonl
      leftovers report --due
      leftovers notify --slack-webhook-url https://hooks.slack.com/services/...
    Try it first on bundled sample events:
      leftovers demo
    The options below work after any command too: leftovers report --store x.db
    """


for command in (ingest, replay, history, report, notify, reconcile, backfill, sources, store, demo, doctor, actions):
    cli.add_command(command)
add_global_options(cli)


def main() -> None:
    """Console entry point."""
    cli(prog_name="leftovers")
