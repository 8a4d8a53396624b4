"""``leftovers actions``: answer the Slack app's buttons (Keep / Not mine) from this machine."""

from __future__ import annotations

import logging
import os

import click

from leftovers.adapters.notifiers.slack import answer_rules
from leftovers.cli import common
from leftovers.core.errors import SettingsError


@click.group()
def actions() -> None:
    """Answer the Slack app's Keep / Not mine buttons.

    \b
    Examples:
      LEFTOVERS_SLACK_SIGNING_SECRET=... leftovers actions serve --port 3000
    """


@actions.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=3000, show_default=True, help="Port on 127.0.0.1.")
@click.pass_context
def serve(ctx: click.Context, port: int) -> None:
    """Run the interactivity endpoint on 127.0.0.1, for a tunnel to expose.

    Slack signs every request with the app's signing secret (Basic
    Information in the app's settings): give it in
    LEFTOVERS_SLACK_SIGNING_SECRET. Answers are written to the store the
    settings name; LEFTOVERS_SLACK_ADMINS and LEFTOVERS_KEEP_FOREVER apply as
    in the deployed function. Point the app's Request URL (Interactivity &
    Shortcuts) at the tunnel. Stop with Ctrl-C.

    \b
    Examples:
      leftovers actions serve --port 3000
      cloudflared tunnel --url http://127.0.0.1:3000
    """
    from leftovers.adapters.notifiers.slack.endpoint import Endpoint
    from leftovers.adapters.notifiers.slack.local_server import make_server

    secret = os.environ.get(answer_rules.SIGNING_SECRET, "").strip()
    if not secret:
        raise SettingsError(answer_rules.SIGNING_SECRET, "not set: copy the signing secret from the app's settings")
    env = dict(os.environ)
    chosen = common.settings(ctx)
    endpoint = Endpoint(
        lambda: secret,
        common.store(ctx),
        chosen.policy,
        answer_rules.rules(env),
        response_urls=answer_rules.response_urls(env),
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        server = make_server(endpoint, port)
    except OSError as exc:
        raise SettingsError("--port", f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    click.echo(f"Answering Slack's buttons at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
