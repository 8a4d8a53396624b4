"""SQS batch handler: each message is one EventBridge event; a bad message fails alone (partial batch response).

The partial batch response is written by hand rather than with Powertools' BatchProcessor: that import alone
compiled for ~150 ms on every cold start (Lambda's read-only /var/task keeps no bytecode cache), which put the
ingest function over its 300 ms import budget. Powertools still provides the JSON logs.

A rejected event (not JSON, or a field missing or wrong) is the event's fault, not the function's: one WARNING line
with the reason, and the message is reported failed so it ends in the dead-letter queue for a person to look at.
Only a real failure (the table unreachable, a bug) is an ERROR with its traceback.
"""

from __future__ import annotations

import json
from typing import Any

from leftovers.adapters.sources import parse_event
from leftovers.core.errors import EventRejected
from leftovers.handlers._wiring import current, logger
from leftovers.service.ingest import apply_changes

REJECTED = (EventRejected, ValueError)  # ValueError: JSONDecodeError and UnicodeDecodeError of a broken body


def record_handler(body: str, message_id: str) -> list[str]:
    """Parse one message and fold its changes into the store; a rejection raises one of ``REJECTED``."""
    wiring = current()
    parsed = parse_event(json.loads(body))
    if parsed.ignored:
        logger.info("ignored event", extra={"message_id": message_id, "reason": parsed.ignored})
        return []
    outcomes = [o.value for o in apply_changes(wiring.store, parsed.changes, wiring.settings.policy)]
    logger.info("ingested event", extra={"message_id": message_id, "outcomes": outcomes})
    return outcomes


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: returns ``batchItemFailures`` naming exactly the messages that failed."""
    failures, broken = [], 0
    for record in event.get("Records", []):
        message_id = record.get("messageId")
        try:
            record_handler(record["body"], message_id)
        except REJECTED as exc:  # retried, then dead-lettered: kept, but nothing is broken
            reason = " ".join(str(exc).split())  # one line, whatever the event held
            logger.warning("rejected event", extra={"message_id": message_id, "reason": reason})
            failures.append({"itemIdentifier": message_id})
        except Exception:  # any other failure is this message's alone: SQS redelivers it, then dead-letters it
            logger.exception("message failed", extra={"message_id": message_id})
            failures.append({"itemIdentifier": message_id})
            broken += 1
    if broken and len(failures) == len(event.get("Records", [])):
        # As Powertools does: a batch that wholly failed for real fails the invocation, so Lambda's error metrics
        # see it (a batch of rejected events alone does not: the events are bad, not the function).
        raise RuntimeError(f"All records failed processing ({len(failures)} messages)")
    return {"batchItemFailures": failures}
