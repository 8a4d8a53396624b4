"""DynamoDB throttling and lost replies under the ingest handler: exactly the hit messages fail, redelivery heals.

Faults are injected on the store's own boto3 client (botocore event hooks), on a table built from template.yaml on
the moto server: *before* a request (a throttle: nothing written; raised past botocore's own retries, as when they
are spent) or *after* it (written, but the reply is lost: the caller sees an error and SQS redelivers).
"""

from __future__ import annotations

import json
import random
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from botocore.exceptions import ClientError, ReadTimeoutError
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.lifecycle import apply
from leftovers.core.model import Resource, ResourceKey
from leftovers.handlers import _wiring, ingest
from tests.support.events import load_event
from tests.support.examples import examples
from tests.support.synthetic import config_event

Decide = Callable[[str, dict[str, Any]], str | None]  # (operation, params) -> None, "before" or "after"
WRITES = ("PutItem", "TransactWriteItems")
THROTTLED = {
    "PutItem": {"Code": "ProvisionedThroughputExceededException"},
    "BatchGetItem": {"Code": "ProvisionedThroughputExceededException"},
    # A throttled transaction is cancelled with a ThrottlingError reason: not a conflict, so not retried in place.
    "TransactWriteItems": {"Code": "TransactionCanceledException"},
}


def throttled(operation: str, params: dict[str, Any]) -> ClientError:
    """The error DynamoDB answers a throttled request with."""
    reasons = [{"Code": "ThrottlingError", "Message": "Throughput exceeds the current capacity."}]
    response: Any = {
        "Error": {**THROTTLED[operation], "Message": "Throughput exceeds the current capacity of your table."},
        "ResponseMetadata": {"HTTPStatusCode": 400},
    }
    if operation == "TransactWriteItems":
        response["CancellationReasons"] = reasons * len(params["TransactItems"])
    return ClientError(response, operation)


def written(params: dict[str, Any]) -> list[str]:
    """The item keys a write request names."""
    if "Item" in params:
        return [params["Item"]["pk"]["S"]]
    return [entry["Put"]["Item"]["pk"]["S"] for entry in params.get("TransactItems", []) if "Put" in entry]


