"""AWS Config configuration item changes, as EventBridge delivers them or as the bare notification body (SNS)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from leftovers.adapters.sources.base import Parsed, ignored, parse_time, require, valid_text
from leftovers.adapters.sources.config_details import details_of
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind, ResourceChange, ResourceKey
from leftovers.resources import all_types

SOURCE = "config"
EVENT_SOURCE = "aws.config"
CHANGE_DETAIL_TYPE = "Config Configuration Item Change"
CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail"  # Config's own API calls: the CloudTrail parser's business

# Where each change message keeps its item. Every other message type (compliance, snapshot or history delivery,
# rule evaluation) is valid but not about a resource's life, so it is ignored rather than rejected.
ITEM_FIELD = {
    "ConfigurationItemChangeNotification": "configurationItem",
    "OversizedConfigurationItemChangeNotification": "configurationItemSummary",
}

# ``None``: a valid status that says nothing about the resource's life.
STATUS_KIND: dict[str, ChangeKind | None] = {
    "ResourceDiscovered": ChangeKind.CREATED,
    "OK": ChangeKind.UPDATED,
    "ResourceDeleted": ChangeKind.DELETED,
    "ResourceDeletedNotRecorded": ChangeKind.DELETED,
    "ResourceNotRecorded": None,
}

# Key parts are checked because the stores join them with a separator; the id comes last and may contain anything.
KEY_FIELDS = {
    "awsAccountId": re.compile(r"\d{12}"),
    "awsRegion": re.compile(r"[a-z0-9-]+"),  # "global" for IAM and other global types
    "resourceType": re.compile(r"[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+"),
    "resourceId": re.compile(r".+", re.DOTALL),
}

# Config keys a few types by an ARN that holds a UUID which CloudTrail's delete calls never name; CloudTrail, the
# inventory and the tagging API all use the name. Keying these by the name found in the ARN keeps one record per
# resource whichever source saw it (a re-created stack of the same name is a new incarnation, as for any id).
NAME_IN_ARN = {t.type: re.compile(t.name_in_arn) for t in all_types() if t.name_in_arn}  # ResourceType.name_in_arn


def is_config_event(event: object) -> bool:
    """Cheap detection: an EventBridge event from AWS Config, or a bare Config notification body."""
    if type(event) is not dict and not isinstance(event, Mapping):
        return False
    if "detail-type" in event:
        return event.get("source") == EVENT_SOURCE and event.get("detail-type") != CLOUDTRAIL_DETAIL_TYPE
    return isinstance(event.get("messageType"), str)


def parse_config_event(event: Mapping[str, Any]) -> Parsed:
    """The change a Config event describes; ``ignored`` for other valid events; EventRejected for anything else."""
    if type(event) is not dict and not isinstance(event, Mapping):
        raise EventRejected("event", "not a JSON object")
    if "detail-type" not in event and "detail" not in event:
        return _parse_body(event, "", event_id=None, resources=None)
    source = _text(event, "source")
    if source != EVENT_SOURCE:
        return ignored(f"not an AWS Config event (source {source})")
    detail_type = _text(event, "detail-type")
    if detail_type != CHANGE_DETAIL_TYPE:
        return ignored(f"{detail_type!r} is not a configuration item change")
    event_id = event.get("id")
    return _parse_body(
        _object(event, "detail"),
        "detail.",
        event_id=event_id if isinstance(event_id, str) and event_id else None,
        resources=event.get("resources"),
    )


def _same_as_cloudtrail(key: ResourceKey) -> ResourceKey:
    pattern = NAME_IN_ARN.get(key.resource_type)
    found = pattern.match(key.resource_id) if pattern else None
    return key._replace(resource_id=found.group(1)) if found else key


def _parse_body(body: Mapping[str, Any], where: str, event_id: str | None, resources: object) -> Parsed:
    message_type = _text(body, "messageType", where)
    item_field = ITEM_FIELD.get(message_type)
    if item_field is None:
        return ignored(f"{message_type} is not a configuration item change")
    item = _object(body, item_field, where)
    at = f"{where}{item_field}."
    status = _text(item, "configurationItemStatus", at)
    if status not in STATUS_KIND:
        raise EventRejected(f"{at}configurationItemStatus", f"unknown status {status!r}")
    kind = STATUS_KIND[status]
    if kind is None:
        return ignored(f"{status}: the resource type is not recorded")
    key = _same_as_cloudtrail(_key(item, at))
    # Oversized summaries carry no tags, and deleted items report empty ones: neither says the tags went away.
    tags = None if item_field != "configurationItem" or kind is ChangeKind.DELETED else _tags(item, at)
    change = ResourceChange(
        key=key,
        kind=kind,
        captured_at=parse_time(item.get("configurationItemCaptureTime"), f"{at}configurationItemCaptureTime"),
        source=SOURCE,
        name=_name(item, tags),
        arn=_arn(item, resources),
        tags=tags,
        event_id=event_id,
        details=None if kind is ChangeKind.DELETED else details_of(item, key.resource_type, f"{at}configuration."),
    )
    return Parsed(changes=(valid_text(change, _WHERE.get(at) or _where(at)),))


def _where(at: str) -> dict[str, str]:
    """Where a Config item holds each field of a change, for rejections (kept per item path: there are four)."""
    found = _WHERE[at] = {
        "id": f"{at}resourceId",
        "name": f"{at}resourceName",
        "arn": f"{at}ARN",
        "tags": f"{at}tags",
        "details": f"{at}configuration",
    }
    return found


_WHERE: dict[str, dict[str, str]] = {}


def _text(obj: Mapping[str, Any], field: str, where: str = "") -> str:
    value = obj.get(field)
    if type(value) is str and value:
        return value  # the common case, without the checks' call
    value = require(obj, field, where)
    if type(value) is not str:
        raise EventRejected(f"{where}{field}", f"not a string: {value!r}"[:120])
    return value


def _object(obj: Mapping[str, Any], field: str, where: str = "") -> Mapping[str, Any]:
    value = obj.get(field)
    if type(value) is dict and value:
        return value  # the common case, without the checks' call
    value = require(obj, field, where)
    if type(value) is not dict and not isinstance(value, Mapping):
        raise EventRejected(f"{where}{field}", "not an object")
    return value


_ACCOUNT, _REGION, _TYPE = (KEY_FIELDS[f].fullmatch for f in ("awsAccountId", "awsRegion", "resourceType"))


def _key(item: Mapping[str, Any], where: str) -> ResourceKey:
    get = item.get
    account, region, resource_type, resource_id = (
        get("awsAccountId"),
        get("awsRegion"),
        get("resourceType"),
        get("resourceId"),
    )
    if (
        type(account) is str
        and type(region) is str
        and type(resource_type) is str
        and type(resource_id) is str
        and resource_id  # KEY_FIELDS' ".+"
        and _ACCOUNT(account)
        and _REGION(region)
        and _TYPE(resource_type)
    ):
        return ResourceKey(account, region, resource_type, resource_id)  # the common case, checked inline
    return ResourceKey(*(_key_part(item, n, pattern, where) for n, pattern in KEY_FIELDS.items()))  # raises


def _key_part(item: Mapping[str, Any], field: str, pattern: re.Pattern[str], where: str) -> str:
    value = _text(item, field, where)
    if not pattern.fullmatch(value):
        raise EventRejected(f"{where}{field}", f"malformed: {value!r}"[:120])
    return value


def _name(item: Mapping[str, Any], tags: Mapping[str, str] | None) -> str | None:
    # Config leaves resourceName null for EC2 resources, whose console name is their "Name" tag.
    name = item.get("resourceName")
    if type(name) is str and name:
        return name
    if tags is None:
        return None  # a summary or a deletion: says nothing about the name
    name = tags.get("Name")
    return name if type(name) is str else ""  # a full item with no name: a fact (the Name tag was removed)


def _arn(item: Mapping[str, Any], resources: object) -> str | None:
    # Items spell it "ARN" (1.3 and the summaries) or "arn" (older items); the envelope may list it, or not.
    arn = item.get("ARN")
    if type(arn) is str and arn:
        return arn  # the common case, without the loop
    for arn in (item.get("ARN"), item.get("arn"), resources[0] if type(resources) is list and resources else None):
        if type(arn) is str and arn:
            return arn
    return None


def _tags(item: Mapping[str, Any], where: str) -> dict[str, str] | None:
    raw = item.get("tags")
    if raw is None:
        return None
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise EventRejected(f"{where}tags", "not an object")
    return {k: v for k, v in raw.items() if type(v) is str}
