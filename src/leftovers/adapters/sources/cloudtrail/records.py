"""CloudTrail source: "AWS API Call via CloudTrail" events (EventBridge) as lifecycle changes.

Which call creates or deletes what, and where the ids are, is data (``table``); this module only reads
the envelope, the caller's identity and the paths a row names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from leftovers.adapters.sources.base import Parsed, ignored, parse_time, require
from leftovers.adapters.sources.cloudtrail.paths import PathMissing, locate, to_tags, values_or_empty
from leftovers.adapters.sources.cloudtrail.table import covered_types, match
from leftovers.adapters.sources.cloudtrail.tags import tag_changes
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind, ResourceChange, ResourceKey
from leftovers.resources import TrailCall

__all__ = ["covered_types", "is_cloudtrail_event", "parse_cloudtrail_event", "parse_cloudtrail_record"]

SOURCE = "cloudtrail"
DETAIL_TYPE = "AWS API Call via CloudTrail"
# invokedBy values that name the console or sign-in, not a service acting for the user.
_NOT_ACTING_SERVICES = frozenset({"signin.amazonaws.com", "console.amazonaws.com"})
_PARTITIONS = (("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"))


def is_cloudtrail_event(event: object) -> bool:
    """Cheap detection: an EventBridge envelope around a CloudTrail-recorded API call."""
    return (
        isinstance(event, Mapping)
        and event.get("detail-type") == DETAIL_TYPE
        and str(event.get("source", "")).startswith("aws.")
    )


def parse_cloudtrail_event(event: Mapping[str, Any]) -> Parsed:
    """The changes an API call made; ``ignored`` for failed, read-only or unmapped calls; EventRejected otherwise."""
    if not is_cloudtrail_event(event):
        raise EventRejected("detail-type", f"not an {DETAIL_TYPE!r} event")
    detail = require(event, "detail")
    if not isinstance(detail, Mapping):
        raise EventRejected("detail", "not an object")
    return parse_cloudtrail_record(detail, account=event.get("account"), region=event.get("region"))


def parse_cloudtrail_record(
    record: Mapping[str, Any], *, account: object = None, region: object = None, prefix: str = "detail"
) -> Parsed:
    """Like ``parse_cloudtrail_event`` for a bare CloudTrail record (a trail file entry, a LookupEvents result)."""
    where = f"{prefix}." if prefix else ""
    event_name = require(record, "eventName", where)
    if record.get("errorCode"):
        return ignored(f"failed call {event_name}: {record.get('errorCode')}")
    if record.get("readOnly") is True:
        return ignored(f"read-only call {event_name}")
    call = match(record)
    if call is None:
        return ignored(f"unmapped call {record.get('eventSource')} {event_name}")
    if call.skip_if and values_or_empty(record, call.skip_if):
        return ignored(f"{event_name} with {call.skip_if.rsplit('.', 1)[-1]} does not delete the whole resource")
    acct = _text(record.get("recipientAccountId") or account, f"{where}recipientAccountId")
    reg = _text(record.get("awsRegion") or region, f"{where}awsRegion")
    captured_at = parse_time(record.get("eventTime"), f"{where}eventTime")
    if call.kind is ChangeKind.UPDATED:  # a tag call: it may name resources of several types
        return tag_changes(record, acct, reg, captured_at)
    ids = _ids(record, call, prefix)
    created = call.kind is ChangeKind.CREATED
    created_by, created_for_by = principal(record) if created else (None, None)
    event_id = record.get("eventID")
    tags = to_tags(values_or_empty(record, call.tags), call.tag_resource) if call.tags else None
    names = _aligned(values_or_empty(record, call.name), len(ids))
    arns = _aligned(values_or_empty(record, call.arn_path), len(ids))
    details = {key: _aligned(values_or_empty(record, path), len(ids)) for key, path in call.details.items()}
    changes = []
    for i, resource_id in enumerate(ids):
        name = _scalar(names[i]) or (tags or {}).get("Name")
        item_details = {key: value for key, found in details.items() if (value := _number(found[i])) is not None}
        changes.append(
            ResourceChange(
                key=ResourceKey(acct, reg, call.resource_type, resource_id),
                kind=call.kind,
                captured_at=captured_at,
                source=SOURCE,
                name=name,
                arn=_scalar(arns[i]) or _arn(call.arn, resource_id, name, reg, acct),
                tags=tags if created else None,
                event_id=event_id if isinstance(event_id, str) and event_id else None,
                created_by=created_by,
                created_for_by=created_for_by,
                details=(item_details or None) if created else None,
            )
        )
    return Parsed(changes=tuple(changes))


def principal(record: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(who made the call, the AWS service that made it on the user's behalf or ``None``)."""
    identity = record.get("userIdentity")
    identity = identity if isinstance(identity, Mapping) else {}
    invoked = identity.get("invokedBy")
    service = invoked if isinstance(invoked, str) and invoked.endswith(".amazonaws.com") else None
    service = None if service in _NOT_ACTING_SERVICES else service
    if identity.get("type") == "AWSService":
        # A service principal has no ARN; it is the creator, acting for whoever asked it.
        acting = service or (invoked if isinstance(invoked, str) and invoked else None)
        acting = acting or _scalar(record.get("sourceIPAddress"))
        return acting, acting
    arn = identity.get("arn")
    return (arn if isinstance(arn, str) and arn else None), service


def _ids(record: Mapping[str, Any], call: TrailCall, prefix: str) -> list[str]:
    try:
        found = locate(record, call.ids, prefix)
    except PathMissing as missing:
        raise EventRejected(missing.where, f"missing: {call.event} needs it to name the resource") from None
    ids = []
    for value, where in found:
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise EventRejected(where, f"not a resource id: {value!r}"[:120])
        text = str(value)
        hit = re.search(call.id_regex, text) if call.id_regex else None
        ids.append(hit.group(1) if hit else text)
    return ids


def _aligned(found: list[Any], count: int) -> list[Any]:
    """One value per resource: per-item values when counts agree, a call-wide value shared by all, else none."""
    if len(found) == count:
        return found
    return found * count if len(found) == 1 else [None] * count


def _scalar(value: object) -> Any:
    return value if isinstance(value, str | int | float | bool) and value != "" else None


def _number(value: object) -> Any:
    """A detail as Config gives it: EC2 responses render some numbers as strings ("size": "500")."""
    value = _scalar(value)
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise EventRejected(field, "missing")
    return value


def _arn(template: str | None, resource_id: str, name: str | None, region: str, account: str) -> str | None:
    if template is None or ("{name}" in template and name is None):
        return None
    partition = next((p for prefix, p in _PARTITIONS if region.startswith(prefix)), "aws")
    return template.format(id=resource_id, name=name, region=region, account=account, partition=partition)
