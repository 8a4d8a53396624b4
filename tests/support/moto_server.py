"""A moto server over real HTTP for the AWS tests, one per pytest (xdist worker) process, and tables built from
template.yaml so the key schema is defined once."""

from __future__ import annotations

import atexit
import copy
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
import requests
from moto.dynamodb import models as dynamodb_models
from moto.server import ThreadedMotoServer
from samtranslator.yaml_helper import yaml_parse

from leftovers.adapters.stores.dynamodb import DynamoDBStore

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
REGION = "ap-northeast-1"
TABLE_FIELDS = ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode")


@dataclass(frozen=True)
class MotoServer:
    """Where the server listens."""

    port: int

    @property
    def url(self) -> str:
        """The endpoint URL boto3 is pointed at."""
        return f"http://127.0.0.1:{self.port}"

    def configure(self, config: dict[str, Any]) -> None:
        """Switch moto behaviour (e.g. executing state machines) through its HTTP API."""
        requests.post(f"{self.url}/moto-api/config", json=config, timeout=10).raise_for_status()


_shared: list[MotoServer] = []


class _CopyOncePerTransaction:
    """moto 5.2 deep-copies a whole table once per *item* of a TransactWriteItems (for rollback), which makes a
    100-item transaction on a 10,000-item table take minutes. Inside a transaction this copies each table once;
    elsewhere it is ``copy`` itself. Semantics are unchanged: the rollback copy is the same state."""

    def __init__(self) -> None:
        self.local = threading.local()

    def deepcopy(self, obj: Any, memo: Any = None) -> Any:
        cache: dict[int, tuple[Any, Any]] | None = getattr(self.local, "cache", None)
        if cache is None:
            return copy.deepcopy(obj, memo)
        if id(obj) not in cache:  # the original is kept alongside, so its id cannot be reused meanwhile
            cache[id(obj)] = (obj, copy.deepcopy(obj, memo))
        return cache[id(obj)][1]

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)


def _patch_moto_transactions() -> None:
    shim = _CopyOncePerTransaction()
    original = dynamodb_models.DynamoDBBackend.transact_write_items

    def transact_write_items(self: Any, transact_items: Any) -> None:
        shim.local.cache = {}
        try:
            original(self, transact_items)
        finally:
            shim.local.cache = None

    dynamodb_models.copy = shim  # type: ignore[assignment]
    dynamodb_models.DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


def shared_server() -> MotoServer:
    """The one moto server of this process (each xdist worker has its own), started on first use."""
    if not _shared:
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)  # 0: the OS picks a free port
        _patch_moto_transactions()
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one INFO line per request drowns test output
        server.start()
        atexit.register(server.stop)
        _shared.append(MotoServer(server.get_host_and_port()[1]))
    return _shared[0]


@pytest.fixture(scope="session")
def moto_server() -> MotoServer:
    """The moto server, for the whole session of this process; tests keep apart by unique resource names."""
    return shared_server()


@pytest.fixture
def aws(moto_server: MotoServer, monkeypatch: pytest.MonkeyPatch) -> MotoServer:
    """The standard AWS environment pointed at the moto server, for this test only."""
    return point_at(moto_server, monkeypatch)


def point_at(server: MotoServer, monkeypatch: pytest.MonkeyPatch) -> MotoServer:
    """Set the standard AWS variables (endpoint, dummy credentials, region) to reach ``server``."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", server.url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_REGION", REGION)
    # moto's Step Functions interpreter calls back into the server at localhost:$MOTO_PORT.
    monkeypatch.setenv("MOTO_PORT", str(server.port))
    return server


def unique(prefix: str) -> str:
    """A resource name no other test in this server uses."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def load_template() -> dict[str, Any]:
    """template.yaml as a dict, intrinsic short forms (!Ref, !Sub) included."""
    parsed: dict[str, Any] = yaml_parse(TEMPLATE.read_text())
    return parsed


def template_table(keep_older_due_index: bool = False) -> dict[str, Any]:
    """The CreateTable fields of the template's DynamoDB table; an index under a condition ({"Fn::If": [cond,
    index, NoValue]}, the older due index kept for an upgrade) is in only when ``keep_older_due_index``."""
    props = load_template()["Resources"]["Table"]["Properties"]
    fields = {k: props[k] for k in TABLE_FIELDS}
    indexes = fields["GlobalSecondaryIndexes"]
    kept = [i["Fn::If"][1] for i in indexes if "Fn::If" in i] if keep_older_due_index else []
    fields["GlobalSecondaryIndexes"] = [i for i in indexes if "Fn::If" not in i] + kept
    return fields


def create_table_from_template(name: str | None = None, client: Any = None) -> str:
    """Create a table exactly as template.yaml defines it (plus its TTL); return its name."""
    name = name or unique("leftovers")
    client = client or boto3.client("dynamodb")
    client.create_table(TableName=name, **template_table())
    ttl = load_template()["Resources"]["Table"]["Properties"]["TimeToLiveSpecification"]
    client.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
    return name


def endpoint_env() -> dict[str, str]:
    """The AWS variables currently set (for subprocesses that must reach the same server)."""
    return {k: v for k, v in os.environ.items() if k.startswith(("AWS_", "MOTO_"))}


@contextmanager
def dynamodb_store(request: pytest.FixtureRequest) -> Iterator[DynamoDBStore]:
    """A DynamoDB store on a fresh table built from template.yaml, on the moto server (store contract factory)."""
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    point_at(shared_server(), monkeypatch)
    client = boto3.client("dynamodb")
    name = create_table_from_template(client=client)
    try:
        yield DynamoDBStore(name, client=client)
    finally:
        client.delete_table(TableName=name)


@pytest.fixture
def lambda_env(aws: MotoServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """What the template gives the functions: a table built from template.yaml and the LEFTOVERS_* variables.

    Yields the table name; the handlers' cold-start wiring is rebuilt for this test and dropped after it.
    """
    from leftovers.handlers import _wiring

    client = boto3.client("dynamodb")
    name = create_table_from_template(client=client)
    monkeypatch.setenv("LEFTOVERS_STORE", f"dynamodb://{name}")
    monkeypatch.setenv("LEFTOVERS_TIMEZONE", "Asia/Tokyo")
    for var in ("LEFTOVERS_SLACK_WEBHOOK_URL", "LEFTOVERS_SLACK_WEBHOOK_PARAMETER", "LEFTOVERS_REMINDER"):
        monkeypatch.delenv(var, raising=False)
    _wiring.current.cache_clear()
    try:
        yield name
    finally:
        _wiring.current.cache_clear()
        client.delete_table(TableName=name)
