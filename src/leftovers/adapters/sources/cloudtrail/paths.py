"""A small path language over CloudTrail records, so the call table stays data.

``a.b.c`` walks keys; ``items[]`` fans out over a list (a lone object counts as a one-item list, because CloudTrail
renders a one-element XML list as an object); ``a.b|c.d`` tries ``a.b`` and falls back to ``c.d``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from leftovers.core.errors import EventRejected

# Fields CloudTrail uses for a tag's key and value, depending on the service.
_TAG_KEYS = ("key", "Key", "tagKey", "TagKey")
_TAG_VALUES = ("value", "Value", "tagValue", "TagValue")


class PathMissing(Exception):
    """A path step found nothing; ``where`` is the dotted path of that step."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def locate(record: Mapping[str, Any], path: str, prefix: str = "detail") -> list[tuple[Any, str]]:
    """Every (value, dotted location) ``path`` reaches; PathMissing names the first step that found nothing."""
    first: PathMissing | None = None
    for steps in _steps(path):
        try:
            return _walk(record, steps, prefix)
        except PathMissing as missing:
            first = first or missing
    assert first is not None
    raise first


def values_or_empty(record: Mapping[str, Any], path: str | None) -> list[Any]:
    """The values ``path`` reaches, or ``[]`` when it reaches nothing (for optional fields).

    The same walk as ``locate`` without the dotted locations, which only a rejection needs: optional fields and tag
    calls read many paths per record, and building those strings was most of a replay's parsing time.
    """
    if path is None:
        return []
    for steps in _steps(path):
        found = _values(record, steps)
        if found is not None:
            return found
    return []


@cache
def _steps(path: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """A path's alternatives, each as (key, fans out) steps: parsed once per path, not once per record."""
    return tuple(
        tuple((step[:-2], True) if step.endswith("[]") else (step, False) for step in alternative.strip().split("."))
        for alternative in path.split("|")
    )


def _values(record: Mapping[str, Any], steps: tuple[tuple[str, bool], ...]) -> list[Any] | None:
    current: list[Any] = [record]
    for key, fan_out in steps:
        reached: list[Any] = []
        for value in current:
            child = value.get(key) if isinstance(value, Mapping) else None
            if _empty(child):
                return None
            if fan_out:
                reached.extend(child if isinstance(child, list) else [child])
            else:
                reached.append(child)
        current = reached
    return current


def to_tags(found: list[Any], resource_type: str | None = None) -> dict[str, str] | None:
    """Tags from a map, a list of key/value pairs, or EC2 TagSpecifications filtered by ``resource_type``.

    ``None`` when the call carried no tags for this resource: the tags are then unknown, not empty.
    """
    tags: dict[str, str] = {}
    matched = False
    for item in found:
        if resource_type is not None:
            if not isinstance(item, Mapping) or item.get("resourceType") != resource_type:
                continue
            item = item.get("tags")
        matched = True
        tags.update(_pairs(item))
    return tags if matched else None


def _walk(record: Mapping[str, Any], steps: tuple[tuple[str, bool], ...], prefix: str) -> list[tuple[Any, str]]:
    current: list[tuple[Any, str]] = [(record, prefix)]
    for key, fan_out in steps:
        reached: list[tuple[Any, str]] = []
        for value, where in current:
            here = f"{where}.{key}" if where else key
            child = value.get(key) if isinstance(value, Mapping) else None
            if _empty(child):
                raise PathMissing(here)
            if fan_out:
                items = child if isinstance(child, list) else [child]
                reached.extend((item, f"{here}[{i}]") for i, item in enumerate(items))
            else:
                reached.append((child, here))
        current = reached
    return current


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | Mapping) and not value)


def _pairs(raw: object) -> dict[str, str]:
    if isinstance(raw, Mapping) and not any(k in raw for k in _TAG_KEYS):
        return {str(k): str(v) for k, v in raw.items() if v is not None}
    items = raw if isinstance(raw, list) else [raw]
    tags: dict[str, str] = {}
    for item in items:
        if not isinstance(item, Mapping):
            continue
        key = next((item[k] for k in _TAG_KEYS if k in item), None)
        value = next((item[v] for v in _TAG_VALUES if v in item), "")
        if isinstance(key, str) and key:
            tags[key] = "" if value is None else str(value)
    return tags


def aligned(found: list[Any], count: int) -> list[Any]:
    """One value per resource: per-item values when counts agree, a call-wide value shared by all, else none."""
    if len(found) == count:
        return found
    return found * count if len(found) == 1 else [None] * count


def scalar(value: object) -> Any:
    """A plain JSON value, or ``None`` for an empty string, an object or a list."""
    return value if isinstance(value, str | int | float | bool) and value != "" else None


def number(value: object) -> Any:
    """A detail as Config gives it: EC2 responses render some numbers as strings ("size": "500")."""
    value = scalar(value)
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() else value


def texts(record: Mapping[str, Any], path: str | None, where: str) -> list[str | None]:
    """The strings ``path`` reaches (``None`` for an empty one); EventRejected when it reaches another type."""
    found: list[str | None] = []
    for value in values_or_empty(record, path):
        if value is not None and not isinstance(value, str):
            raise EventRejected(where, f"not a string: {value!r}"[:120])
        found.append(value or None)
    return found
