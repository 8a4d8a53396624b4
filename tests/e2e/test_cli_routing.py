"""``leftovers notify`` with ``[routing]``: each route's digest posted to its own destination (two webhooks kept in
SSM on the moto server, an app channel on the local Slack Web API fake, the run's own channel for the rest),
marked only once every message naming a resource was accepted; dry runs and ``--to terminal`` per route."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from leftovers.adapters.config_file import parse_policy
from leftovers.core.routing import MAIN
from tests.support.cli import Run
from tests.support.moto_server import MotoServer, aws, moto_server, unique
from tests.support.routing import DEAR, Organization, event, routing_toml
from tests.support.slack_api import TOKEN, SlackApi
from tests.support.slack_sink import SlackSink
from tests.support.synthetic import jsonl

__all__ = ["aws", "moto_server"]  # fixtures used by this module

NIGHT = "2026-11-21T00:00:00+09:00"
MAIN_CHANNEL, TEAM_B_CHANNEL = "C0MAIN", "C0TEAMB1"
ACCOUNT_B = "222222222222"


EVENTS = [
    event(1, team="a"),  # team-a
    event(2, ACCOUNT_B),  # team-b
    event(3, instance_type=DEAR, team="a"),  # team-a and platform
    event(4),  # no route: the default, the run's own channel
]


@pytest.fixture
def sinks(slack_sink: SlackSink) -> Iterator[tuple[SlackSink, SlackSink]]:
    """Two webhooks: team A's and the platform team's."""
    with SlackSink() as platform:
        yield slack_sink, platform


@pytest.fixture
def env(aws: MotoServer, sinks: tuple[SlackSink, SlackSink], slack_api: SlackApi, tmp_path: Path) -> dict[str, str]:
    """Each webhook URL in an SSM SecureString, a routing table naming them, and app mode for the channels."""
    ssm = boto3.client("ssm")
    names = {}
    for team, sink in zip(("team-a", "platform"), sinks, strict=True):
        names[team] = f"/leftovers/routes/{unique(team)}"
        ssm.put_parameter(Name=names[team], Type="SecureString", Value=sink.url)
    slack_api.channels |= {MAIN_CHANNEL, TEAM_B_CHANNEL}
    config = tmp_path / "leftovers.toml"
    config.write_text(
        routing_toml(
            MAIN,
            {"name": "team-a", "to": f"webhook:{names['team-a']}", "tags": {"team": "a"}},
            {"name": "team-b", "to": f"slack:{TEAM_B_CHANNEL}", "accounts": [ACCOUNT_B]},
            {"name": "platform", "to": f"webhook:{names['platform']}", "min_monthly_cost": 100},
        )
    )
    return {
        "LEFTOVERS_CONFIG": str(config),
        "LEFTOVERS_SLACK_API_URL": slack_api.url,
        "LEFTOVERS_SLACK_BOT_TOKEN": TOKEN,
        "LEFTOVERS_SLACK_CHANNEL": MAIN_CHANNEL,
    }


def named(payloads: list[Any]) -> list[str]:
    return sorted(set(re.findall(r"synthetic-\d+\b", json.dumps(payloads))))


def header(payload: dict[str, Any]) -> str:
    return str(payload["blocks"][0]["text"]["text"])


def counts(run: Run, env: dict[str, str]) -> dict[str, int]:
    rows = json.loads(run("report", "--format", "json", "--all", env=env).stdout)
    return {r["resource_name"]: r["notify_count"] for r in rows}


def channel_posts(api: SlackApi, channel: str) -> list[dict[str, Any]]:
    """The digests posted to ``channel`` (app mode's closing total left out)."""
    return [p for p in api.posts() if p["channel"] == channel and p["blocks"][0]["type"] == "header"]


def test_each_route_gets_its_own_digest_at_its_own_destination(
    run: Run, env: dict[str, str], sinks: tuple[SlackSink, SlackSink], slack_api: SlackApi
) -> None:
    team_a, platform = sinks
    assert run("ingest", "-", input=jsonl(EVENTS), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, env=env)
    assert result.exit_code == 0, result.output
    # Four digests, and app mode closes each of its two channels with a total.
    lines = [re.sub(r"routes/([a-z-]+)-\w+:", r"routes/\1:", line) for line in result.stdout.splitlines()]
    assert lines == [
        "Sent 6 message(s) naming 4 leftover(s).",
        "  route team-a -> webhook:/leftovers/routes/team-a: 1 message(s) accepted",
        f"  route team-b -> slack:{TEAM_B_CHANNEL}: 2 message(s) accepted",
        "  route platform -> webhook:/leftovers/routes/platform: 1 message(s) accepted",
        "  route default -> main: 2 message(s) accepted",
    ]

    (to_a,) = [r.json for r in team_a.accepted]
    (to_platform,) = [r.json for r in platform.accepted]
    (to_b,) = channel_posts(slack_api, TEAM_B_CHANNEL)
    (to_main,) = channel_posts(slack_api, MAIN_CHANNEL)
    assert named([to_a]) == ["synthetic-1", "synthetic-3"]
    assert named([to_platform]) == ["synthetic-3"]
    assert named([to_b]) == ["synthetic-2"]
    assert named([to_main]) == ["synthetic-4"]
    assert header(to_a).endswith("· route team-a")
    assert header(to_platform).endswith("· route platform")
    assert header(to_b).endswith("· route team-b")
    assert "route" not in header(to_main)  # what no route took: the usual digest
    assert counts(run, env) == {f"synthetic-{n}": 1 for n in range(1, 5)}


def test_a_failing_destination_leaves_its_resources_due_and_the_others_go_out(
    run: Run, env: dict[str, str], sinks: tuple[SlackSink, SlackSink], slack_api: SlackApi
) -> None:
    team_a, platform = sinks
    platform.script(500, times=4)  # the first try and every retry
    assert run("ingest", "-", input=jsonl(EVENTS), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, env=env)
    assert result.exit_code == 1
    assert "Sent 5 message(s) naming 3 leftover(s)." in result.stdout
    assert re.search(r"route platform -> webhook:\S+: 0 message\(s\) accepted, then failed\n", result.stdout)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: 1 leftover(s) not sent, still due: route platform (webhook:/leftovers/routes/")
    assert "Slack answered 500" in line
    assert named([r.json for r in team_a.accepted]) == ["synthetic-1", "synthetic-3"]  # sent after the failure
    assert len(channel_posts(slack_api, TEAM_B_CHANNEL)) == len(channel_posts(slack_api, MAIN_CHANNEL)) == 1
    # synthetic-3 reached team A but not the platform channel: not marked, so the next run tells both again.
    assert counts(run, env) == {"synthetic-1": 1, "synthetic-2": 1, "synthetic-3": 0, "synthetic-4": 1}

    again = run("notify", "--at", NIGHT, env=env)
    assert again.exit_code == 0, again.output
    assert named([platform.accepted[-1].json]) == ["synthetic-3"]
    assert counts(run, env) == {f"synthetic-{n}": 1 for n in range(1, 5)}


def test_a_dry_run_previews_each_routes_payloads_under_its_route_and_sends_nothing(
    run: Run, env: dict[str, str], sinks: tuple[SlackSink, SlackSink], slack_api: SlackApi
) -> None:
    assert run("ingest", "-", input=jsonl(EVENTS), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, "--dry-run", env=env)
    assert result.exit_code == 0, result.output
    routes = [line for line in result.stdout.splitlines() if line.startswith("--- route ")]
    assert [r.split(" -> ")[0] for r in routes] == [
        "--- route team-a", "--- route team-b", "--- route platform", "--- route default"
    ]  # fmt: skip
    assert routes[1] == f"--- route team-b -> slack:{TEAM_B_CHANNEL} ---"
    assert routes[3] == "--- route default -> main ---"
    assert "Dry run: 6 message(s) naming 4 leftover(s) would be sent." in result.stdout
    assert sinks[0].requests == sinks[1].requests == slack_api.posts() == []
    assert counts(run, env) == {f"synthetic-{n}": 0 for n in range(1, 5)}


def test_to_terminal_prints_each_routes_digest_and_marks_it(run: Run, env: dict[str, str]) -> None:
    assert run("ingest", "-", input=jsonl(EVENTS), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, "--to", "terminal", env=env)
    assert result.exit_code == 0, result.output
    titles = [line for line in result.stdout.splitlines() if "still exist" in line]
    assert [t.rsplit("· ", 1)[-1] for t in titles[:3]] == ["route team-a", "route team-b", "route platform"]
    assert "route" not in titles[3]
    assert counts(run, env) == {f"synthetic-{n}": 1 for n in range(1, 5)}


def test_a_channel_route_without_a_bot_token_is_one_line(run: Run, env: dict[str, str], tmp_path: Path) -> None:
    del env["LEFTOVERS_SLACK_BOT_TOKEN"]
    assert run("ingest", "-", input=jsonl(EVENTS), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, "--to", "slack", env={**env, "LEFTOVERS_SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0/B0/x"})
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: routing: route 'team-b' posts to slack:C0TEAMB1, which needs a Slack app's bot token "
        "(LEFTOVERS_SLACK_BOT_TOKEN or --slack-token)"
    )


def test_the_readme_example_loads_and_a_route_without_conditions_is_the_error_it_shows(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = (Path(__file__).resolve().parents[2] / "README.md").read_text().split("\n### Routing\n", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    routing = parse_policy(example).routing
    assert routing is not None
    assert [(r.name, r.to) for r in routing.routes] == [
        ("sandbox-a", "slack:C0TEAMA1"), ("platform", "webhook:/leftovers/routes/platform")
    ]  # fmt: skip
    command, shown = section.split("```console\n", 1)[1].split("```", 1)[0].splitlines()
    conditions = ("accounts", "ous", "owners", "tags")
    (tmp_path / "leftovers.toml").write_text(
        "\n".join(line for line in example.splitlines() if not line.startswith(conditions)) + "\n"
    )
    monkeypatch.chdir(tmp_path)
    assert command.startswith("$ LEFTOVERS_CONFIG=leftovers.toml leftovers notify ")
    result = run("notify", env={"LEFTOVERS_CONFIG": "leftovers.toml"})
    assert result.exit_code == 1
    assert result.stderr.strip() == shown


def test_a_route_naming_an_ou_reads_the_organization_and_a_missing_webhook_fails_its_route_only(
    run: Run, aws: MotoServer, slack_sink: SlackSink, tmp_path: Path
) -> None:
    org = Organization()
    missing = f"/leftovers/routes/{unique('never-stored')}"
    config = tmp_path / "leftovers.toml"
    config.write_text(
        routing_toml(
            MAIN,
            {"name": "sandboxes", "to": MAIN, "ous": [org.sandboxes]},
            {"name": "platform", "to": f"webhook:{missing}", "min_monthly_cost": 100},
        )
    )
    env = {"LEFTOVERS_CONFIG": str(config), "LEFTOVERS_SLACK_WEBHOOK_URL": slack_sink.url}
    ids = org.ids
    events = [event(1, ids["sandbox-a"]), event(2, ids["sandbox-b"], DEAR), event(3, ids["prod"])]
    assert run("ingest", "-", input=jsonl(events), env=env).exit_code == 0
    result = run("notify", "--at", NIGHT, env=env)
    assert result.exit_code == 1
    assert f"route platform (webhook:{missing}): SSM parameter {missing}: cannot be read" in result.stderr
    sandboxes, default = (r.json for r in slack_sink.accepted)  # both to the run's own webhook, in route order
    assert header(sandboxes).endswith("· route sandboxes")
    assert named([sandboxes]) == ["synthetic-1", "synthetic-2"]
    assert named([default]) == ["synthetic-3"]
    assert counts(run, env) == {"synthetic-1": 1, "synthetic-2": 0, "synthetic-3": 1}
