"""Tag calls (EC2 CreateTags, TagResource, PutBucketTagging...): UPDATED changes that add or remove some tags.

One call may name resources of several types (``create-tags --resources i-... vol-...``) or any type by ARN (the
tagging API's TagResources), so every row declared for the call is tried: an ARN is keyed by the registry's ARN
shapes, a bare id by the row type's id pattern, and an id no row claims is passed over (an untracked type).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from leftovers.adapters.sources.base import Parsed, ignored
from leftovers.adapters.sources.cloudtrail.paths import to_tags, values_or_empty
from leftovers.adapters.sources.cloudtrail.table import matches
from leftovers.core.model import ChangeKind, ResourceChange, ResourceKey
from leftovers.resources import TrailCall, by_type, key_of

SOURCE = "cloudtrail"
_Read = tuple[dict[str, str] | None, dict[str, str | None] | None]  # (whole tag set, or the keys set/removed)
ANY_TYPE = "*"  # a row for calls that name resources of any type by ARN
FAILED = "responseElements.failedResourcesMap"  # the tagging API's resources the call could not tag


def tag_changes(record: Mapping[str, Any], account: str, region: str, at: datetime) -> Parsed:
    """One change per tracked-type resource the call names, with the tags it set or removed."""
    event_id = record.get("eventID")
    failed = {arn for found in values_or_empty(record, FAILED) if isinstance(found, Mapping) for arn in found}
    changes: dict[ResourceKey, ResourceChange] = {}
    # A call's rows (one per type it may name: 40 for EC2 CreateTags) share their paths: read each path once.
    read_tags: dict[tuple[str | None, str | None, bool], _Read] = {}
    read_ids: dict[str, list[Any]] = {}
    for row in matches(record):
        shape = (row.tags, row.untags, row.replaces_tags)
        if shape not in read_tags:
            read_tags[shape] = _tags(record, row)
        tags, delta = read_tags[shape]
        if row.ids not in read_ids:
            read_ids[row.ids] = values_or_empty(record, row.ids)
        for value in read_ids[row.ids]:
            key = None if value in failed else _key(value, row, account, region)
            if key is not None and key not in changes:
                changes[key] = ResourceChange(
                    key=key,
                    kind=ChangeKind.UPDATED,
                    captured_at=at,
                    source=SOURCE,
                    tags=tags,
                    tag_delta=delta,
                    event_id=event_id if isinstance(event_id, str) and event_id else None,
                )
    if not changes:
        return ignored(f"{record.get('eventName')} names no resource of a covered type")
    return Parsed(changes=tuple(changes.values()))


def _tags(record: Mapping[str, Any], row: TrailCall) -> _Read:
    """(the whole tag set, when the call replaces it; else the keys it sets or removes)."""
    found = to_tags(values_or_empty(record, row.tags)) if row.tags else None
    if row.replaces_tags:
        return found or {}, None
    removed = [str(key) for key in values_or_empty(record, row.untags) if isinstance(key, str | int)]
    return None, {**(found or {}), **dict.fromkeys(removed)}


def _key(value: object, row: TrailCall, account: str, region: str) -> ResourceKey | None:
    if not isinstance(value, str) or not value:
        return None
    if value.startswith("arn:"):
        key = key_of(value, account, region)
        return key if key is not None and row.resource_type in (ANY_TYPE, key.resource_type) else None
    declared = by_type().get(row.resource_type)
    if declared is None or not re.fullmatch(declared.id_pattern, value):
        return None
    return ResourceKey(account, region, row.resource_type, value)
