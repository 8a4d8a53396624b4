"""Asks each type's own service whether resources exist, following the describe table."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from botocore import xform_name
from botocore.exceptions import ClientError

from leftovers.adapters.inventory.clients import Clients, is_gone, unknown_reason
from leftovers.adapters.inventory.describe_table import ROWS
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.times import TimeError, parse_iso
from leftovers.resources import Describe

_EPOCH_MS = 10**11  # a number above this is milliseconds (CloudWatch Logs), below it seconds (SQS)


class DescribeChecker:
    """Decides the types the table has a row for; other types are left out of the answer (undecided)."""

    def __init__(self, clients: Clients, rows: Mapping[str, Describe] = ROWS) -> None:
        self.clients = clients
        self.rows = rows

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """Verdicts for the records whose type has a row, batched per type and region where the API allows."""
        groups: dict[tuple[str, str], list[Resource]] = defaultdict(list)
        for record in records:
            if record.key.resource_type in self.rows:
                groups[(record.key.resource_type, record.key.region)].append(record)
        verdicts: dict[ResourceKey, Verdict] = {}
        for (rtype, region), group in groups.items():
            row = self.rows[rtype]
            if not row.batched:
                verdicts.update((r.key, self._one(row, region, r)) for r in group)
                continue
            for start in range(0, len(group), row.batch):
                verdicts.update(self._batch(row, region, group[start : start + row.batch]))
        return verdicts

    def _batch(self, row: Describe, region: str, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        ids = [r.key.resource_id for r in records]
        params = dict(row.extra)
        if row.filter is not None:
            params[row.filters_param] = [{"Name": row.filter, "Values": ids}]
        else:
            params[str(row.ids_param)] = ids
        try:
            items = self._items(row, region, params)
        except ClientError as exc:
            reason = unknown_reason(exc, row.action)
            return {r.key: Verdict(Presence.UNKNOWN, reason) for r in records}
        by_id = {str(item.get(row.item_id)): item for item in items if isinstance(item, Mapping)}
        return {r.key: _judge(row, by_id.get(r.key.resource_id)) for r in records}

    def _one(self, row: Describe, region: str, record: Resource) -> Verdict:
        params = request(row, record)
        if params is None:
            return Verdict(Presence.UNKNOWN, f"cannot name it to {row.call_name}")
        try:
            items = self._items(row, region, params)
        except ClientError as exc:
            if is_gone(exc, row.gone_errors):
                return Verdict(Presence.GONE, f"not found by {row.call_name}")
            return Verdict(Presence.UNKNOWN, unknown_reason(exc, row.action))
        if row.item_id is not None:
            items = [i for i in items if isinstance(i, Mapping) and str(i.get(row.item_id)) == record.key.resource_id]
        return _judge(row, items[0] if items else None)

    def _items(self, row: Describe, region: str, params: Mapping[str, Any]) -> list[Any]:
        pages = self.clients.pages(row.service, region, xform_name(row.operation), **params)
        return [item for page in pages for item in walk(page, row.items)]


def request(row: Describe, record: Resource) -> dict[str, Any] | None:
    """The parameters of a per-resource call, or ``None`` when the record lacks what a template needs."""
    values: dict[str, str] = {"id": record.key.resource_id}
    if record.name:
        values["name"] = record.name
    if row.id_regex is not None and (hit := re.search(row.id_regex, record.key.resource_id)):
        values.update(hit.groupdict())
    params: dict[str, Any] = dict(row.extra)
    try:
        for name, template in row.params.items():
            params[name] = [template[0].format(**values)] if isinstance(template, tuple) else template.format(**values)
    except KeyError:
        return None
    return params


def _judge(row: Describe, item: Any) -> Verdict:
    if item is None:
        return Verdict(Presence.GONE, f"not found by {row.call_name}")
    if row.state is not None:
        found = walk(item, row.state)
        if found and ("*" in row.gone_states or str(found[0]) in row.gone_states):
            return Verdict(Presence.GONE, f"{found[0]} ({row.call_name})" if "*" not in row.gone_states else row.state)
    created = walk(item, row.created)[:1] if row.created else []
    return Verdict(Presence.EXISTS, row.call_name, as_time(created[0]) if created else None)


def walk(obj: Any, path: str) -> list[Any]:
    """The values ``path`` reaches: ``a.b`` walks keys, ``a[]`` fans out over a list; missing parts give ``[]``."""
    current = [obj]
    for step in path.split(".") if path else []:
        fan_out = step.endswith("[]")
        key = step[:-2] if fan_out else step
        reached: list[Any] = []
        for value in current:
            child = value.get(key) if isinstance(value, Mapping) else None
            if child is None:
                continue
            reached.extend(child if fan_out and isinstance(child, list) else [child])
        current = reached
    return current


def as_time(value: object) -> datetime | None:
    """A creation time as AWS APIs give it: a datetime, an ISO 8601 string or epoch (milli)seconds."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        value = float(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000 if value > _EPOCH_MS else value, UTC)
    if isinstance(value, str):
        try:
            return parse_iso(value)
        except TimeError:
            return None
    return None
