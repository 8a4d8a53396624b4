"""Poison messages end in the dead-letter queue after the template's maxReceiveCount, and never hold up the rest.

The queue pair is built on the moto server with the template's RedrivePolicy; the loop does what Lambda's SQS
poller does with partial batch responses: receive a batch, call the real handler, delete what did not fail.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import boto3

from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.handlers import ingest
from tests.integration.aws.ingest_path import sqs_record
from tests.support.moto_server import load_template, unique
from tests.support.synthetic import config_event


def redrive(dlq_arn: str) -> dict[str, Any]:
    """The template's RedrivePolicy, pointed at this test's dead-letter queue."""
    policy: dict[str, Any] = load_template()["Resources"]["IngestQueue"]["Properties"]["RedrivePolicy"]
    return {**policy, "deadLetterTargetArn": dlq_arn}


def queue_pair(sqs: Any) -> tuple[str, str, str, int]:
    """(queue URL, queue ARN, DLQ URL, maxReceiveCount), as the template defines them."""
    dlq = sqs.create_queue(QueueName=unique("leftovers-dlq"))["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    policy = redrive(dlq_arn)
    url = sqs.create_queue(QueueName=unique("leftovers-ingest"), Attributes={"RedrivePolicy": json.dumps(policy)})[
        "QueueUrl"
    ]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return url, arn, dlq, int(policy["maxReceiveCount"])


def poll(sqs: Any, url: str, arn: str, seen: Counter[str], rounds: int = 40) -> int:
    """Lambda's poller until the queue is empty, counting receives per body; returns the rounds it took."""
    for n in range(rounds):
        # VisibilityTimeout 0: a failed message is visible again at once (the template's 180 s, fast-forwarded)
        reply = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
        messages = reply.get("Messages", [])
        if not messages:
            return n
        seen.update(m["Body"] for m in messages)
        try:
            answer = ingest.handler({"Records": [sqs_record(m, arn) for m in messages]}, None)
            failed = {f["itemIdentifier"] for f in answer["batchItemFailures"]}
        except RuntimeError:  # every record failed: the invocation errs and Lambda deletes nothing
            failed = {m["MessageId"] for m in messages}
        for m in messages:
            if m["MessageId"] not in failed:
                sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    raise AssertionError(f"queue not drained after {rounds} rounds")


def test_poison_messages_reach_the_dlq_after_max_receives_and_good_ones_land_once(lambda_env: str) -> None:
    sqs = boto3.client("sqs")
    url, arn, dlq, max_receives = queue_pair(sqs)
    assert max_receives == 5
    good = [json.dumps(config_event(n)) for n in range(14)]
    rejected = config_event(99)
    del rejected["detail"]["configurationItem"]["resourceType"]
    poison = ["{not json", json.dumps(rejected)]
    for body in [poison[0], *good[:7], poison[1], *good[7:]]:  # a poison message in each of the first batches
        sqs.send_message(QueueUrl=url, MessageBody=body)

    seen: Counter[str] = Counter()
    rounds = poll(sqs, url, arn, seen)

    assert all(seen[b] == 1 for b in good)  # each good message was handled once: no batch was retried whole
    assert [seen[p] for p in poison] == [max_receives, max_receives]  # moto dead-letters on the next receive
    assert rounds == max_receives  # the poll after the last receive found the queue empty: they left it
    stored = {r.key.resource_id for r in DynamoDBStore(lambda_env).scan()}
    assert stored == {json.loads(b)["detail"]["configurationItem"]["resourceId"] for b in good}
    dead = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10, AttributeNames=["ApproximateReceiveCount"])
    assert sorted(m["Body"] for m in dead["Messages"]) == sorted(poison)
    main = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert (main["ApproximateNumberOfMessages"], main["ApproximateNumberOfMessagesNotVisible"]) == ("0", "0")
    sqs.delete_queue(QueueUrl=url)
    sqs.delete_queue(QueueUrl=dlq)
