"""SQS batch handler: each message is one EventBridge event; a bad message fails alone (partial batch response).

The partial batch response is written by hand rather than with Powertools' BatchProcessor: that import alone
compiled for ~150 ms on every cold start (Lambda's read-only /var/task keeps no bytecode cache), which put the
ingest function over its 300 ms import budget. Powertools still provides the JSON logs.
"""

from __future__ import annotations

import json
from typing import Any

from leftovers.adapters.sources import parse_event
from leftovers.handlers._wiring import current, logger
from leftovers.service.ingest import apply_changes


def record_handler(body: str, message_id: str) -> list[str]:
    """Parse one message and fold its changes into the store; any exception marks this message failed."""
    wiring = current()
    try:
        parsed = parse_event(json.loads(body))
    except ValueError as exc:  # EventRejected and JSONDecodeError: retried, then dead-lettered
        logger.warning("rejected event", extra={"message_id": message_id, "reason": str(exc)})
        raise
    if parsed.ignored:
        logger.info("ignored event", extra={"message_id": message_id, "reason": parsed.ignored})
        return []
    outcomes = [o.value for o in apply_changes(wiring.store, parsed.changes, wiring.settings.policy)]
    logger.info("ingested event", extra={"message_id": message_id, "outcomes": outcomes})
    return outcomes


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: returns ``batchItemFailures`` naming exactly the messages that failed."""
    failures = []
    for record in event.get("Records", []):
        try:
            record_handler(record["body"], record["messageId"])
        except Exception:  # any failure is this message's alone: SQS redelivers it, then dead-letters it
            logger.exception("message failed", extra={"message_id": record.get("messageId")})
            failures.append({"itemIdentifier": record["messageId"]})
    if failures and len(failures) == len(event.get("Records", [])):
        # As Powertools does: a wholly failed batch fails the invocation, so Lambda's error metrics see it.
        raise RuntimeError(f"All records failed processing ({len(failures)} messages)")
    return {"batchItemFailures": failures}
