"""The ``leftovers`` command end to end, through click's runner, on a real SQLite file and a local Slack sink."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from leftovers.cli import cli
from tests.support.events import EVENTS, load_event
from tests.support.slack_sink import SlackSink
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"  # after every synthetic event, and after the fixtures' 2025 captures


def fixture(name: str) -> str:
    return str(EVENTS / f"{name}.json")


def report(run, *args: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    result = run("report", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_counts_and_report_shows_what_is_left(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "ingest",
        fixture("config_discovered_ec2_instance"),
        fixture("config_discovered_s3_bucket"),
        fixture("config_discovered_ebs_volume"),
        fixture("config_deleted_volume"),
        fixture("scheduled_event"),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "3 tracked, 1 resolved, 0 updated, 0 unchanged, 1 ignored, 0 rejected"
    rows = report(run)
    assert {r["resource_type"] for r in rows} == {"AWS::EC2::Instance", "AWS::S3::Bucket"}
    instance = next(r for r in rows if r["resource_type"] == "AWS::EC2::Instance")
    assert instance["resource_id"] == "i-0f3a9c1b2d4e5f607"
    assert instance["account"] == "123456789012"
    assert instance["created_at"].endswith("Z")
    assert instance["owner"] == "hanako"
    assert instance["monthly_cost_usd"] == pytest.approx(60.74)
    assert instance["sources"] == ["config"]
    for field in ("arn", "resource_name", "notify_count", "last_notified_at", "next_due_at", "deadline", "kept_until"):
        assert field in instance


def test_config_and_cloudtrail_events_mix_and_one_resource_is_one_record(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Config discovers one of the instances bob launched (its event first in the file, though captured later)."""
    discovered = load_event("config_discovered_ec2_instance")
    item = discovered["detail"]["configurationItem"]
    item.update(
        resourceId="i-0a1b2c3d4e5f60718", awsRegion="us-east-1", configurationItemCaptureTime="2024-05-14T08:06:00Z"
    )
    item["ARN"] = "arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60718"
    broken = load_event("cloudtrail_create_volume")
    del broken["detail"]["responseElements"]["volumeId"]
    events = [discovered, *(load_event(n) for n in ("cloudtrail_run_instances", "cloudtrail_create_volume")), broken]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(jsonl([*events, load_event("cloudtrail_delete_volume")]))

    result = run("ingest", str(mixed))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "3 tracked, 1 resolved, 1 updated, 0 unchanged, 0 ignored, 1 rejected"
    assert f"{mixed}:4" in result.output
    assert "responseElements.volumeId" in result.output
    rows = {r["resource_id"]: r for r in report(run)}
    assert set(rows) == {"i-0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f60719"}  # the volume came and went
    both, alone = rows["i-0a1b2c3d4e5f60718"], rows["i-0a1b2c3d4e5f60719"]
    bob = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Developer_0a1b2c3d4e5f6a7b/bob@example.com"
    assert both["sources"] == ["cloudtrail", "config"]
    assert both["created_by"] == alone["created_by"] == bob
    assert both["created_at"] == "2024-05-14T08:01:37Z"  # CloudTrail's call, not Config's later discovery
    assert both["owner"] == "hanako"  # the Owner tag Config recorded wins over the creator
    assert alone["sources"] == ["cloudtrail"]
    assert alone["owner"] == "bob"  # no Owner tag: the creator (the SSO session name, shortened)


def test_bad_events_are_named_and_good_ones_still_processed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = load_event("config_discovered_ec2_instance")
    del broken["detail"]["configurationItem"]["awsRegion"]
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl([config_event(1), broken]) + "{not json\n" + jsonl([config_event(2)]))
    result = run("ingest", str(path))
    assert result.exit_code == 1
    assert "2 tracked" in result.stdout
    assert "2 rejected" in result.stdout
    assert f"{path}:2: rejected: detail.configurationItem.awsRegion: missing" in result.stderr
    assert f"{path}:3: rejected: not valid JSON" in result.stderr
    assert "Traceback" not in result.output
    assert len(report(run)) == 2


