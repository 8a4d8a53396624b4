"""The template's ingest path rebuilt on moto: its EventBridge rule -> an SQS queue, and Lambda's SQS batch event."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import boto3

from tests.support.moto_server import load_template, unique


def rule_pattern() -> dict[str, Any]:
    """The template's event pattern."""
    pattern: dict[str, Any] = load_template()["Resources"]["ConfigChangeRule"]["Properties"]["EventPattern"]
    return pattern


@dataclass(frozen=True)
class IngestPath:
    """A rule with the template's pattern on the default bus, targeting a fresh queue."""

    queue_url: str
    queue_arn: str
    rule: str

    @classmethod
    def create(cls) -> IngestPath:
        """Create the queue, the rule and its target."""
        sqs, events = boto3.client("sqs"), boto3.client("events")
        url = sqs.create_queue(QueueName=unique("leftovers-ingest"))["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        rule = unique("leftovers-config")
        events.put_rule(Name=rule, EventPattern=json.dumps(rule_pattern()), State="ENABLED")
        events.put_targets(Rule=rule, Targets=[{"Id": "IngestQueue", "Arn": arn}])
        return cls(url, arn, rule)

    def delete(self) -> None:
        """Remove what ``create`` made."""
        events = boto3.client("events")
        events.remove_targets(Rule=self.rule, Ids=["IngestQueue"])
        events.delete_rule(Name=self.rule)
        boto3.client("sqs").delete_queue(QueueUrl=self.queue_url)

    def receive(self) -> list[dict[str, Any]]:
        """Every message waiting in the queue (they stay in flight until deleted)."""
        sqs = boto3.client("sqs")
        got: list[dict[str, Any]] = []
        while True:
            reply = sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10, AttributeNames=["All"])
            if not reply.get("Messages"):
                return got
            got.extend(reply["Messages"])

    def delete_messages(self, messages: Iterable[Mapping[str, Any]]) -> None:
        """What Lambda does with the messages of a batch that did not fail."""
        sqs = boto3.client("sqs")
        for m in messages:
            sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=m["ReceiptHandle"])

    def batch_event(self, messages: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
        """The event Lambda's SQS poller hands the ingest function for these messages."""
        return {"Records": [sqs_record(m, self.queue_arn) for m in messages]}


def put_events(envelopes: Iterable[Mapping[str, Any]]) -> None:
    """PutEvents the fixtures as Config's service would emit them onto the default bus."""
    entries = [
        {
            "Source": e["source"],
            "DetailType": e["detail-type"],
            "Detail": json.dumps(e["detail"]),
            "Resources": e.get("resources", []),
        }
        for e in envelopes
    ]
    events = boto3.client("events")
    for start in range(0, len(entries), 10):
        reply = events.put_events(Entries=entries[start : start + 10])
        assert reply["FailedEntryCount"] == 0, reply


def sqs_record(message: Mapping[str, Any], queue_arn: str) -> dict[str, Any]:
    """One record of Lambda's SQS event, built from a ReceiveMessage answer."""
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message["Body"],
        "attributes": message.get("Attributes", {}),
        "messageAttributes": {},
        "md5OfBody": message["MD5OfBody"],
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": queue_arn.split(":")[3],
    }
