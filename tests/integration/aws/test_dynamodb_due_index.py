"""The due index projects keys only (issue 16): the daily run reads the rows by key, exactly as the older index that
projected every attribute gave them, and a table deployed with that older index keeps working."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from click.testing import CliRunner

from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.adapters.stores.dynamodb.schema import (
    DUE_INDEX,
    LEGACY_DUE_INDEX,
    differences,
    due_index,
    legacy_table_definition,
)
from leftovers.cli import cli
from leftovers.core.deadlines import Schedule, with_deadline
from leftovers.core.model import Creation, Resource, ResourceKey
from tests.support.moto_server import MotoServer, create_table_from_template, unique

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


def records(n: int) -> list[Resource]:
    """``n`` varied records: most due at AT, some not yet, some deleted, every column used by some."""
    out = []
    for i in range(n):
        key = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Volume", f"vol-{i:05d}")
        r = Resource(
            key,
            name=f"disk {i} \u30c7\u30a3\u30b9\u30af",
            arn=f"arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-{i:05d}",
            created_at=AT - timedelta(days=30, minutes=i),
            created_by="arn:aws:iam::123456789012:user/aki",
            tags={"Owner": "aki", "n": str(i)} if i % 3 else None,
            details={"size": i, "volumeType": "gp3"},
            sources=frozenset({"config", "cloudtrail"} if i % 2 else {"config"}),
            creations=(Creation(AT - timedelta(days=31), "a"), Creation(AT - timedelta(days=30), "b")) if i % 5 == 0
            else (),
        )  # fmt: skip
        if i % 7 == 0:
            r = replace(r, first_notified_at=AT - timedelta(hours=1), last_notified_at=AT, notify_count=1)
        if i % 11 == 0:
            r = replace(r, deleted_at=AT - timedelta(days=1), expires_at=AT + timedelta(days=30))
        out.append(with_deadline(r, Schedule()))
    return out


def table(client: Any, definition: dict[str, Any] | None) -> str:
    name = unique("due-index")
    if definition is None:
        return create_table_from_template(name, client=client)
    client.create_table(TableName=name, **definition)
    return name


@pytest.fixture
def client(aws: MotoServer) -> Any:
    return boto3.client("dynamodb")


@pytest.fixture
def both(client: Any) -> Iterator[tuple[DynamoDBStore, DynamoDBStore]]:
    """The same 250 records in a table as template.yaml makes it and in one with the older ALL index."""
    stores = (DynamoDBStore(table(client, None), client=client),
              DynamoDBStore(table(client, legacy_table_definition()), client=client))  # fmt: skip
    for store in stores:
        for r in records(250):
            store.save([r])
    yield stores
    for store in stores:
        client.delete_table(TableName=store.table)


def test_the_template_table_has_only_the_keys_only_due_index(client: Any) -> None:
    name = table(client, None)
    gsi = client.describe_table(TableName=name)["Table"]["GlobalSecondaryIndexes"]
    assert [(g["IndexName"], g["Projection"]) for g in gsi] == [(DUE_INDEX, {"ProjectionType": "KEYS_ONLY"})]
    client.delete_table(TableName=name)


def test_due_reads_the_same_records_with_every_field_as_the_all_index(
    both: tuple[DynamoDBStore, DynamoDBStore],
) -> None:
    keys_only, legacy = both
    expected = [r for r in records(250) if r.active and r.next_due_at and r.next_due_at <= AT]
    expected = [replace(r, version=1) for r in expected]
    got = list(keys_only.due(AT))
    old = list(legacy.due(AT))
    assert got == old  # same records, same order, every field
    assert [r.version for r in got] == [r.version for r in old] == [1] * len(got)  # == leaves the version out
    assert sorted(got, key=lambda r: r.key.resource_id) == sorted(expected, key=lambda r: r.key.resource_id)
    assert len(got) > 100  # more than one BatchGetItem page


def count(client: Any) -> dict[str, int]:
    seen: dict[str, int] = {}

    def meter(model: Any, **_: Any) -> None:
        seen[model.name] = seen.get(model.name, 0) + 1

    client.meta.events.register("after-call.dynamodb", meter, unique_id="due-index-test")
    return seen


def test_the_rows_come_by_batch_get_in_pages_of_100_and_the_old_index_needs_none(
    both: tuple[DynamoDBStore, DynamoDBStore], client: Any
) -> None:
    keys_only, legacy = both
    seen = count(client)
    due = len(list(keys_only.due(AT)))
    assert seen == {"Query": 1, "BatchGetItem": -(-due // 100)}
    seen.clear()
    list(legacy.due(AT))
    assert seen == {"Query": 2}  # the keys-only index is missing there: one failed Query, then the old index
    seen.clear()
    list(legacy.due(AT))
    assert seen == {"Query": 1}  # the store remembers which index the table has
    client.meta.events.unregister("after-call.dynamodb", unique_id="due-index-test")


class HalfUnprocessed:
    """A client whose first BatchGetItem leaves half its keys unprocessed, as a throttled DynamoDB does."""

    def __init__(self, client: Any) -> None:
        self.client, self.calls = client, 0

    def batch_get_item(self, RequestItems: Any) -> Any:
        self.calls += 1
        if self.calls > 1:
            return self.client.batch_get_item(RequestItems=RequestItems)
        ((name, request),) = RequestItems.items()
        keys = request["Keys"]
        half = {**request, "Keys": keys[: len(keys) // 2]}
        reply = self.client.batch_get_item(RequestItems={name: half})
        return {**reply, "UnprocessedKeys": {name: {**request, "Keys": keys[len(keys) // 2 :]}}}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


def test_unprocessed_keys_are_asked_again(both: tuple[DynamoDBStore, DynamoDBStore], client: Any) -> None:
    keys_only, legacy = both
    flaky = HalfUnprocessed(client)
    got = list(DynamoDBStore(keys_only.table, client=flaky).due(AT))  # type: ignore[arg-type]
    assert got == list(legacy.due(AT))
    assert flaky.calls == -(-len(got) // 100) + 1  # a request per 100 rows, the first asked again


def test_a_row_that_moved_on_since_the_index_was_read_is_left_out(
    both: tuple[DynamoDBStore, DynamoDBStore],
) -> None:
    keys_only, _ = both
    everything = list(keys_only.due(AT))
    rows = keys_only.due(AT)
    assert next(rows) == everything[0]  # the index is read and the first 100 rows fetched; the rest wait their turn
    marked, deleted = everything[-1], everything[-2]
    keys_only.save([replace(marked, next_due_at=AT + timedelta(days=7))])
    keys_only.save([replace(deleted, deleted_at=AT, next_due_at=None)])
    rest = list(rows)
    assert [r.key for r in rest] == [r.key for r in everything[1:-2]]


def test_store_init_accepts_a_table_with_the_older_all_index(client: Any) -> None:
    name = table(client, legacy_table_definition())
    described = client.describe_table(TableName=name)["Table"]
    assert differences(described) == []
    assert [g["IndexName"] for g in described["GlobalSecondaryIndexes"]] == [LEGACY_DUE_INDEX]
    client.delete_table(TableName=name)


def test_store_init_on_the_cli_says_a_table_with_the_older_index_is_ready(client: Any) -> None:
    name = table(client, legacy_table_definition())
    result = CliRunner().invoke(cli, ["store", "init", "--store", f"dynamodb://{name}"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Store ready: DynamoDB table {name} (already there)."
    client.delete_table(TableName=name)


def test_a_table_without_either_due_index_is_refused(client: Any) -> None:
    definition = legacy_table_definition()
    definition["GlobalSecondaryIndexes"][0]["IndexName"] = "something_else"
    name = table(client, definition)
    problems = differences(client.describe_table(TableName=name)["Table"])
    assert problems == [f"index {DUE_INDEX!r} is missing (so is the older index {LEGACY_DUE_INDEX!r})"]
    client.delete_table(TableName=name)


def test_a_warm_store_follows_the_two_step_upgrade(both: tuple[DynamoDBStore, DynamoDBStore], client: Any) -> None:
    """README, Upgrading: the first update adds the keys-only index beside the older one, the second deletes the
    older one; a store (a warm Lambda) that found only the older index keeps reading through both steps."""
    keys_only, legacy = both
    expected = list(keys_only.due(AT))
    assert list(legacy.due(AT)) == expected
    assert legacy.due_index == LEGACY_DUE_INDEX
    attributes = legacy_table_definition()["AttributeDefinitions"]
    added = [{"Create": due_index(DUE_INDEX, "KEYS_ONLY")}]
    client.update_table(TableName=legacy.table, AttributeDefinitions=attributes, GlobalSecondaryIndexUpdates=added)
    assert list(legacy.due(AT)) == expected  # both there: the older one still answers
    deleted = [{"Delete": {"IndexName": LEGACY_DUE_INDEX}}]
    client.update_table(TableName=legacy.table, GlobalSecondaryIndexUpdates=deleted)
    assert list(legacy.due(AT)) == expected
    assert legacy.due_index == DUE_INDEX