def test_json_array_and_stdin(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    array = tmp_path / "events.json"
    array.write_text(json.dumps([config_event(1), {"detail-type": "Config Configuration Item Change"}]))
    result = run("ingest", str(array))
    assert result.exit_code == 1
    assert f"{array}[1]: rejected" in result.stderr
    piped = run("ingest", "-", input=jsonl([config_event(2), config_event(3)]))
    assert piped.exit_code == 0
    assert piped.stdout.startswith("2 tracked")


def test_errors_are_one_line_without_traceback(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = run("ingest", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1
    assert missing.stderr.strip() == f"Error: {tmp_path / 'nope.json'}: no such file"
    bad_zone = run("report", env={"LEFTOVERS_TIMEZONE": "Mars/Olympus"})
    assert bad_zone.exit_code == 1
    assert bad_zone.stderr.strip().startswith("Error: LEFTOVERS_TIMEZONE: unknown time zone 'Mars/Olympus'")
    bad_at = run("report", "--due", "--at", "tomorrow")
    assert bad_at.exit_code == 1
    assert "--at: not an ISO 8601 time" in bad_at.stderr
    not_a_db = tmp_path / "text.db"
    not_a_db.write_text("hello")
    broken_store = run("report", env={"LEFTOVERS_DB": str(not_a_db)})
    assert broken_store.exit_code == 1
    assert len(broken_store.stderr.strip().splitlines()) == 1
    assert str(not_a_db) in broken_store.stderr


def test_due_and_notify_dry_run_change_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(n) for n in range(3)]))
    assert len(report(run, "--due", "--at", NIGHT)) == 3
    assert report(run, "--due", "--at", "2026-11-19T00:00Z") == []
    dry = run("notify", "--dry-run", "--at", NIGHT)
    assert dry.exit_code == 0
    assert "synthetic-0" in dry.stdout
    assert "Dry run: 1 message(s) naming 3 leftover(s) would be sent." in dry.stdout
    assert all(r["notify_count"] == 0 for r in report(run))


def test_notify_to_the_terminal_prints_the_digest_and_marks(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(n) for n in range(2)]))
    first = run("--timezone", "Asia/Tokyo", "notify", "--to", "terminal", "--at", NIGHT)
    assert first.exit_code == 0
    assert "2 leftovers still exist (2026-11-21 00:00 JST)" in first.stdout
    assert "JST" in first.stdout
    assert all(r["notify_count"] == 1 for r in report(run))
    again = run("notify", "--to", "terminal", "--at", NIGHT)
    assert again.stdout.strip() == "Nothing is due."


