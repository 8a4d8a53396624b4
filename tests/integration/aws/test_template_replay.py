"""template.yaml's optional deployed replay: present exactly when ReplayBucketName is set, allowed to read only that
bucket's logs, and, deployed on moto, a queue the bucket's notifications reach and the replay handler drains."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from datetime import date

import boto3
from click.testing import CliRunner, Result

from leftovers.cli import cli
from leftovers.handlers import replay
from tests.integration.aws.test_replay_handler import delivered, stored
from tests.support.events import EVENTS
from tests.support.moto_server import MotoServer, load_template, unique
from tests.support.trail_logs import log_key

TEMPLATE = load_template()
REPLAY = sorted(name for name in TEMPLATE["Resources"] if name.startswith("Replay"))
# The slice moto's CloudFormation can create, with one unconditional queue so a stack without replay is not empty.
QUEUES = ("IngestDeadLetterQueue", "ReplayDeadLetterQueue", "ReplayQueue")


def test_every_replay_resource_exists_only_with_a_bucket() -> None:
    assert len(REPLAY) == 7
    assert {TEMPLATE["Resources"][name].get("Condition") for name in REPLAY} == {"ReplaysBucket"}
    assert TEMPLATE["Outputs"]["ReplayQueueArn"]["Condition"] == "ReplaysBucket"
    assert TEMPLATE["Parameters"]["ReplayBucketName"]["Default"] == ""


def test_only_the_named_bucket_may_send_and_only_its_logs_may_be_read() -> None:
    [send] = TEMPLATE["Resources"]["ReplayQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert send["Principal"] == {"Service": "s3.amazonaws.com"}
    assert send["Condition"]["ArnEquals"]["aws:SourceArn"] == {
        "Fn::Sub": "arn:${AWS::Partition}:s3:::${ReplayBucketName}"
    }
    [policy] = TEMPLATE["Resources"]["ReplayRole"]["Properties"]["Policies"]
    [read] = [s for s in policy["PolicyDocument"]["Statement"] if s["Sid"] == "ReadTheLogFiles"]
    assert (read["Action"], read["Resource"]) == (
        "s3:GetObject",
        {"Fn::Sub": "arn:${AWS::Partition}:s3:::${ReplayBucketName}/AWSLogs/*"},
    )


def test_the_function_names_the_replay_handler() -> None:
    module, name = TEMPLATE["Resources"]["ReplayFunction"]["Properties"]["Handler"].rsplit(".", 1)
    assert callable(getattr(importlib.import_module(module), name))


def run(*args: str) -> Result:
    """The CLI in this process, with the table lambda_env made as its store (enqueueing opens no store)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def deploy(bucket: str) -> Iterator[dict[str, str]]:
    body = {
        "AWSTemplateFormatVersion": TEMPLATE["AWSTemplateFormatVersion"],
        "Parameters": {"ReplayBucketName": TEMPLATE["Parameters"]["ReplayBucketName"]},
        "Conditions": {"ReplaysBucket": TEMPLATE["Conditions"]["ReplaysBucket"]},
        "Resources": {k: TEMPLATE["Resources"][k] for k in QUEUES},
    }
    cfn, name = boto3.client("cloudformation"), unique("leftovers-replay")
    cfn.create_stack(
        StackName=name,
        TemplateBody=json.dumps(body),
        Parameters=[{"ParameterKey": "ReplayBucketName", "ParameterValue": bucket}],
    )
    try:
        resources = cfn.describe_stack_resources(StackName=name)["StackResources"]
        yield {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources if r.get("LogicalResourceId")}
    finally:
        cfn.delete_stack(StackName=name)


def test_without_a_bucket_the_stack_has_no_replay(aws: MotoServer) -> None:
    assert [set(stack) for stack in deploy("")] == [{"IngestDeadLetterQueue"}]


def test_a_bucket_feeds_the_deployed_queue_and_the_handler_drains_it(lambda_env: str) -> None:
    s3 = boto3.client("s3")
    bucket = unique("org-trail")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
    for stack in deploy(bucket):
        queue = stack["ReplayQueue"]
        arn = boto3.client("sqs").get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]
        s3.put_bucket_notification_configuration(
            Bucket=bucket,
            NotificationConfiguration={
                "QueueConfigurations": [{"QueueArn": arn["QueueArn"], "Events": ["s3:ObjectCreated:*"]}]
            },
        )
        key = log_key("111122223333", "us-east-1", date(2026, 9, 14), org="o-a1b2c3d4e5")
        s3.put_object(Bucket=bucket, Key=key, Body=(EVENTS / "trail_log_file.json").read_bytes())
        replay.s3_client.cache_clear()
        assert replay.handler(delivered(queue), None) == {"batchItemFailures": []}
        assert "vol-0a0000000000000a4" in stored(lambda_env)


def test_files_already_in_the_bucket_are_enqueued_for_the_deployed_replay(lambda_env: str) -> None:
    s3, sqs = boto3.client("s3"), boto3.client("sqs")
    bucket = unique("org-trail")
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
    keys = [log_key(a, "us-east-1", date(2026, 9, d), unique="a+b c") for a in ("111122223333", "444455556666")
            for d in range(1, 7)]  # fmt: skip
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=(EVENTS / "trail_log_file.json").read_bytes())
    queue = sqs.create_queue(QueueName=unique("replay"))["QueueUrl"]
    result = run("replay", f"s3://{bucket}/AWSLogs/", "--accounts", "444455556666", "--enqueue", queue)
    assert (result.exit_code, result.stdout.strip()) == (0, "Queued 6 log file(s) for the deployed replay.")
    replay.s3_client.cache_clear()
    event = delivered(queue)
    assert sorted(o for r in event["Records"] for o in replay.log_objects(r["body"])) == [
        (bucket, key) for key in sorted(keys) if key.startswith("AWSLogs/444455556666/")
    ]
    assert replay.handler(event, None) == {"batchItemFailures": []}
    assert stored(lambda_env)["vol-0a0000000000000a4"].key.account == "444455556666"
    local = run("replay", ".", "--enqueue", queue)
    assert local.stderr.strip() == "Error: --enqueue: only s3:// sources can be replayed in Lambda, not ."
