"""What a person actually sees: the JSON posted to Slack and the terminal digest, through ``leftovers notify``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.events import load_event
from tests.support.slack_sink import SlackSink, closed_port_url
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"


def sections(payload: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in payload["blocks"] if b["type"] == "section")


def posted(run, sink: SlackSink, *args: str, config: Path | None = None) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    env = {"LEFTOVERS_SLACK_WEBHOOK_URL": sink.url, **({"LEFTOVERS_CONFIG": str(config)} if config else {})}
    result = run("notify", "--at", NIGHT, *args, env=env)
    assert result.exit_code == 0, result.output
    return [r.json for r in sink.accepted]


@pytest.fixture
def users(tmp_path: Path) -> Path:
    config = tmp_path / "leftovers.toml"
    config.write_text('[slack_users]\ntaro = "U0TARO1234"\n')
    return config


def test_a_mapped_owner_is_mentioned_so_slack_pings_them(run, slack_sink: SlackSink, users: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1, Owner="taro"), config_event(2, Owner="<!channel> & co")]))
    (payload,) = posted(run, slack_sink, config=users)
    text = sections(payload)
    assert "owner <@U0TARO1234>" in text
    assert "&lt;@U0TARO1234&gt;" not in text
    assert "owner &lt;!channel&gt; &amp; co" in text  # a tag is text, never a mention
    assert "<@U0TARO1234>" not in payload["text"]  # the notification preview stays plain


def test_grouping_by_owner_mentions_the_owner_in_the_heading(run, slack_sink: SlackSink, users: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1, Owner="taro"), config_event(2, Owner="jiro")]))
    (payload,) = posted(run, slack_sink, "--group-by", "owner", config=users)
    headings = [line for line in sections(payload).splitlines() if not line.startswith("•")]
    assert headings == ["*jiro* (1)", "<@U0TARO1234> (1)"]


def test_same_name_instances_are_told_apart_by_id(run, slack_sink: SlackSink, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([load_event("cloudtrail_run_instances")]))
    (payload,) = posted(run, slack_sink)
    lines = [line for line in sections(payload).splitlines() if line.startswith("•")]
    assert len(lines) == 2
    assert len(set(lines)) == 2
    assert all("llm-finetune" in line for line in lines)
    table = run("report").stdout
    ids = sorted(r["resource_id"] for r in json.loads(run("report", "--format", "json").stdout))
    assert all(i in table for i in ids)
    assert all(any(i in line for line in lines) for i in ids)


def test_a_bad_keep_tag_is_shown_with_what_is_accepted(run, slack_sink: SlackSink) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1, **{"leftovers:keep": "yes please"})]))
    (payload,) = posted(run, slack_sink)
    assert "leftovers:keep" in sections(payload)
    assert "is neither true nor an ISO date (use true or e.g. 2026-12-31)" in sections(payload)
    table = run("report", "--at", NIGHT).stdout
    assert "leftovers:keep: 'yes please' is neither true nor an ISO date" in table


def test_unreachable_slack_is_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A real process: pytest's log capture would hide what logging's last-resort handler prints to a terminal."""
    run("ingest", "-", input=jsonl([config_event(1)]))
    env = {**os.environ, "LEFTOVERS_SLACK_WEBHOOK_URL": closed_port_url(), "LEFTOVERS_DB": str(tmp_path / "store.db")}
    command = [sys.executable, "-c", "from leftovers.cli import main; main()", "notify", "--at", NIGHT]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Failed to send a request" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "could not reach Slack" in line


def test_a_redirect_is_a_failure_and_marks_nothing(run, slack_sink: SlackSink) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1)]))
    slack_sink.script(302, headers={"Location": slack_sink.url})
    result = run("notify", "--at", NIGHT, env={"LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url})
    assert result.exit_code == 1
    assert [r.method for r in slack_sink.requests] == ["POST"]  # never followed
    assert "Slack answered 302" in result.stderr
    assert json.loads(run("report", "--format", "json").stdout)[0]["notify_count"] == 0


@pytest.mark.parametrize("bad", ["\n", "\t", "\x01", "\x7f", "\r\n", "é"])
def test_a_webhook_url_with_control_characters_is_refused_without_showing_it(run, bad: str) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1)]))
    url = f"https://hooks.slack.com/services/T0/B0/SEC{bad}RET"
    result = run("notify", "--at", NIGHT, env={"LEFTOVERS_SLACK_WEBHOOK_URL": url})
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert "webhook URL" in line
    for piece in ("SEC", "RET", "B0", "T0", repr(bad)[1:-1], json.dumps(bad)[1:-1]):
        assert piece not in line
    assert "Traceback" not in result.output
    assert json.loads(run("report", "--format", "json").stdout)[0]["notify_count"] == 0


def test_japanese_demo_has_no_english_left(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--language", "ja", "demo")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for english in ("The nightly run", "Nothing is due", "A week later", "Ingested", "leftover", "(continued)", "—"):
        assert english not in out
    assert "T15:00:00" not in out
    assert "+00:00" not in out


def test_each_instance_links_to_its_console_page_from_the_registry(run, slack_sink: SlackSink) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([load_event("cloudtrail_run_instances")]))
    (payload,) = posted(run, slack_sink)
    lines = [line for line in sections(payload).splitlines() if line.startswith("•")]
    ids = sorted(r["resource_id"] for r in json.loads(run("report", "--format", "json").stdout))
    for instance in ids:
        [line] = [line for line in lines if instance in line]
        page = "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId="
        url = page + instance
        assert f"<{url}|" in line
