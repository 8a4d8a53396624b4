"""The DynamoDB benchmarks run small on the moto server, and their moto speed-up keeps transactions all-or-nothing."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from tests.support.moto_server import MotoServer, create_table_from_template

BENCH = Path(__file__).resolve().parents[3] / "bench"


def load(name: str) -> ModuleType:
    """A bench script as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bench_env(aws: MotoServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The scripts set os.environ themselves: recorded here so that it is all undone after the test."""
    for name in ("LEFTOVERS_STORE", "LEFTOVERS_TIMEZONE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "placeholder")
    from leftovers.handlers import _wiring

    _wiring.current.cache_clear()
    yield
    _wiring.current.cache_clear()


@pytest.mark.usefixtures("bench_env")
def test_daily_run_bench_finds_every_due_item_and_reads_only_those(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("daily_run_dynamodb").main(["--tracked", "150", "1500"]) == 0
    out = capsys.readouterr().out
    assert "every due item found and marked, through either index: PASS" in out
    assert "reconcile + notify rows read / due items, worst size: 1.00" in out
    assert "keys-only entries read / due: 1.00" in out
    rows = {m[1]: m[2].split() for m in re.finditer(r"^ +1,500 +15 (\S+) \(\S+\) +\|(.*)$", out, re.M)}
    assert set(rows) == {"due_keys", "due"}
    # requests, entries, rows: the keys-only index costs one BatchGetItem more, and reads 15 entries beside 15 rows
    assert rows["due_keys"][:3] == [str(int(rows["due"][0]) + 1), "15", "15"]
    assert rows["due"][1:3] == ["0", "15"]
    assert float(rows["due_keys"][3]) > float(rows["due"][3])  # read units: the rows by key
    assert rows["due_keys"][4] == rows["due"][4] == "60"  # marking: 15 x (2 x 1 transactional + 2 index) either way
    from leftovers.handlers import _wiring, mark, notify, reconcile

    assert notify.current is mark.current is reconcile.current is _wiring.current  # the handlers as they were


@pytest.mark.usefixtures("bench_env")
def test_ingest_burst_bench_counts_requests_and_repeats(capsys: pytest.CaptureFixture[str]) -> None:
    assert load("ingest_sqs").main(["--events", "200"]) == 0
    out = capsys.readouterr().out
    assert "200 Config events (20 repeated deliveries)" in out
    assert "reads per event: 0.10" in out  # one BatchGetItem per SQS batch of 10, duplicates included
    assert "target <= 0.83): PASS" in out
    assert "failed messages: 0 (target 0): PASS" in out
    assert "per first delivery" in out
    units = {m[1]: float(m[2]) for m in re.finditer(r"^ {4}(ALL|INCLUDE|KEYS_ONLY)\b.*? (\d\.\d\d) =", out, re.M)}
    assert set(units) == {"ALL", "INCLUDE", "KEYS_ONLY"}
    assert units["KEYS_ONLY"] < units["INCLUDE"] < units["ALL"]  # the index written less often and smaller
    assert "(template.yaml's 'due_keys')" in out


def put(table: str, key: str, version: int, **condition: Any) -> dict[str, Any]:
    return {"Put": {"TableName": table, "Item": {"pk": {"S": key}, "version": {"N": str(version)}}, **condition}}


def versions(client: Any, table: str) -> dict[str, str]:
    return {i["pk"]["S"]: i["version"]["N"] for i in client.scan(TableName=table)["Items"]}


@pytest.mark.usefixtures("bench_env")
def test_the_cheap_transaction_snapshot_still_undoes_a_cancelled_transaction() -> None:
    load("_moto").start_moto()
    client = boto3.client("dynamodb")
    table = create_table_from_template(client=client)
    client.put_item(TableName=table, Item={"pk": {"S": "a"}, "version": {"N": "1"}})
    bump = {"Update": {"TableName": table, "Key": {"pk": {"S": "a"}}, "UpdateExpression": "SET version = :n",
                       "ExpressionAttributeValues": {":n": {"N": "2"}}}}  # fmt: skip  # moto updates in place
    stale = {"ConditionExpression": "version = :v", "ExpressionAttributeValues": {":v": {"N": "7"}}}
    with pytest.raises(ClientError, match="TransactionCanceled"):
        client.transact_write_items(TransactItems=[put(table, "b", 1), bump, put(table, "c", 1, **stale)])
    assert versions(client, table) == {"a": "1"}  # b's put and a's update were both undone
    client.transact_write_items(TransactItems=[put(table, "b", 1), bump])
    assert versions(client, table) == {"a": "2", "b": "1"}
    client.delete_table(TableName=table)
