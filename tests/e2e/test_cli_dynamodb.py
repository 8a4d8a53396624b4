"""The CLI against a DynamoDB table on the moto server: store init, ingest, report and notify from a laptop."""

from __future__ import annotations

import json
import os

import boto3
import pytest
from click.testing import CliRunner, Result

from leftovers.adapters.stores.dynamodb.schema import table_definition
from leftovers.cli import cli
from tests.support.moto_server import MotoServer, template_table, unique
from tests.support.synthetic import config_event, jsonl

pytestmark = pytest.mark.usefixtures("aws")
NIGHT = "2026-11-21T00:00:00+09:00"


def invoke(*args: str, input: str | None = None) -> Result:
    env = {k: None for k in os.environ if k.startswith("LEFTOVERS_")}
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def test_store_init_creates_the_templates_table_and_the_cli_uses_it(aws: MotoServer) -> None:
    url = f"dynamodb://{unique('cli')}"
    created = invoke("store", "init", "--store", url)
    assert created.exit_code == 0, created.output
    described = boto3.client("dynamodb").describe_table(TableName=url.removeprefix("dynamodb://"))["Table"]
    assert described["KeySchema"] == table_definition()["KeySchema"] == template_table()["KeySchema"]
    assert {g["IndexName"] for g in described["GlobalSecondaryIndexes"]} == {
        g["IndexName"] for g in template_table()["GlobalSecondaryIndexes"]
    }
    ingested = invoke("--store", url, "ingest", "-", input=jsonl([config_event(n) for n in range(4)]))
    assert ingested.stdout.startswith("4 tracked")
    rows = json.loads(invoke("--store", url, "report", "--due", "--at", NIGHT, "--format", "json").stdout)
    assert len(rows) == 4
    sent = invoke("--store", url, "notify", "--to", "terminal", "--at", NIGHT)
    assert "4 leftovers still exist" in sent.stdout
    assert invoke("notify", "--store", url, "--to", "terminal", "--at", NIGHT).stdout.strip() == "Nothing is due."


def test_a_bad_table_url_is_a_settings_error() -> None:
    result = invoke("store", "init", "--store", "dynamodb://bad name!")
    assert result.exit_code == 1
    assert "not a DynamoDB store URL" in result.stderr
