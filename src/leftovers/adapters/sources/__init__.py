"""Event sources: parsers that turn raw AWS events into ResourceChange values."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from leftovers.adapters.sources import cloudtrail
from leftovers.adapters.sources.base import Parsed, ignored, json_type
from leftovers.adapters.sources.cloudtrail import is_cloudtrail_event, parse_cloudtrail_event
from leftovers.adapters.sources.cloudtrail.table import CALLS
from leftovers.adapters.sources.config import is_config_event, parse_config_event
from leftovers.adapters.sources.trail_files.records import is_cloudtrail_record, parse_bare_record
from leftovers.core.errors import EventRejected


def parse_cloudtrail_record(record: Mapping[str, Any], account_hint: str | None = None) -> Parsed:
    """A bare CloudTrail record (a trail log file entry, LookupEvents' ``CloudTrailEvent``); ``account_hint`` (the
    log file's account folder) stands in for a missing ``recipientAccountId``."""
    return parse_bare_record(
        record, account_hint, lambda r, account: cloudtrail.parse_cloudtrail_record(r, account=account, prefix="")
    )


def mapped_event_names() -> frozenset[str]:
    """Every CloudTrail event name the call table maps (to skip the rest of a log file before parsing it)."""
    return frozenset(call.event for call in CALLS)


# Whole documents that hold many events: a log file is not one event, and ``replay`` reads it record by record.
_DOCUMENTS = {"Records": "a CloudTrail log file", "configurationItems": "AWS Config history"}

SOURCES: tuple[tuple[Callable[[Mapping[str, Any]], bool], Callable[[Mapping[str, Any]], Parsed]], ...] = (
    (is_config_event, parse_config_event),
    (is_cloudtrail_event, parse_cloudtrail_event),
    (is_cloudtrail_record, parse_cloudtrail_record),
)


def parse_event(event: object) -> Parsed:
    """Parse any supported event (EventBridge envelope, bare Config notification, SNS-wrapped notification)."""
    if type(event) is not dict and not isinstance(event, Mapping):
        raise EventRejected("event", f"expected a JSON object, got {json_type(event)}")
    event = _unwrap_sns(event)
    for detect, parse in SOURCES:
        if detect(event):
            return parse(event)
    if "detail-type" in event:
        if not isinstance(event.get("source"), str) or not event.get("source"):
            raise EventRejected("source", "missing (an EventBridge event names its source)")
        return ignored(f"not a resource change: {event.get('detail-type')!r} from {event.get('source')!r}")
    for field, what in _DOCUMENTS.items():
        if field in event:
            raise EventRejected(field, f"{what}: take it in with 'leftovers replay'")
    raise EventRejected("detail-type", "not an EventBridge event, a Config notification or a CloudTrail event")


def _unwrap_sns(event: Mapping[str, Any]) -> Mapping[str, Any]:
    """SNS delivers the notification as a JSON string in ``Message``."""
    if event.get("Type") != "Notification" or not isinstance(event.get("Message"), str):
        return event
    try:
        inner = json.loads(event["Message"])
    except json.JSONDecodeError as exc:
        raise EventRejected("Message", f"SNS message is not JSON ({exc.msg})") from None
    if not isinstance(inner, Mapping):
        raise EventRejected("Message", "SNS message is not a JSON object")
    return inner
