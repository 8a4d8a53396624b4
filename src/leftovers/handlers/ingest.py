"""SQS batch handler: each message is one EventBridge event; a bad message fails alone (partial batch response).

The partial batch response is written by hand rather than with Powertools' BatchProcessor: that import alone
compiled for ~150 ms on every cold start (Lambda's read-only /var/task keeps no bytecode cache), which put the
ingest function over its 300 ms import budget. The JSON logs come from handlers/_log.py (stdlib only).

The batch's records are read at once (one BatchGetItem, not one per message: 0.83 DynamoDB requests per event
instead of 1.73 in bench/ingest_sqs.py); each message then folds and saves alone, so it still fails alone.

A rejected event (not JSON, or a field missing or wrong) is the event's fault, not the function's: one WARNING line
with the reason, and the message is reported failed so it ends in the dead-letter queue for a person to look at.
Only a real failure (the table unreachable, a bug) is an ERROR with its traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.base import Parsed
from leftovers.core.errors import EventRejected
from leftovers.handlers._wiring import current, logger
from leftovers.service.ingest import Recent, apply_changes

REJECTED = (EventRejected, ValueError)  # ValueError: JSONDecodeError and UnicodeDecodeError of a broken body


def parse(body: str) -> Parsed:
    """One message's event, parsed; a rejection raises one of ``REJECTED``."""
    return parse_event(json.loads(body))


def record_handler(body: str, message_id: str) -> list[str]:
    """Parse one message and fold its changes into the store; a rejection raises one of ``REJECTED``."""
    return fold_message(parse(body), message_id, Recent())


def fold_message(parsed: Parsed, message_id: str, recent: Recent) -> list[str]:
    """Fold one message's changes into the store (its records read from ``recent`` when the batch preloaded them)."""
    wiring = current()
    if parsed.ignored:
        logger.info("ignored event", extra={"message_id": message_id, "reason": parsed.ignored})
        return []
    outcomes = [o.value for o in apply_changes(wiring.store, parsed.changes, wiring.settings.policy, recent)]
    logger.info("ingested event", extra={"message_id": message_id, "outcomes": outcomes})
    return outcomes


def preload(events: Iterable[Parsed]) -> Recent:
    """The records of every key the batch touches, read at once (one BatchGetItem for a batch of up to 100 keys).

    Each message still saves on its own, conditionally on the versions read, so a failure stays that message's.
    Should this read fail, each message reads its own records, and fails or succeeds alone, as without it.
    """
    recent = Recent()
    keys = {c.key for p in events for c in p.changes}
    try:
        if keys:
            recent.load(current().store, keys)
    except Exception as exc:  # each message then tries, and reports, its own read
        logger.warning("batch read failed; reading per message", extra={"reason": " ".join(str(exc).split())})
        recent = Recent()
    return recent


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Lambda entry point: returns ``batchItemFailures`` naming exactly the messages that failed."""
    records = event.get("Records", [])
    failed: dict[int, tuple[str, bool]] = {}  # message index -> (its id, a real failure rather than a rejection)
    parsed: dict[int, Parsed] = {}
    for n, record in enumerate(records):
        try:
            parsed[n] = parse(record["body"])
        except REJECTED as exc:
            failed[n] = (rejected(record.get("messageId"), exc), False)
    recent = preload(parsed.values())
    for n, one in parsed.items():
        message_id = records[n].get("messageId")
        try:
            fold_message(one, message_id, recent)
        except REJECTED as exc:
            failed[n] = (rejected(message_id, exc), False)
        except Exception:  # any other failure is this message's alone: SQS redelivers it, then dead-letters it
            logger.exception("message failed", extra={"message_id": message_id})
            failed[n] = (message_id, True)
    if failed and len(failed) == len(records) and any(real for _, real in failed.values()):
        # As Powertools does: a batch that wholly failed for real fails the invocation, so Lambda's error metrics
        # see it (a batch of rejected events alone does not: the events are bad, not the function).
        raise RuntimeError(f"All records failed processing ({len(failed)} messages)")
    return {"batchItemFailures": [{"itemIdentifier": failed[n][0]} for n in sorted(failed)]}


def rejected(message_id: str, exc: Exception) -> str:
    """Log a rejected event (retried, then dead-lettered: kept, but nothing is broken); return its message id."""
    reason = " ".join(str(exc).split())  # one line, whatever the event held
    logger.warning("rejected event", extra={"message_id": message_id, "reason": reason})
    return message_id
