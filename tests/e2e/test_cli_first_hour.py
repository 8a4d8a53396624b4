"""Issue 11, the first hour on the command line: options anywhere, no accidental stores, notify without a
destination, durations that look like typos, impossible ``--at`` times, and ``doctor`` on a laptop."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from leftovers.cli import cli
from tests.support.slack_sink import SlackSink
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"
NO_STORE = "(create one with `leftovers ingest …` or `leftovers store init`)"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Invoke the CLI with a store in tmp_path, and no LEFTOVERS_* or AWS_* variables from the machine."""
    for var in [v for v in os.environ if v.startswith(("LEFTOVERS_", "AWS_"))]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("LEFTOVERS_DB", str(tmp_path / "store.db"))

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def ingest(run, count: int = 3) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", "-", input=jsonl([config_event(n) for n in range(count)])).exit_code == 0


def counts(run) -> list[int]:  # type: ignore[no-untyped-def]
    return [r["notify_count"] for r in json.loads(run("report", "--format", "json").stdout)]


# 11.13: global options after the command too


def test_global_options_work_after_the_command(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = tmp_path / "elsewhere.db"
    assert run("ingest", "--store", str(store), "-", input=jsonl([config_event(1)])).exit_code == 0
    after = run("report", "--store", str(store), "--timezone", "Asia/Tokyo", "--format", "json")
    assert after.exit_code == 0, after.output
    assert [r["resource_name"] for r in json.loads(after.stdout)] == ["synthetic-1"]
    before = run("--store", str(store), "report", "--format", "json")
    assert json.loads(before.stdout) == json.loads(after.stdout)
    table = run("report", "--store", str(store), "--timezone", "Asia/Tokyo")
    assert "JST" in table.stdout
    reindexed = run("store", "reindex", "--store", str(store), "--grace", "3d")
    assert reindexed.stdout.strip() == "Checked 1 deadlines: 1 moved."


def test_a_bad_global_option_after_the_command_names_itself(run) -> None:  # type: ignore[no-untyped-def]
    result = run("report", "--timezone", "Mars/Olympus")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: --timezone: unknown time zone 'Mars/Olympus' (use an IANA name like Asia/Tokyo)"
    )


def test_reconcile_asks_aws_config_with_ask_config_and_the_old_spelling_says_so(run) -> None:  # type: ignore[no-untyped-def]
    assert "--ask-config" in run("reconcile", "--help").stdout
    old = run("reconcile", "--config", "--dry-run")
    assert old.exit_code == 2
    assert "--ask-config" in old.stderr
    assert "Traceback" not in old.output
    bare = run("reconcile", "--config")
    assert bare.exit_code == 2
    assert "--ask-config" in bare.stderr


# 11.5: reading commands never create a store


@pytest.mark.parametrize(
    "args",
    [("report",), ("report", "--due"), ("notify", "--dry-run"), ("notify",), ("store", "reindex", "--dry-run")],
    ids=" ".join,
)
def test_reading_commands_refuse_a_missing_store(run, tmp_path: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nonexistent-dir" / "x.db"
    result = run("--store", str(missing), *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no store at {missing} {NO_STORE}"
    assert not missing.parent.exists()


def test_writing_commands_still_create_the_store(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fresh = tmp_path / "new-dir" / "x.db"
    assert run("store", "init", "--store", str(fresh)).exit_code == 0
    assert fresh.exists()
    other = tmp_path / "other" / "y.db"
    assert run("--store", str(other), "ingest", "-", input=jsonl([config_event(1)])).exit_code == 0
    assert run("--store", str(other), "report").exit_code == 0


# 11.2: notify without a destination is a preview


def test_notify_without_a_destination_previews_and_marks_nothing(run) -> None:  # type: ignore[no-untyped-def]
    ingest(run, 5)
    result = run("notify", "--at", NIGHT)
    assert result.exit_code == 0, result.output
    assert "5 leftovers still exist" in result.stdout
    assert "Sent" not in result.output
    assert "nothing was marked" in result.stderr
    assert "--to terminal" in result.stderr
    assert counts(run) == [0] * 5
    assert "5 leftovers still exist" in run("notify", "--at", NIGHT).stdout  # still due: nothing swallowed


def test_notify_to_the_terminal_chosen_explicitly_marks(run) -> None:  # type: ignore[no-untyped-def]
    ingest(run, 2)
    result = run("notify", "--to", "terminal", "--at", NIGHT)
    assert result.exit_code == 0, result.output
    assert "2 leftovers still exist" in result.stdout
    assert "Sent 1 message(s) naming 2 leftover(s)." in result.stdout
    assert counts(run) == [1, 1]


def test_notify_to_slack_without_a_webhook_is_one_line(run) -> None:  # type: ignore[no-untyped-def]
    ingest(run, 1)
    result = run("notify", "--to", "slack", "--at", NIGHT)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "LEFTOVERS_SLACK_WEBHOOK_URL" in line
    assert counts(run) == [0]


# 11.14: the dry run previews what Slack would get, webhook or not


def test_dry_run_previews_the_same_slack_payloads_with_or_without_a_webhook(  # type: ignore[no-untyped-def]
    run, slack_sink: SlackSink
) -> None:
    ingest(run, 300)
    bare = run("notify", "--dry-run", "--at", NIGHT)
    hooked = run("notify", "--dry-run", "--at", NIGHT, env={"LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url})
    assert bare.exit_code == hooked.exit_code == 0
    assert bare.stdout == hooked.stdout
    last = bare.stdout.strip().splitlines()[-1]
    assert last.startswith("Dry run: ")
    assert last.endswith(" message(s) naming 300 leftover(s) would be sent.")
    assert int(last.split()[2]) > 1
    assert '"blocks"' in bare.stdout
    assert slack_sink.requests == []
    assert counts(run) == [0] * 300


# 11.14: a duration over a year is probably a typo


@pytest.mark.parametrize("flag", ["--grace", "--reminder"])
def test_a_duration_over_a_year_warns_naming_the_flag(run, flag: str) -> None:  # type: ignore[no-untyped-def]
    ingest(run, 1)
    result = run(flag, "30m", "report")
    assert result.exit_code == 0
    assert f"Warning: {flag}: 30m is 900 days" in result.stderr
    assert "Warning" not in run(flag, "30d", "report").stderr


# 10.11: --at that does not exist


@pytest.mark.parametrize(
    ("at", "problem"),
    [("2025-03-09T02:30", "does not exist in America/New_York"), ("9999-12-31T23:00-05:00", "out of range")],
)
def test_impossible_at_is_one_line(run, at: str, problem: str) -> None:  # type: ignore[no-untyped-def]
    ingest(run, 1)
    result = run("--timezone", "America/New_York", "report", "--due", "--at", at)
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: --at: ")
    assert problem in line


def every_command(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        found += every_command(command, (*prefix, name)) if isinstance(command, click.Group) else [(*prefix, name)]
    return found


@pytest.mark.parametrize("path", every_command(cli), ids=lambda p: " ".join(p) or "leftovers")
def test_every_command_accepts_every_global_option(path: tuple[str, ...]) -> None:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    declared = {opt for param in command.params for opt in param.opts}
    assert {"--store", "--region", "--timezone", "--grace", "--reminder", "--language", "--config"} <= declared
