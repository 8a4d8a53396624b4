"""SQS batch handler: each message is one EventBridge event; a bad message fails alone (partial batch response)."""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from leftovers.adapters.sources import parse_event
from leftovers.handlers._wiring import current, logger
from leftovers.service.ingest import apply_changes

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> list[str]:
    """Parse one message and fold its changes into the store; any exception marks this message failed."""
    wiring = current()
    try:
        parsed = parse_event(json.loads(record.body))
    except ValueError as exc:  # EventRejected and JSONDecodeError: retried, then dead-lettered
        logger.warning("rejected event", extra={"message_id": record.message_id, "reason": str(exc)})
        raise
    if parsed.ignored:
        logger.info("ignored event", extra={"message_id": record.message_id, "reason": parsed.ignored})
        return []
    outcomes = [o.value for o in apply_changes(wiring.store, parsed.changes, wiring.settings.schedule)]
    logger.info("ingested event", extra={"message_id": record.message_id, "outcomes": outcomes})
    return outcomes


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: returns ``batchItemFailures`` naming exactly the messages that failed."""
    return dict(process_partial_response(event, record_handler, processor, context))
