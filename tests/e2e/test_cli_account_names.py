"""Account names from AWS Organizations (moto server) in the report's JSON and the Slack digest, through the CLI;
ListAccounts asked once per hour, and a refusal is a warning with ids shown instead."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from click.testing import CliRunner, Result

from leftovers.adapters.accounts.names import AccountNames
from leftovers.cli import cli
from tests.support.events import load_event
from tests.support.moto_server import MotoServer, aws, lambda_env, moto_server, unique
from tests.support.organization import create_account, organization_id
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["aws", "lambda_env", "moto_server", "slack_sink"]


def volume_event(account: str, volume: str) -> dict[str, Any]:
    event = copy.deepcopy(load_event("config_discovered_ebs_volume"))
    event["account"] = account
    item = event["detail"]["configurationItem"]
    item.update(awsAccountId=account, resourceId=volume, ARN=f"arn:aws:ec2:ap-northeast-1:{account}:volume/{volume}")
    return event


@pytest.fixture
def two_accounts(aws: MotoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Two new accounts of the organization, one volume each tracked in a SQLite store."""
    organization_id()
    accounts = {create_account(name): name for name in ("team-alpha", "team-beta")}
    files = []
    for n, account in enumerate(accounts):
        path = tmp_path / f"event{n}.json"
        path.write_text(json.dumps(volume_event(account, f"vol-0000000000000000{n}")))
        files.append(str(path))
    monkeypatch.setenv("LEFTOVERS_STORE", str(tmp_path / "store.db"))
    assert invoke("ingest", *files).exit_code == 0
    return accounts


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_json_report_names_each_account(two_accounts: dict[str, str]) -> None:
    result = invoke("report", "--format", "json", "--account-names")
    assert result.exit_code == 0, result.output
    assert {row["account"]: row["account_name"] for row in json.loads(result.stdout)} == two_accounts
    plain = json.loads(invoke("report", "--format", "json").stdout)
    assert {row["account_name"] for row in plain} == {None}  # not asked: null, never a guess


def test_the_slack_digest_names_each_account(
    two_accounts: dict[str, str], slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_URL", slack_sink.url)
    result = invoke("notify", "--account-names", "--at", "2030-01-01T00:00Z")
    assert result.exit_code == 0, result.output
    posted = json.dumps([r.json for r in slack_sink.accepted])
    for account, name in two_accounts.items():
        assert f"{name} ({account})" in posted


def test_names_are_asked_once_an_hour_and_a_refusal_shows_ids(aws: MotoServer) -> None:
    organization_id()
    account = create_account("team-gamma")
    clock = [datetime(2026, 12, 1, tzinfo=UTC)]
    names = AccountNames(boto3.client("organizations", region_name="us-east-1"), now=lambda: clock[0])
    assert names.names()[account] == "team-gamma"
    calls = names.calls
    clock[0] += timedelta(minutes=59)
    names.names()
    assert names.calls == calls
    refusing = boto3.client("organizations", region_name="us-east-1")
    names._client = refusing
    clock[0] += timedelta(minutes=2)
    with Stubber(refusing) as stub:
        stub.add_client_error("list_accounts", "AccessDeniedException", "You don't have permissions", 400)
        assert names.names()[account] == "team-gamma"  # the last answer stands
    assert names.problem == "cannot list the organization's accounts (AccessDeniedException): accounts are shown by id"


def test_a_refused_list_is_one_warning_and_the_report_still_runs(
    two_accounts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens: Organizations cannot be reached
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    result = CliRunner().invoke(cli, ["report", "--format", "json", "--account-names"])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warning: cannot reach AWS Organizations")
    assert {row["account_name"] for row in json.loads(result.stdout)} == {None}


def test_the_deployed_digest_names_each_account(
    lambda_env: str, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notify function as template.yaml configures it in organization mode (LEFTOVERS_ACCOUNT_NAMES)."""
    from leftovers.adapters.accounts import names as names_module
    from leftovers.handlers import ingest, notify

    organization_id()
    accounts = {create_account(name): name for name in ("team-delta", "team-epsilon")}
    parameter = f"/leftovers/{unique('webhook')}"  # set before the first invocation: the wiring reads it once
    boto3.client("ssm").put_parameter(Name=parameter, Type="SecureString", Value=slack_sink.url)
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_PARAMETER", parameter)
    for n, account in enumerate(accounts):
        ingest.record_handler(json.dumps(volume_event(account, f"vol-1000000000000000{n}")), f"m{n}")
    monkeypatch.setenv(names_module.SWITCH, "organizations")
    names_module._deployed.cache_clear()
    try:
        result = notify.handler({"at": "2030-01-01T00:00:00Z"}, None)
    finally:
        names_module._deployed.cache_clear()
    assert result["error"] is None
    assert result["due"] == 2
    posted = json.dumps([r.json for r in slack_sink.accepted])
    for account, name in accounts.items():
        assert f"{name} ({account})" in posted


def test_a_bad_switch_fails_the_cold_start_naming_it() -> None:
    from leftovers.adapters.accounts.names import SWITCH, names_for
    from leftovers.core.errors import SettingsError

    with pytest.raises(SettingsError, match=f"^{SWITCH}: expected organizations or empty, got 'yes'$"):
        names_for({SWITCH: "yes"})
    assert names_for({}) == ({}, None)
