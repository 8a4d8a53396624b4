"""The reconcile handler on a moto server: a volume deleted without an event is healed, a live one stays, a type
nothing can check is unknown; every AWS call it makes is one its role in template.yaml allows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from leftovers.adapters.inventory import ROWS
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import InventoryError, SettingsError
from leftovers.core.model import ResourceKey
from leftovers.handlers import reconcile
from leftovers.handlers._state import packed_rows_in
from leftovers.resources._checks import IAM_PREFIX
from leftovers.service.ingest import ingest
from leftovers.service.notify import mark
from tests.integration.aws.test_template_reconcile import reconcile_statements
from tests.support.changes import change
from tests.support.moto_server import REGION

ACCOUNT = "123456789012"  # moto's default account, the one the credentials belong to
AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
# Calls whose IAM action is not named after them (a transaction of puts needs PutItem on each item).
ACTION_OF_CALL = {
    ("resourcegroupstaggingapi", "GetResources"): "tag:GetResources",
    ("dynamodb", "TransactWriteItems"): "dynamodb:PutItem",
}
NEEDS_NO_PERMISSION = {("sts", "GetCallerIdentity")}


class Context:
    """What the handler reads of Lambda's context object."""

    def __init__(self, remaining_ms: int) -> None:
        self.remaining_ms = remaining_ms

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


@pytest.fixture(autouse=True)
def fresh_options() -> Iterator[None]:
    reconcile.options.cache_clear()
    yield
    reconcile.options.cache_clear()


