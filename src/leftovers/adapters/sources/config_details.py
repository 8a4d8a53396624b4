"""The few configuration values Leftovers keeps from a Config item: what prices it and what tells it apart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leftovers.adapters.sources.base import plain_number
from leftovers.resources import all_types

# Cost-relevant paths into ``configuration`` (describe-API casing; newer types use CloudFormation's PascalCase),
# plus the few that tell resources AWS made for the user (default VPC parts, service-linked roles, managed ENIs).
# A detail is named by its path's last part in camelCase: "ClusterConfig.InstanceType" -> "instanceType".
DETAILS: dict[str, tuple[str, ...]] = {t.type: t.details for t in all_types() if t.details}  # ResourceType.details


def details_of(item: Mapping[str, Any], resource_type: str, where: str = "configuration.") -> dict[str, Any] | None:
    """The plain values DETAILS names in the item's configuration (``None`` when it names none or none is there).

    A number no real setting has (not finite, or past 10^15) is refused, naming ``where`` + its path.
    """
    paths = DETAILS.get(resource_type)
    configuration = item.get("configuration")
    if not paths or (type(configuration) is not dict and not isinstance(configuration, Mapping)):
        return None
    found = {
        _detail_name(path): plain_number(value, f"{where}{path}")
        for path in paths
        if (value := _dig(configuration, path)) is not None
    }
    return found or None


def _detail_name(path: str) -> str:
    last = path.rsplit(".", 1)[-1]
    return last[:1].lower() + last[1:]


def _dig(obj: object, path: str) -> str | int | float | bool | None:
    for part in path.split("."):
        if type(obj) is dict or isinstance(obj, Mapping):  # plain dicts first: the ABC check is slow
            obj = obj.get(part)
        elif isinstance(obj, list) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            return None
    return obj if isinstance(obj, _PLAIN) else None


_PLAIN = (str, int, float, bool)  # a tuple: isinstance with a union type is several times slower on 3.11
