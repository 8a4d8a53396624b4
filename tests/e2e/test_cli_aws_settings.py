"""Issue 11 on AWS (moto): one region rule for every command, an idempotent ``store init`` that checks what it
finds, and ``doctor`` with and without credentials."""

from __future__ import annotations

import os
from pathlib import Path

import boto3
import pytest
from click.testing import CliRunner, Result

from leftovers.cli import cli
from tests.support.moto_server import REGION, MotoServer, template_table, unique
from tests.support.synthetic import config_event, jsonl

NO_REGION = "no AWS region: pass --region or set AWS_REGION (or AWS_DEFAULT_REGION, or a region in your AWS profile)"


def invoke(*args: str, input: str | None = None) -> Result:
    env = {k: None for k in os.environ if k.startswith("LEFTOVERS_")}
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


@pytest.fixture
def no_region(aws: MotoServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> MotoServer:
    """The moto server's credentials and endpoint, but no region anywhere (nor in an AWS profile)."""
    monkeypatch.delenv("AWS_REGION")
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    return aws


def table_in(region: str) -> str:
    url = f"dynamodb://{unique('region')}"
    client = boto3.client("dynamodb", region_name=region)
    client.create_table(TableName=url.removeprefix("dynamodb://"), **template_table())
    return url


# 11.3: the region


@pytest.mark.parametrize(
    "args",
    [
        ("report",),
        ("notify", "--dry-run"),
        ("ingest", "-"),
        ("store", "init"),
        ("store", "reindex"),
        ("backfill", "--dry-run"),
    ],
    ids=" ".join,
)
def test_no_region_is_one_line_in_every_command(no_region: MotoServer, args: tuple[str, ...]) -> None:
    result = invoke("--store", f"dynamodb://{unique('nowhere')}", *args, input=jsonl([config_event(1)]))
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == f"Error: --region: {NO_REGION}"


@pytest.mark.parametrize("variable", ["AWS_REGION", "AWS_DEFAULT_REGION"])
def test_aws_region_variables_choose_the_tables_region(
    no_region: MotoServer, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    url = table_in("eu-west-3")
    monkeypatch.setenv(variable, "eu-west-3")
    ingested = invoke("--store", url, "ingest", "-", input=jsonl([config_event(1)]))
    assert ingested.exit_code == 0, ingested.output
    assert "synthetic-1" in invoke("--store", url, "report").stdout


def test_region_option_wins_and_works_after_the_command(no_region: MotoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    url = table_in("eu-west-3")
    monkeypatch.setenv("AWS_REGION", "us-east-1")  # a table of that name does not exist there
    ingested = invoke("ingest", "--store", url, "--region", "eu-west-3", "-", input=jsonl([config_event(1)]))
    assert ingested.exit_code == 0, ingested.output
    assert "synthetic-1" in invoke("--region", "eu-west-3", "--store", url, "report").stdout
    elsewhere = invoke("--store", url, "report")
    assert elsewhere.exit_code == 1
    assert "no store at " + url in elsewhere.stderr


# 11.10: store init on DynamoDB


def test_store_init_twice_is_idempotent(aws: MotoServer) -> None:
    url = f"dynamodb://{unique('cli')}"
    first = invoke("store", "init", "--store", url)
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == f"Created DynamoDB table {url.removeprefix('dynamodb://')}."
    again = invoke("store", "init", "--store", url)
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == f"Store ready: DynamoDB table {url.removeprefix('dynamodb://')} (already there)."


def test_store_init_names_a_different_key_schema(aws: MotoServer) -> None:
    name = unique("other")
    boto3.client("dynamodb").create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    result = invoke("store", "init", "--store", f"dynamodb://{name}")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert f"DynamoDB table {name!r} exists but is not a Leftovers table" in line
    assert "key schema" in line
    assert "pk" in line
    assert "id" in line


def test_store_init_names_a_missing_index(aws: MotoServer) -> None:
    name = unique("noindex")
    fields = {k: v for k, v in template_table().items() if k != "GlobalSecondaryIndexes"}
    fields["AttributeDefinitions"] = [a for a in fields["AttributeDefinitions"] if a["AttributeName"] == "pk"]
    boto3.client("dynamodb").create_table(TableName=name, **fields)
    result = invoke("store", "init", "--store", f"dynamodb://{name}")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "index 'due'" in line
    assert "missing" in line


# 11.15: doctor


def test_doctor_on_moto_names_region_account_store_and_webhook_host(
    aws: MotoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = table_in(REGION)
    config = tmp_path / "leftovers.toml"
    config.write_text('timezone = "Asia/Tokyo"\nlanguage = "ja"\n')
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/SECRETPART")
    result = CliRunner().invoke(cli, ["--config", str(config), "doctor", "--store", url], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert lines["store"].strip() == f"{url} (exists)"
    assert lines["region"].strip() == f"{REGION} (from AWS_REGION)"
    assert lines["account"].strip() == "123456789012"
    assert lines["config"].strip() == f"{config} (from --config)"
    assert lines["timezone"].strip() == "Asia/Tokyo"
    assert lines["language"].strip() == "ja"
    assert lines["destination"].strip() == "Slack webhook at hooks.slack.com (from LEFTOVERS_SLACK_WEBHOOK_URL)"
    assert "SECRETPART" not in result.output


def test_doctor_without_credentials_or_region_still_answers(
    no_region: MotoServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    missing = tmp_path / "missing.db"
    result = invoke("--store", str(missing), "doctor")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert lines["store"].strip() == f"{missing} (missing)"
    assert lines["region"].strip() == "none (pass --region or set AWS_REGION)"
    assert lines["account"].strip().startswith("unknown (")
    assert lines["config"].strip() == "none (defaults)"
    assert lines["destination"].strip().startswith("none: notify only previews")
    assert not missing.exists()
