"""Per-account policy through the CLI: events of two accounts ingested, then ``report`` and ``notify`` (a dry run, and
a real post to the local Slack sink) apply each account's own grace period and ignore rules."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.support.cli import Run
from tests.support.slack_sink import SlackSink
from tests.support.synthetic import config_event, jsonl

SANDBOX, TEAM = "111111111111", "222222222222"
TWO_DAYS_ON = "2026-11-22T02:00:00Z"  # the synthetic events are captured from 2026-11-20 01:00Z on
CONFIG = """\
grace = "7d"

[[override]]
name = "sandboxes"
accounts = ["111111111111"]
grace = "1d"
[override.tags]
keep = ["sandbox:keep"]
[[override.ignore]]
name = "scratch instances"
type = "AWS::EC2::Instance"
name_regex = "^scratch-"
"""


def in_account(event: dict[str, Any], account: str, name: str) -> dict[str, Any]:
    """The event as Config sends it from ``account``, for an instance named ``name``."""
    event = copy.deepcopy(event)
    item = event["detail"]["configurationItem"]
    item.update(awsAccountId=account, resourceName=name, ARN=item["ARN"].replace("123456789012", account))
    item["tags"] = {"Name": name}
    event.update(account=account, id=f"{event['id']}-{account}", resources=[item["ARN"]])
    return event


def two_accounts(run: Run, tmp_path: Path) -> dict[str, str]:
    """A config with a sandbox override; one app and one scratch instance in each account, ingested."""
    config = tmp_path / "leftovers.toml"
    config.write_text(CONFIG, encoding="utf-8")
    events = [
        in_account(config_event(n), account, name)
        for n, (account, name) in enumerate(
            [(SANDBOX, "app-sandbox"), (SANDBOX, "scratch-sandbox"), (TEAM, "app-team"), (TEAM, "scratch-team")]
        )
    ]
    result = run("--config", str(config), "ingest", "-", input=jsonl(events))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("4 tracked")
    return {e["detail"]["configurationItem"]["resourceName"]: e["detail"]["configurationItem"]["resourceId"]
            for e in events}  # fmt: skip


def rows(run: Run, config: Path, *args: str) -> dict[str, dict[str, Any]]:
    result = run("--config", str(config), "report", "--format", "json", "--at", TWO_DAYS_ON, *args)
    assert result.exit_code == 0, result.output
    return {r["resource_name"]: r for r in json.loads(result.stdout)}


def test_report_applies_each_accounts_grace_and_ignore_rules(run: Run, tmp_path: Path) -> None:
    two_accounts(run, tmp_path)
    config = tmp_path / "leftovers.toml"
    assert set(rows(run, config, "--due")) == {"app-sandbox"}  # 1 day in the sandbox, 7 days elsewhere
    every = rows(run, config, "--all")
    assert every["scratch-sandbox"]["ignored_by"] == "scratch instances"
    assert every["scratch-team"]["ignored_by"] is None  # the rule is the sandbox's alone
    assert {name: row["override"] for name, row in every.items()} == {
        "app-sandbox": "sandboxes", "scratch-sandbox": "sandboxes", "app-team": None, "scratch-team": None
    }  # fmt: skip
    assert every["app-sandbox"]["deadline"] == "2026-11-21T01:00:00Z"
    assert every["app-team"]["deadline"] == "2026-11-27T01:02:00Z"
    assert set(rows(run, config)) == {"app-sandbox", "app-team", "scratch-team"}


def test_notify_dry_run_and_slack_name_only_the_sandboxes_due_resource(
    run: Run, tmp_path: Path, slack_sink: SlackSink
) -> None:
    ids = two_accounts(run, tmp_path)
    config = str(tmp_path / "leftovers.toml")

    dry = run("--config", config, "notify", "--dry-run", "--at", TWO_DAYS_ON)
    assert dry.exit_code == 0, dry.output
    assert ids["app-sandbox"] in dry.stdout
    assert not {ids[n] for n in ("scratch-sandbox", "app-team", "scratch-team")} & set(dry.stdout.split())
    assert "app-team" not in dry.stdout
    assert "scratch-" not in dry.stdout

    sent = run("--config", config, "notify", "--at", TWO_DAYS_ON, env={"LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url})
    assert sent.exit_code == 0, sent.output
    assert sent.stdout.strip() == "Sent 1 message(s) naming 1 leftover(s)."
    (posted,) = slack_sink.accepted
    text = json.dumps(posted.json)
    assert "app-sandbox" in text
    assert "app-team" not in text
    assert "scratch-" not in text


def test_ingest_warns_of_a_keep_tag_it_cannot_read_with_the_accounts_own_keys(run: Run, tmp_path: Path) -> None:
    config = tmp_path / "leftovers.toml"
    config.write_text(CONFIG, encoding="utf-8")
    events = [in_account(config_event(n), a, f"app-{n}") for n, a in enumerate((SANDBOX, TEAM))]
    for event in events:
        event["detail"]["configurationItem"]["tags"]["sandbox:keep"] = "maybe"
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl(events), encoding="utf-8")

    result = run("--config", str(config), "ingest", str(path))

    assert result.exit_code == 0, result.output
    (warning,) = result.stderr.splitlines()  # the team account does not read sandbox:keep
    assert warning.startswith(f"{path}:1: warning: tag sandbox:keep: 'maybe' is neither true nor an ISO date")


def test_an_override_an_earlier_one_shadows_is_a_warning_naming_both(run: Run, tmp_path: Path) -> None:
    config = tmp_path / "leftovers.toml"
    config.write_text(
        CONFIG + '\n[[override]]\nname = "late"\naccounts = ["222222222222", "111111111111"]\nous = ["r-ab12"]\n'
        '\n[[override]]\nname = "later"\nous = "r-ab12"\n',
        encoding="utf-8",
    )
    assert run("store", "init").exit_code == 0
    result = run("--config", str(config), "report")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: override 'late': account 111111111111 is already selected by override 'sandboxes' above, so this "
        "one never applies to it",
        "Warning: override 'later': OU r-ab12 is already selected by override 'late' above, so this one never "
        "applies to it",
    ]
