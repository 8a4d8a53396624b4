"""The deployed replay on moto: log files written to a bucket send S3 event notifications to an SQS queue (moto
delivers them), and the replay handler reads each file and ingests it into the DynamoDB table."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import unquote_plus

import boto3
import pytest

from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.handlers import replay
from tests.integration.aws.ingest_path import sqs_record
from tests.support.events import EVENTS
from tests.support.moto_server import unique
from tests.support.trail_logs import digest_key, log_key

DAY = date(2026, 9, 14)


@pytest.fixture
def bucket(lambda_env: str) -> tuple[str, str]:
    """A trail bucket whose new objects notify a queue, as the template's replay block sets it up."""
    s3, sqs = boto3.client("s3"), boto3.client("sqs")
    name = unique("trail")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
    queue = sqs.create_queue(QueueName=unique("replay"))["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    s3.put_bucket_notification_configuration(
        Bucket=name,
        NotificationConfiguration={"QueueConfigurations": [{"QueueArn": arn, "Events": ["s3:ObjectCreated:*"]}]},
    )
    replay.s3_client.cache_clear()
    return name, queue


def delivered(queue: str) -> dict[str, Any]:
    """Lambda's SQS event for what the queue holds now."""
    sqs = boto3.client("sqs")
    messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    return {"Records": [sqs_record({**m, "MD5OfBody": m["MD5OfBody"]}, arn) for m in messages]}


def named(body: str) -> str:
    """The object key an S3 event notification names (S3 URL-encodes it), or the test event's name."""
    message = json.loads(body)
    return message["Event"] if "Event" in message else unquote_plus(message["Records"][0]["s3"]["object"]["key"])


def stored(table: str) -> dict[str, Any]:
    return {r.key.resource_id: r for r in DynamoDBStore(table).scan(include_inactive=True)}


def test_a_new_log_file_is_replayed_into_the_table(bucket: tuple[str, str], lambda_env: str) -> None:
    name, queue = bucket
    key = log_key("111122223333", "us-east-1", DAY)
    boto3.client("s3").put_object(Bucket=name, Key=key, Body=(EVENTS / "trail_log_file.json").read_bytes())
    boto3.client("s3").put_object(Bucket=name, Key=digest_key("111122223333", "us-east-1", DAY), Body=b"{}")
    event = delivered(queue)
    assert sorted(named(m["body"]) for m in event["Records"]) == sorted(["s3:TestEvent", key, digest_key(
        "111122223333", "us-east-1", DAY)])  # fmt: skip
    assert replay.handler(event, None) == {"batchItemFailures": []}
    records = stored(lambda_env)
    assert {"vol-0123456789abcdef0", "acme-ml-empty-error-code", "vol-0a0000000000000a4"} <= set(records)
    assert records["vol-0a0000000000000a4"].key.account == "111122223333"
    before = {k: (r, r.version) for k, r in records.items()}
    assert replay.handler(event, None) == {"batchItemFailures": []}  # redelivered: nothing changes
    assert {k: (r, r.version) for k, r in stored(lambda_env).items()} == before


def test_a_file_s3_cannot_hand_over_fails_its_message_alone(bucket: tuple[str, str], lambda_env: str) -> None:
    name, queue = bucket
    key = log_key("111122223333", "us-east-1", DAY, unique="gone")
    boto3.client("s3").put_object(Bucket=name, Key=key, Body=b"{}")
    event = delivered(queue)
    boto3.client("s3").delete_object(Bucket=name, Key=key)
    [failing] = [m["messageId"] for m in event["Records"] if named(m["body"]) == key]
    assert len(event["Records"]) == 2  # S3's test event succeeds
    assert replay.handler(event, None) == {"batchItemFailures": [{"itemIdentifier": failing}]}
