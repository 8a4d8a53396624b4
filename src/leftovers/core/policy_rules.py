"""Ignore rules: named conditions on a resource's type, name, id, ARN, tags, account, region and details."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any, Protocol

from leftovers.core.model import Resource

Scalar = str | int | float | bool


class Pattern(Protocol):
    """A compiled pattern (the config file compiles with RE2, whose time is linear; ``re.Pattern`` fits too)."""

    @property
    def pattern(self) -> str:
        """The pattern's text."""
        ...

    def search(self, text: str) -> object | None:
        """A match anywhere in ``text``, or ``None``."""
        ...


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """Resources matching *every* condition given are never reported; the name says why in reports.

    Globs (``*``, ``?``) match resource types, regions and tag values; regular expressions are searched (anchor
    them with ``^...$`` to match a whole name); ``details`` compare what the source recorded about the resource's
    configuration (e.g. ``isDefault = true`` for a default VPC).
    """

    name: str
    types: tuple[str, ...] = ()
    name_regex: Pattern | None = None
    id_regex: Pattern | None = None
    arn_regex: Pattern | None = None
    tags: tuple[tuple[str, str], ...] = ()
    accounts: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    details: tuple[tuple[str, Scalar], ...] = ()

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("an ignore rule needs a name")
        if not any(getattr(self, f) for f in CONDITIONS):
            raise ValueError(f"ignore rule {self.name!r} has no condition, so it would ignore everything")

    def may_match_type(self, resource_type: str) -> bool:
        """Whether the rule's type condition lets this type through (the other conditions are still checked)."""
        return _any_glob(self.types, resource_type)

    def matches(self, resource: Resource) -> bool:
        """True when the resource meets every condition of the rule."""
        key = resource.key
        return (
            _any_glob(self.types, key.resource_type)
            and _any_glob(self.regions, key.region)
            and (not self.accounts or key.account in self.accounts)
            and _search(self.name_regex, resource.display_name)
            and _search(self.id_regex, key.resource_id)
            and _search(self.arn_regex, resource.arn)
            and all(_tag_matches(resource.tag_map, k, v) for k, v in self.tags)
            and all(_same(resource.details.get(k), v) for k, v in self.details)
        )


CONDITIONS = ("types", "name_regex", "id_regex", "arn_regex", "tags", "accounts", "regions", "details")


def first_match(rules: tuple[IgnoreRule, ...], resource: Resource) -> str | None:
    """The name of the first rule that matches, in the order the rules were given."""
    return next((rule.name for rule in rules if rule.matches(resource)), None)


def glob_lookup(table: tuple[tuple[str, Any], ...], value: str) -> Any | None:
    """The value of the first ``(glob, value)`` pair whose glob matches, or ``None``."""
    return next((v for pattern, v in table if fnmatchcase(value, pattern)), None)


def _any_glob(patterns: tuple[str, ...], value: str) -> bool:
    return not patterns or any(fnmatchcase(value, p) for p in patterns)


def _search(pattern: Pattern | None, value: str | None) -> bool:
    return pattern is None or (value is not None and pattern.search(value) is not None)


def _tag_matches(tags: Mapping[str, str], key: str, value_glob: str) -> bool:
    return key in tags and fnmatchcase(tags[key], value_glob)


def _same(actual: object, expected: Scalar) -> bool:
    # Sources may record booleans and numbers as JSON values or as text ("true", "1"); both mean the same.
    if actual is None:
        return False
    return actual == expected or str(actual).lower() == str(expected).lower()