def test_notify_to_slack_then_nothing_the_same_night(run, slack_sink: SlackSink) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(n) for n in range(5)]))
    env = {"LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url}
    result = run("notify", "--at", NIGHT, env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Sent 1 message(s) naming 5 leftover(s)."
    (posted,) = slack_sink.accepted
    assert posted.json["blocks"][0]["type"] == "header"
    assert "synthetic-4" in json.dumps(posted.json)
    assert slack_sink.url not in result.output
    assert run("notify", "--at", NIGHT, env=env).stdout.strip() == "Nothing is due."
    assert len(slack_sink.requests) == 1


def test_slack_failure_half_way_leaves_the_rest_due(run, slack_sink: SlackSink) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(n) for n in range(300)]))
    slack_sink.script(200)
    slack_sink.script(500, times=10)
    result = run("notify", "--at", NIGHT, env={"LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url})
    assert result.exit_code == 1
    sent = sum(len(p.json["blocks"]) > 0 for p in slack_sink.accepted)
    assert sent == 1
    marked = [r for r in report(run) if r["notify_count"] == 1]
    assert 0 < len(marked) < 300
    assert f"Sent 1 message(s) naming {len(marked)} leftover(s)." in result.stdout
    assert f"Error: {300 - len(marked)} leftover(s) not sent, still due: Slack answered 500" in result.stderr
    assert slack_sink.url not in result.output
    assert "Traceback" not in result.output


def test_config_file_silences_extends_and_prices(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    events = [
        config_event(1),
        config_event(2, **{"leftovers:keep": "true"}),
        config_event(3, **{"leftovers:expires": "2w"}),
        config_event(4, Owner="jiro"),
    ]
    config = tmp_path / "leftovers.toml"
    config.write_text('[[ignore]]\nname = "bench fleet"\nname_regex = "^synthetic-1$"\n')
    env = {"LEFTOVERS_CONFIG": str(config)}
    run("ingest", "-", input=jsonl(events), env=env)
    result = run("report", "--format", "json", "--due", "--at", NIGHT, env=env)
    due = {r["resource_name"]: r for r in json.loads(result.stdout)}
    assert set(due) == {"synthetic-4"}
    assert due["synthetic-4"]["owner"] == "jiro"
    assert due["synthetic-4"]["monthly_cost_usd"] == pytest.approx(60.74)
    everything = {r["resource_name"]: r for r in json.loads(run("report", "--format", "json", "--all", env=env).stdout)}
    assert everything["synthetic-1"]["ignored_by"] == "bench fleet"
    assert everything["synthetic-2"]["kept_until"] == "forever"
    assert everything["synthetic-2"]["deadline"] is None
    assert everything["synthetic-3"]["deadline"].startswith("2026-12-04")
    digest = run("notify", "--at", NIGHT, env=env)
    assert "synthetic-4" in digest.stdout
    assert "synthetic-1" not in digest.stdout
    assert "synthetic-2" not in digest.stdout


def test_reindex_applies_a_shorter_grace_period_to_what_is_stored(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    patient = tmp_path / "patient.toml"
    patient.write_text('[grace_by_type]\n"AWS::EC2::Instance" = "30d"\n')
    run("ingest", "-", input=jsonl([config_event(1), config_event(2)]), env={"LEFTOVERS_CONFIG": str(patient)})
    assert json.loads(run("report", "--format", "json", "--due", "--at", NIGHT).stdout) == []  # stored: in 30 days

    dry = run("store", "reindex", "--dry-run")  # the default policy again: grace 0
    assert dry.stdout.splitlines() == ["Checked 2 deadlines: 2 would move (dry run: nothing changed)."]
    assert json.loads(run("report", "--format", "json", "--due", "--at", NIGHT).stdout) == []
    assert run("store", "reindex").stdout.splitlines() == ["Checked 2 deadlines: 2 moved."]
    due = json.loads(run("report", "--format", "json", "--due", "--at", NIGHT).stdout)
    assert {r["resource_name"] for r in due} == {"synthetic-1", "synthetic-2"}
    assert run("store", "reindex").stdout.splitlines() == ["Checked 2 deadlines: 0 moved."]


def test_bad_config_is_one_line_with_its_position(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "leftovers.toml"
    config.write_text('timezone = "UTC"\n\n[[ignore]]\nname = "x"\nname_regex = "tmp-("\n')
    result = run("report", env={"LEFTOVERS_CONFIG": str(config)})
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert f"{config}:5" in line
    assert "name_regex" in line


def test_demo_runs_the_whole_flow(run) -> None:  # type: ignore[no-untyped-def]
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "Ingested 34 changes" in result.stdout
    assert "leftovers still exist" in result.stdout
    assert "Nothing is due" in result.stdout
    assert "reminder #1" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("Estimated")


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += all_commands(command, (*prefix, name))
    return found


@pytest.mark.parametrize("path", all_commands(cli), ids=" ".join)
def test_every_command_has_help_with_an_example(run, path: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = run(*path, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert len(result.stdout.splitlines()) > 5
