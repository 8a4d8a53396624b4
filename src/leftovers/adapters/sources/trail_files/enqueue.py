"""Backfill for the deployed replay: the log files already in a bucket, sent to the replay queue as the S3 event
notifications their delivery would have sent, so the replay function (in parallel, in Lambda) reads them all."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote_plus

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.sources.trail_files.local import LogFile
from leftovers.adapters.sources.trail_files.s3 import split_url
from leftovers.core.errors import LeftoversError

BATCH = 10  # SendMessageBatch's limit


def notification(bucket: str, key: str) -> str:
    """An S3 event notification naming one object (S3 URL-encodes the key, as the handler expects)."""
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Replay",
        "s3": {"s3SchemaVersion": "1.0", "bucket": {"name": bucket}, "object": {"key": quote_plus(key, safe="/")}},
    }
    return json.dumps({"Records": [record]})


def enqueue(sqs: Any, queue_url: str, files: Iterable[LogFile]) -> int:
    """Send one message per log file (``s3://`` ones only) to ``queue_url``; return how many were sent."""
    sent, batch = 0, []
    for log in files:
        batch.append(notification(*split_url(log.location)))
        if len(batch) == BATCH:
            sent += _send(sqs, queue_url, batch)
            batch = []
    return sent + (_send(sqs, queue_url, batch) if batch else 0)


def _send(sqs: Any, queue_url: str, bodies: list[str]) -> int:
    entries = [{"Id": str(i), "MessageBody": body} for i, body in enumerate(bodies)]
    try:
        answer = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "Unknown")
        raise LeftoversError(f"{queue_url}: cannot send ({code})") from None
    except BotoCoreError as exc:
        raise LeftoversError(f"{queue_url}: cannot send ({exc})") from None
    if answer.get("Failed"):
        failed = answer["Failed"][0]
        raise LeftoversError(f"{queue_url}: {len(answer['Failed'])} message(s) refused ({failed.get('Code')})")
    return len(bodies)
