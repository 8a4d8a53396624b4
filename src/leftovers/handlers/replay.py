"""SQS batch handler for the deployed replay: each message is an S3 event notification naming log files (CloudTrail
or Config history) just written to a bucket, or sent by a backfill; each is read and ingested like ``replay``.

Idempotent: replaying a file twice changes nothing (the lifecycle folds repeated changes), so SQS redelivery and
an overlapping backfill are harmless. A file S3 cannot hand over fails its message (retried, then dead-lettered);
a bad record inside a file is logged and skipped, as ``replay`` does.
"""

from __future__ import annotations

import json
from functools import cache, partial
from typing import Any
from urllib.parse import unquote_plus

from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record
from leftovers.adapters.sources.trail_files.layout import Selection, is_log_file
from leftovers.adapters.sources.trail_files.local import LogFile
from leftovers.adapters.sources.trail_files.reader import Tally, trail_changes
from leftovers.adapters.sources.trail_files.s3 import s3_object
from leftovers.handlers._wiring import current, logger
from leftovers.service.ingest import ingest

EVERY_FOLDER = Selection()


@cache
def s3_client() -> Any:
    """The S3 client of this execution environment (boto3 is imported on first use only)."""
    import boto3

    return boto3.client("s3")


def log_objects(body: str) -> list[tuple[str, str]]:
    """(bucket, key) of every log file an S3 event notification names; S3's test event names none."""
    message = json.loads(body)
    found = []
    for record in message.get("Records", []) if isinstance(message, dict) else []:
        s3 = record.get("s3", {})
        bucket, key = s3.get("bucket", {}).get("name"), unquote_plus(s3.get("object", {}).get("key", ""))
        parts = key.split("/")
        if bucket and is_log_file(parts[-1]) and EVERY_FOLDER.wants_folder(parts[:-1]):
            found.append((bucket, key))
    return found


def record_handler(body: str, message_id: str) -> dict[str, int]:
    """Replay the files one message names into the store; return the counts."""
    wiring, tally = current(), Tally()
    for bucket, key in log_objects(body):
        log = s3_object(s3_client(), bucket, key)
        data = log.read()  # outside the reader: S3 failing here fails the message, so it is retried
        files = [LogFile(log.location, log.account, partial(bytes, data))]
        changes = trail_changes(files, mapped_event_names(), parse_cloudtrail_record, tally)
        tally.counts.update(ingest(wiring.store, changes, wiring.settings.policy))
    for line in tally.rejections:
        logger.warning("rejected record", extra={"message_id": message_id, "reason": line})
    logger.info("replayed", extra={"message_id": message_id, "records": tally.records, "counts": dict(tally.counts)})
    return dict(tally.counts)


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: returns ``batchItemFailures`` naming exactly the messages that failed."""
    failures = []
    for record in event.get("Records", []):
        try:
            record_handler(record["body"], record["messageId"])
        except Exception:  # this message alone is retried, then dead-lettered
            logger.exception("replay failed", extra={"message_id": record.get("messageId")})
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