class Faults:
    """Fails the calls ``decide`` picks, on one client; records what it injected."""

    def __init__(self, decide: Decide) -> None:
        self.decide = decide
        self.injected: list[tuple[str, str]] = []
        self._lose_reply = False

    def attach(self, client: Any) -> None:
        """Hook into every DynamoDB call of ``client`` (after its parameters, before its request; after its reply)."""
        client.meta.events.register("before-parameter-build.dynamodb", self._before, unique_id="faults-before")
        client.meta.events.register("after-call.dynamodb", self._after, unique_id="faults-after")

    def detach(self, client: Any) -> None:
        """Remove the hooks."""
        client.meta.events.unregister("before-parameter-build.dynamodb", unique_id="faults-before")
        client.meta.events.unregister("after-call.dynamodb", unique_id="faults-after")

    def _before(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        when = self.decide(model.name, params)
        if when:
            self.injected.append((model.name, when))
        if when == "before":
            raise throttled(model.name, params)
        self._lose_reply = when == "after"

    def _after(self, model: Any, **_: Any) -> None:
        if self._lose_reply:
            self._lose_reply = False
            raise ReadTimeoutError(endpoint_url=f"dynamodb {model.name}")


def sqs_batch(bodies: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Lambda's SQS event for (message id, body) pairs."""
    return {"Records": [{"messageId": mid, "body": body, "eventSource": "aws:sqs"} for mid, body in bodies]}


def stored(table: str) -> dict[ResourceKey, tuple[Resource, int]]:
    """Every record in the table, with its version."""
    return {r.key: (r, r.version) for r in DynamoDBStore(table).scan(include_inactive=True)}


def ground_truth(bodies: Iterable[str]) -> dict[ResourceKey, Resource]:
    """The events folded in capture-time order with the core's rules, into a dict: what the table must hold."""
    changes = [c for b in set(bodies) for c in parse_event(json.loads(b)).changes]  # a repeat is the same event
    changes.sort(key=lambda c: c.captured_at)
    truth: dict[ResourceKey, Resource] = {}
    for c in changes:
        truth[c.key] = apply(truth.get(c.key), c, _wiring.current().settings.policy)[0]
    return truth


@pytest.fixture
def client(lambda_env: str) -> Any:
    """The boto3 client of the handlers' own store (faults must hit the calls the handler makes)."""
    store = _wiring.current().store
    assert isinstance(store, DynamoDBStore)
    return store.client


def test_throttled_writes_fail_exactly_their_messages_and_succeed_on_redelivery(lambda_env: str, client: Any) -> None:
    bodies = {f"m-{n}": json.dumps(config_event(n)) for n in range(8)}
    bodies["m-run"] = json.dumps(load_event("cloudtrail_run_instances"))  # two instances: one TransactWriteItems
    pending = {f"i-{2:017x}": "before", f"i-{5:017x}": "before", f"i-{7:017x}": "after", "transaction": "before"}

    def decide(operation: str, params: dict[str, Any]) -> str | None:
        keys = written(params) if operation in WRITES else []
        target = "transaction" if operation == "TransactWriteItems" else next(
            (rid for rid in pending if any(k.endswith(rid) for k in keys)), None
        )  # fmt: skip
        return pending.pop(target) if target in pending else None  # each fails once, on its first write

    faults = Faults(decide)
    faults.attach(client)
    reply = ingest.handler(sqs_batch(bodies.items()), None)

    failed = [f["itemIdentifier"] for f in reply["batchItemFailures"]]
    assert failed == ["m-2", "m-5", "m-7", "m-run"]
    assert sorted(faults.injected) == [("PutItem", "after"), ("PutItem", "before"), ("PutItem", "before"),
                                       ("TransactWriteItems", "before")]  # fmt: skip
    after_first = stored(lambda_env)
    assert len(after_first) == 6  # m-7 was written although its caller saw an error

    again = ingest.handler(sqs_batch((m, bodies[m]) for m in failed), None)  # SQS redelivers the failed ones

    assert again == {"batchItemFailures": []}
    final = stored(lambda_env)
    assert {k: r for k, (r, _) in final.items()} == ground_truth(bodies.values())
    assert {v for _, v in final.values()} == {1}  # m-7's redelivery found its write done and wrote nothing


def deliver(queue: deque[tuple[str, str]], batch_size: int = 10, rounds: int = 200) -> int:
    """Lambda's SQS poller: batches to the handler, failed messages back in the queue; returns the rounds taken."""
    for n in range(rounds):
        if not queue:
            return n
        batch = [queue.popleft() for _ in range(min(batch_size, len(queue)))]
        try:
            failed = {f["itemIdentifier"] for f in ingest.handler(sqs_batch(batch), None)["batchItemFailures"]}
        except RuntimeError:  # the whole batch failed: the invocation errs and every message comes back
            failed = {mid for mid, _ in batch}
        queue.extend(m for m in batch if m[0] in failed)
    raise AssertionError(f"messages still failing after {rounds} rounds: {list(queue)}")


def random_faults(rng: random.Random, budget: int) -> Decide:
    """Fails about a third of the calls (writes before or after, reads before), at most ``budget`` times."""
    left = [budget]

    def decide(operation: str, params: dict[str, Any]) -> str | None:
        if left[0] == 0 or operation not in (*WRITES, "BatchGetItem") or rng.random() > 0.35:
            return None
        left[0] -= 1
        return rng.choice(("before", "after")) if operation in WRITES else "before"

    return decide


@st.composite
def lifecycles(draw: st.DrawFn) -> list[tuple[int, str, int, str]]:
    """(resource, status, minute, tag) Config events of a few resources, each discovered, updated, maybe deleted
    and discovered again: the histories the core's order-independence covers (see tests/unit/core)."""
    events = []
    for n in range(draw(st.integers(1, 3))):
        minute, incarnations = 0, draw(st.integers(1, 2))
        for i in range(incarnations):
            minute += draw(st.integers(1, 30))
            events.append((n, "ResourceDiscovered", minute, f"created-{i}"))
            for u in range(draw(st.integers(0, 2))):
                minute += draw(st.integers(1, 30))
                events.append((n, "OK", minute, f"updated-{i}-{u}"))
            if i < incarnations - 1 or draw(st.booleans()):
                minute += draw(st.integers(1, 30))
                events.append((n, "ResourceDeleted", minute, "deleted"))
    return events


def contract(records: dict[ResourceKey, Resource]) -> dict[ResourceKey, object]:
    """What the core promises whatever the order: an active record exactly; a tombstone, its last deletion."""
    return {k: r if r.active else ("tombstone", r.deleted_at, r.next_due_at) for k, r in records.items()}


@settings(max_examples=examples(10), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=lifecycles(), data=st.data())
def test_any_delivery_order_duplicates_and_transient_faults_end_in_the_ground_truth(
    lambda_env: str, client: Any, events: list[tuple[int, str, int, str]], data: st.DataObject
) -> None:
    for r, _ in stored(lambda_env).values():  # one table for every example: empty it first
        client.delete_item(TableName=lambda_env, Key={"pk": {"S": str(r.key)}})
    bodies = [json.dumps(config_event(n, status, minutes=m, v=tag)) for n, status, m, tag in events]
    repeats = data.draw(st.lists(st.sampled_from(bodies), max_size=len(bodies)), label="redelivered")
    deliveries = data.draw(st.permutations(bodies + repeats), label="order")
    faults = Faults(random_faults(data.draw(st.randoms(use_true_random=False), label="faults"), budget=12))
    faults.attach(client)
    try:
        deliver(deque((f"m-{n}", body) for n, body in enumerate(deliveries)))
    finally:
        faults.detach(client)
    event(f"faults injected: {min(len(faults.injected), 3)}{'+' if len(faults.injected) >= 3 else ''}")
    assert contract({k: r for k, (r, _) in stored(lambda_env).items()}) == contract(ground_truth(bodies))
