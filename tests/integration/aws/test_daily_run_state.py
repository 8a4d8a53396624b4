"""An execution in flight during a deploy: state written by the steps of the previous version (rows by position)
is never decoded as rows; the steps read the table instead, and every record keeps its own values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from leftovers.adapters.stores.codec import to_values
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.deadlines import Schedule
from leftovers.core.model import ResourceKey
from leftovers.handlers import mark, notify
from leftovers.service.ingest import ingest
from tests.support.changes import change
from tests.support.moto_server import REGION
from tests.support.slack_sink import SlackSink

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", REGION, "AWS::EC2::Instance", "i-inflight")


def stored(table: str) -> Any:
    store = DynamoDBStore(table)
    ingest(store, [change("created", key=KEY, name="web", tags={"Owner": "alice"})], Schedule())
    return store.load([KEY])[KEY]


def shifted(values: tuple[Any, ...]) -> list[Any]:
    """A row of the previous version, whose columns sat one place further on (one column more before ``name``)."""
    return [*values[:4], "a-dropped-column", *values[4:]]


def test_mark_reads_by_key_a_row_it_cannot_decode_by_name(lambda_env: str) -> None:
    record = stored(lambda_env)
    assert mark.handler({"at": AT.isoformat(), "sent": [str(KEY)], "seen": [shifted(to_values(record))]}, None) == 1
    after = DynamoDBStore(lambda_env).load([KEY])[KEY]
    assert (after.name, dict(after.tags), after.notify_count) == ("web", {"Owner": "alice"}, 1)


def test_notify_queries_the_table_for_rows_it_cannot_decode_by_name(
    lambda_env: str, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_URL", slack_sink.url)
    record = stored(lambda_env)
    old = {"at": AT.isoformat(), "reconcile": {"due_rows": [shifted(to_values(record.evolve(name="stale")))]}}
    out = notify.handler(old, None)
    assert (out["due"], out["sent"]) == (1, [str(KEY)])
    text = str([r.json for r in slack_sink.accepted])
    assert "web" in text
    assert "stale" not in text