@pytest.fixture
def calls(lambda_env: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (service, operation) the clients created from now on call, in order."""
    made: list[tuple[str, str]] = []
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    boto3.setup_default_session()

    def record(model: Any, **_: Any) -> None:
        made.append((model.service_model.service_name, model.name))

    assert boto3.DEFAULT_SESSION is not None
    boto3.DEFAULT_SESSION.events.register("before-call.*.*", record)
    return made


def key(resource_type: str, resource_id: str) -> ResourceKey:
    return ResourceKey(ACCOUNT, REGION, resource_type, resource_id)


def world(table: str) -> dict[str, ResourceKey]:
    """A live and a deleted EBS volume in moto's EC2 and a type no check knows, all three tracked in the table."""
    ec2 = boto3.client("ec2")
    live, lost = (ec2.create_volume(Size=8, AvailabilityZone=f"{REGION}a")["VolumeId"] for _ in range(2))
    ec2.delete_volume(VolumeId=lost)  # no event reaches Leftovers
    keys = {
        "live": key("AWS::EC2::Volume", live),
        "lost": key("AWS::EC2::Volume", lost),
        "unsupported": key("AWS::EC2::LaunchTemplate", "lt-0123456789abcdef0"),
    }
    changes = [change("created", n, key=k, name=name) for n, (name, k) in enumerate(keys.items())]
    ingest(DynamoDBStore(table), changes, Schedule())
    return keys


def active(table: str) -> set[ResourceKey]:
    return {r.key for r in DynamoDBStore(table).scan()}


def allowed_actions() -> set[str]:
    statements = reconcile_statements().values()
    return {a for s in statements for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}


def action(call: tuple[str, str]) -> str:
    """The IAM action a call needs, as AWS documents it (the describe table knows its own exceptions)."""
    service, operation = call
    rows = [r for r in ROWS.values() if (r.service, r.operation) == call]
    return rows[0].action if rows else ACTION_OF_CALL.get(call, f"{IAM_PREFIX.get(service, service)}:{operation}")


def test_a_lost_deletion_is_healed_a_live_volume_stays_and_an_unknown_type_is_counted(
    lambda_env: str, calls: list[tuple[str, str]]
) -> None:
    keys = world(lambda_env)
    del calls[:]  # the set-up's own calls

    out = reconcile.handler({"at": AT.isoformat()}, Context(remaining_ms=300_000))

    assert out["counts"] == {"checked": 3, "present": 1, "healed": 1, "unknown": 1}
    assert active(lambda_env) == {keys["live"], keys["unsupported"]}
    (healed,) = [r for r in DynamoDBStore(lambda_env).scan(include_inactive=True) if r.key == keys["lost"]]
    assert healed.deleted_at == AT
    assert ("ec2", "DescribeVolumes") in calls
    needed = {action(c) for c in calls if c not in NEEDS_NO_PERMISSION}
    assert needed - allowed_actions() == set()  # the role in template.yaml allows every call the step made
    assert reconcile.handler({"at": AT.isoformat()}, None)["counts"] == {
        "checked": 2, "present": 1, "healed": 0, "unknown": 1
    }  # fmt: skip
    # The due rows still there go on to notify, as stored, by column name (a healed record is left out).
    handed = packed_rows_in(out["due_rows"]) or []
    assert {r.key for r in handed} == {keys["live"], keys["unsupported"]}
    stored = DynamoDBStore(lambda_env).load([keys["live"]])[keys["live"]]
    assert next(r for r in handed if r.key == keys["live"]).version == stored.version


def test_the_limit_checks_the_oldest_first(lambda_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = world(lambda_env)
    monkeypatch.setenv(reconcile.LIMIT, "1")
    counts = reconcile.handler({"at": AT.isoformat()}, None)["counts"]
    assert counts == {"checked": 1, "present": 1, "healed": 0, "unknown": 0}
    assert keys["lost"] in active(lambda_env)  # the newer record was not checked


def test_scope_due_checks_only_what_is_due_and_all_checks_everything(
    lambda_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = world(lambda_env)
    store = DynamoDBStore(lambda_env)
    mark(store, [keys["lost"]], AT, Schedule())  # notified tonight: not due again for a week
    out = reconcile.handler({"at": AT.isoformat()}, None)
    assert out["counts"] == {"checked": 2, "present": 1, "healed": 0, "unknown": 1}
    assert keys["lost"] in active(lambda_env)  # not due, so not checked (and not in the digest either)
    reconcile.options.cache_clear()
    monkeypatch.setenv(reconcile.SCOPE, "all")
    out = reconcile.handler({"at": AT.isoformat()}, None)
    assert out["counts"] == {"checked": 3, "present": 1, "healed": 1, "unknown": 1}
    assert out["due_rows"] is None  # a Scan's rows are not what is due: notify queries itself
    assert keys["lost"] not in active(lambda_env)


def test_too_many_due_rows_for_the_state_are_left_for_notify_to_query(
    lambda_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    world(lambda_env)
    monkeypatch.setattr(reconcile, "MAX_ROWS_BYTES", 100)
    assert reconcile.handler({"at": AT.isoformat()}, None)["due_rows"] is None


def test_near_the_timeout_the_rest_is_unknown_not_gone(lambda_env: str) -> None:
    keys = world(lambda_env)
    counts = reconcile.handler({"at": AT.isoformat()}, Context(remaining_ms=reconcile.MARGIN_MS - 1))["counts"]
    assert counts == {"checked": 3, "present": 0, "healed": 0, "unknown": 3}
    assert keys["lost"] in active(lambda_env)


@pytest.mark.parametrize(
    ("variable", "value"), [(reconcile.LIMIT, "0"), (reconcile.USE_CONFIG, "yes"), (reconcile.SCOPE, "some")]
)
def test_a_bad_setting_fails_the_invocation(
    lambda_env: str, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        reconcile.handler({"at": AT.isoformat()}, None)


def test_aws_out_of_reach_raises_and_changes_nothing(
    lambda_env: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    keys = world(lambda_env)
    reconcile.handler({"at": AT.isoformat()}, None)  # the table's client is built, with the credentials
    lost = key("AWS::EC2::Volume", "vol-0feedfacefeedface")
    table = DynamoDBStore(lambda_env, client=boto3.client("dynamodb"))  # to look afterwards
    ingest(table, [change("created", key=lost)], Schedule())
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)

    with pytest.raises(InventoryError, match="Unable to locate credentials"):
        reconcile.handler({"at": AT.isoformat()}, None)
    assert {r.key for r in table.scan()} == {keys["live"], keys["unsupported"], lost}


def test_while_another_run_holds_the_lease_it_answers_how_long_to_wait_then_gives_up(lambda_env: str) -> None:
    from leftovers.core.run_lease import RunInProgress
    from leftovers.handlers import _wiring

    _wiring.current().lease.acquire("execution:first", datetime.now(UTC))
    second = {"at": AT.isoformat(), "run": "execution:second"}
    out = reconcile.handler(second, None)
    assert out == {"counts": None, "due_rows": None, "waited": 1, "wait_seconds": reconcile.WAITS[0]}
    later = reconcile.handler({**second, "reconcile": {"waited": 3}}, None)
    assert (later["waited"], later["wait_seconds"]) == (4, reconcile.WAITS[3])
    with pytest.raises(RunInProgress, match="execution:first"):
        reconcile.handler({**second, "reconcile": {"waited": len(reconcile.WAITS)}}, None)
    _wiring.current().lease.release("execution:first")
    assert reconcile.handler(second, None)["wait_seconds"] == 0
