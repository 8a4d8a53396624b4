"""``leftovers notify --slack-token``: app mode through the real CLI, against the local Slack Web API fake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leftovers.adapters.notifiers.slack import actions
from tests.support.cli import Run, run  # noqa: F401 (the run fixture)
from tests.support.slack_api import TOKEN, SlackApi
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"
CHANNEL = "C0LEFTOVERS"


@pytest.fixture
def env(slack_api: SlackApi, tmp_path: Path) -> dict[str, str]:
    """App mode's variables, a config mapping taro to his Slack user, and hanako known to Slack by e-mail."""
    slack_api.add_user("hanako@example.com", "U0HANAKO")
    slack_api.add_user("taro@example.com", "U0TARO")
    config = tmp_path / "leftovers.toml"
    config.write_text('[slack_users]\ntaro = "U0TARO"\n\n[slack_app]\nkeep_forever = false\n')
    return {"LEFTOVERS_SLACK_API_URL": slack_api.url, "LEFTOVERS_CONFIG": str(config)}


def owners(run: Run, env: dict[str, str]) -> None:  # noqa: F811
    events = [config_event(1, Owner="hanako@example.com"), config_event(2, Owner="taro"), config_event(3)]
    assert run("ingest", "-", input=jsonl(events), env=env).exit_code == 0


def counts(run: Run, env: dict[str, str]) -> dict[str, int]:  # noqa: F811
    rows = json.loads(run("report", "--format", "json", "--all", env=env).stdout)
    return {r["resource_name"]: r["notify_count"] for r in rows}


def names(post: dict[str, object]) -> list[str]:
    return [n for n in ("synthetic-1", "synthetic-2", "synthetic-3") if n in json.dumps(post)]


def test_owners_get_dms_with_buttons_and_the_rest_goes_to_the_channel(
    run: Run,  # noqa: F811
    env: dict[str, str],
    slack_api: SlackApi,
) -> None:
    owners(run, env)
    result = run("notify", "--at", NIGHT, "--slack-token", TOKEN, "--slack-channel", CHANNEL, env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Sent 4 message(s) naming 3 leftover(s)."
    posts = {p["channel"]: p for p in slack_api.posts()}
    assert names(posts["U0HANAKO"]) == ["synthetic-1"]
    assert names(posts["U0TARO"]) == ["synthetic-2"]
    first, closing = [p for p in slack_api.posts() if p["channel"] == CHANNEL]
    assert names(first) == ["synthetic-3"]
    assert names(closing) == []
    assert "<@U0HANAKO> (1), <@U0TARO> (1)" in closing["text"]
    buttons = [b for b in posts["U0HANAKO"]["blocks"] if b["type"] == "actions"]
    assert [e["action_id"] for e in buttons[0]["elements"]] == [
        actions.KEEP_7_DAYS,
        actions.KEEP_UNTIL,
        actions.NOT_MINE,
    ]  # keep_forever = false in the config
    assert counts(run, env) == {"synthetic-1": 1, "synthetic-2": 1, "synthetic-3": 1}
    again = run("notify", "--at", NIGHT, "--slack-token", TOKEN, "--slack-channel", CHANNEL, env=env)
    assert again.stdout.strip() == "Nothing is due."
    assert TOKEN not in result.output + again.output


def test_a_refused_dm_leaves_its_rows_due_and_the_token_out_of_the_output(
    run: Run,  # noqa: F811
    env: dict[str, str],
    slack_api: SlackApi,
) -> None:
    owners(run, env)
    # The channel post goes through; the next (hanako's DM) meets an error that is no DM refusal.
    slack_api.script("chat.postMessage", 200, {"ok": False, "error": "fatal_error"}, after=1)
    env = {**env, "LEFTOVERS_SLACK_BOT_TOKEN": TOKEN, "LEFTOVERS_SLACK_CHANNEL": CHANNEL}
    result = run("notify", "--at", NIGHT, env=env)
    assert result.exit_code == 1
    assert "Sent 1 message(s) naming 1 leftover(s)." in result.stdout
    assert "Error: 2 leftover(s) not sent, still due: Slack refused chat.postMessage to U0HANAKO: fatal_error" in (
        result.stderr
    )
    assert counts(run, env) == {"synthetic-1": 0, "synthetic-2": 0, "synthetic-3": 1}
    assert TOKEN not in result.output
    assert "Traceback" not in result.output


def test_dry_run_shows_the_app_payloads_and_sends_nothing(
    run: Run,  # noqa: F811
    env: dict[str, str],
    slack_api: SlackApi,
) -> None:
    owners(run, env)
    env = {**env, "LEFTOVERS_SLACK_BOT_TOKEN": TOKEN, "LEFTOVERS_SLACK_CHANNEL": CHANNEL}
    result = run("notify", "--at", NIGHT, "--dry-run", env=env)
    assert result.exit_code == 0, result.output
    assert '"channel": "U0HANAKO"' in result.stdout
    assert actions.KEEP_7_DAYS in result.stdout
    assert '"leftovers":' not in result.stdout  # the notifier's routing notes are not what Slack gets
    assert slack_api.calls("chat.postMessage") == []
    assert counts(run, env) == {"synthetic-1": 0, "synthetic-2": 0, "synthetic-3": 0}


def test_a_token_without_a_channel_is_one_line(run: Run, env: dict[str, str]) -> None:  # noqa: F811
    owners(run, env)
    result = run("notify", "--at", NIGHT, "--slack-token", TOKEN, env=env)
    assert result.exit_code != 0
    assert "--slack-channel: required with a bot token" in result.output
    assert TOKEN not in result.output
    assert "Traceback" not in result.output


def test_doctor_names_app_mode_and_its_channel_never_the_token(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    env = {"LEFTOVERS_SLACK_BOT_TOKEN": TOKEN, "LEFTOVERS_SLACK_CHANNEL": CHANNEL}
    result = run("doctor", env=env)
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert lines["destination"].strip() == (
        f"Slack app (bot token from LEFTOVERS_SLACK_BOT_TOKEN), posting to {CHANNEL} and DMs to owners"
    )
    assert TOKEN not in result.output
