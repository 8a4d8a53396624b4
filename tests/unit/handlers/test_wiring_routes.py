"""The notify function's cold start refuses a route whose webhook parameter it could not read (outside the prefix
the template grants), naming the route; inside the prefix, or with no prefix given (laptops, tests), it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from leftovers.core.errors import SettingsError
from leftovers.core.routing import MAIN
from leftovers.handlers import _wiring
from tests.support.routing import routing_toml

POLICY = """\
[routing]
default = "webhook:/leftovers/routes/everyone"

[[routing.route]]
name = "team-a"
to = "webhook:{team_a}"
tags = {{ team = "a" }}
"""


def build(tmp_path: Path, team_a: str, prefix: str | None) -> _wiring.Wiring:
    config = tmp_path / "leftovers.toml"
    config.write_text(POLICY.format(team_a=team_a))
    env = {"LEFTOVERS_STORE": "memory:", "LEFTOVERS_CONFIG": str(config)}
    return _wiring.build({**env, **({_wiring.ROUTE_PREFIX: prefix} if prefix else {})})


def test_a_route_webhook_outside_the_prefix_fails_the_cold_start_naming_the_route(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        build(tmp_path, "/leftovers/slack-webhook-url", "/leftovers/routes/")
    assert str(caught.value) == (
        "routing: route 'team-a': the webhook parameter /leftovers/slack-webhook-url is not under /leftovers/routes/,"
        " where the notify function may read (LEFTOVERS_ROUTE_WEBHOOK_PREFIX)"
    )


def test_route_webhooks_under_the_prefix_or_without_one_start(tmp_path: Path) -> None:
    routing = build(tmp_path, "/leftovers/routes/team-a", "/leftovers/routes/").settings.policy.routing
    assert routing is not None
    assert [r.to for r in routing.routes] == ["webhook:/leftovers/routes/team-a"]
    assert build(tmp_path, "/anywhere/else", None).settings.policy.routing is not None


def test_a_route_to_a_channel_without_a_bot_token_parameter_fails_the_cold_start(tmp_path: Path) -> None:
    config = tmp_path / "leftovers.toml"
    config.write_text(routing_toml(MAIN, {"name": "ops", "to": "slack:C0OPS1", "owners": "x"}))
    env = {"LEFTOVERS_STORE": "memory:", "LEFTOVERS_CONFIG": str(config)}
    with pytest.raises(SettingsError) as caught:
        _wiring.build(env)
    assert str(caught.value) == (
        "routing: route 'ops' posts to slack:C0OPS1, which needs a Slack app's bot token (SlackBotTokenParameterName)"
    )
    wiring = _wiring.build({**env, "LEFTOVERS_SLACK_BOT_TOKEN_PARAMETER": "/leftovers/bot-token"})
    assert wiring.bot_token is not None
