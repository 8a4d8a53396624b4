"""The ingest handler on a real SQS batch event: a bad message fails alone, the good ones land in DynamoDB once."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.errors import StoreError
from leftovers.handlers import ingest
from tests.integration.aws.ingest_path import sqs_record
from tests.support.events import load_event

QUEUE_ARN = "arn:aws:sqs:ap-northeast-1:123456789012:leftovers-ingest"


def message(n: int, body: str) -> dict[str, Any]:
    return {"MessageId": f"m-{n}", "ReceiptHandle": f"r-{n}", "Body": body, "MD5OfBody": "0" * 32}


def batch(*bodies: str) -> dict[str, Any]:
    return {"Records": [sqs_record(message(n, b), QUEUE_ARN) for n, b in enumerate(bodies)]}


def stored(table: str) -> dict[str, Any]:
    """Every record, with its version (which ``==`` on records ignores)."""
    return {str(r.key): (r, r.version) for r in DynamoDBStore(table).scan(include_inactive=True)}


def test_a_malformed_message_is_reported_alone(lambda_env: str) -> None:
    good = [load_event("config_discovered_ec2_instance"), load_event("config_discovered_s3_bucket")]
    rejected = load_event("config_discovered_eip")
    del rejected["detail"]["configurationItem"]["resourceType"]
    event = batch(json.dumps(good[0]), "{not json", json.dumps(good[1]), json.dumps(rejected))

    reply = ingest.handler(event, None)

    assert reply == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-3"}]}
    records = stored(lambda_env)
    assert len(records) == 2
    ids = {e["detail"]["configurationItem"]["resourceId"] for e in good}
    assert {r.key.resource_id for r, _ in records.values()} == ids
    assert all(r.active and r.next_due_at is not None for r, _ in records.values())


def test_a_redelivered_batch_changes_nothing(lambda_env: str) -> None:
    body = json.dumps(load_event("config_discovered_ec2_instance"))
    assert ingest.handler(batch(body), None) == {"batchItemFailures": []}
    first = stored(lambda_env)
    assert ingest.handler(batch(body, body), None) == {"batchItemFailures": []}
    assert stored(lambda_env) == first  # same versions: a duplicate does not even write


def test_an_ignored_event_succeeds_without_writing(lambda_env: str) -> None:
    assert ingest.handler(batch(json.dumps(load_event("scheduled_event"))), None) == {"batchItemFailures": []}
    assert stored(lambda_env) == {}


def test_a_batch_of_rejected_events_fails_each_message_but_not_the_invocation(lambda_env: str) -> None:
    # Each is kept for the dead-letter queue; the invocation itself did nothing wrong (a real failure of a whole
    # batch does fail it: see the next test).
    assert ingest.handler(batch("[", "]"), None) == {
        "batchItemFailures": [{"itemIdentifier": "m-0"}, {"itemIdentifier": "m-1"}]
    }


def test_a_rejected_event_is_one_warning_line_and_a_real_failure_an_error(
    lambda_env: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    rejected = load_event("config_discovered_eip")
    del rejected["detail"]["configurationItem"]["resourceType"]
    caplog.set_level(logging.DEBUG, logger="leftovers")

    reply = ingest.handler(batch(json.dumps(load_event("config_discovered_ec2_instance")), json.dumps(rejected)), None)

    assert reply == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}  # kept for the dead-letter queue
    ours = [r for r in caplog.records if r.name == "leftovers"]
    (warning,) = [r for r in ours if r.levelno == logging.WARNING]
    assert warning.getMessage() == "rejected event"
    assert "resourceType" in warning.reason  # type: ignore[attr-defined]
    assert warning.message_id == "m-1"  # type: ignore[attr-defined]
    assert "\n" not in warning.reason  # type: ignore[attr-defined]
    assert not [r for r in ours if r.levelno >= logging.ERROR or r.exc_info]

    # A real failure (the table is unreachable) is an ERROR with its traceback, and fails the invocation.
    caplog.clear()
    monkeypatch.setattr(DynamoDBStore, "load", lambda *_: (_ for _ in ()).throw(StoreError("table unreachable")))
    with pytest.raises(RuntimeError, match="All records failed"):
        ingest.handler(batch(json.dumps(load_event("config_discovered_s3_bucket"))), None)
    (error,) = [r for r in caplog.records if r.name == "leftovers" and r.levelno == logging.ERROR]
    assert error.getMessage() == "message failed"
    assert error.exc_info


def count_requests(client: Any) -> list[str]:
    """Every DynamoDB operation the client makes from now on, by name."""
    calls: list[str] = []
    client.meta.events.register("before-call.dynamodb", lambda model, **_: calls.append(model.name))
    return calls


def test_one_batch_is_loaded_with_one_read_and_a_bad_message_still_fails_alone(lambda_env: str) -> None:
    from leftovers.handlers._wiring import current

    names = ["config_discovered_ec2_instance", "config_discovered_s3_bucket", "config_discovered_eip"]
    good = [json.dumps(load_event(n)) for n in names]
    calls = count_requests(current().store.client)  # type: ignore[attr-defined]

    reply = ingest.handler(batch(good[0], "{not json", good[1], good[2]), None)

    assert reply == {"batchItemFailures": [{"itemIdentifier": "m-1"}]}
    assert calls.count("BatchGetItem") == 1  # the union of the batch's keys, not one read per message
    assert calls.count("PutItem") + calls.count("TransactWriteItems") == 3  # each message saved on its own
    assert len(stored(lambda_env)) == 3

    calls.clear()  # the same batch again: one read, no write
    assert ingest.handler(batch(*good), None) == {"batchItemFailures": []}
    assert calls == ["BatchGetItem"]


def test_a_failed_batch_read_falls_back_to_each_message_reading_its_own(
    lambda_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, reads = DynamoDBStore.load, []

    def flaky(store: DynamoDBStore, keys: Any) -> Any:
        reads.append(len(keys))
        if len(reads) == 1:
            raise StoreError("throttled")
        return real(store, keys)

    monkeypatch.setattr(DynamoDBStore, "load", flaky)
    names = ["config_discovered_ec2_instance", "config_discovered_s3_bucket"]
    assert ingest.handler(batch(*(json.dumps(load_event(n)) for n in names)), None) == {"batchItemFailures": []}
    assert reads == [2, 1, 1]  # the batch's read failed; each message then read its own key
    assert len(stored(lambda_env)) == 2
