"""Checks for leftovers.toml values: each returns the value read, or raises BadValue at the key's path."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from leftovers.adapters.config_file.patterns import PatternError, compile_pattern
from leftovers.adapters.notifiers.addresses import is_email
from leftovers.core.durations import DurationError
from leftovers.core.policy_rules import Pattern
from leftovers.core.times import TimeError, check_zone

Key = tuple[str | int, ...]
_KIND_NAMES = {str: "string", bool: "boolean (true or false)", dict: "table", list: "list"}


class BadValue(Exception):
    """A problem at a key path, before the path is turned into a file position."""

    def __init__(self, path: Key, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def known(table: Mapping[str, Any], allowed: tuple[str, ...], at: Key) -> None:
    """Every key of ``table`` is one of ``allowed`` (a typo gets a suggestion)."""
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"expected one of: {', '.join(allowed)}"
            raise BadValue((*at, key), f"unknown key ({hint})")


def get(table: Mapping[str, Any], key: str, kind: type, default: Any, at: Key = ()) -> Any:
    """``table[key]`` (or ``default``), which must be of type ``kind``."""
    value = table.get(key, default)
    if not isinstance(value, kind):
        raise BadValue((*at, key), f"must be a {_KIND_NAMES.get(kind, kind.__name__)}, not {value!r}")
    return value


def table(parent: Mapping[str, Any], key: str, at: Key = ()) -> dict[str, Any]:
    """A sub-table (empty when absent)."""
    return dict(get(parent, key, dict, {}, at))


def list_of_tables(parent: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    """An array of tables (``[[key]]``), empty when absent."""
    entries = get(parent, key, list, [])
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise BadValue((key, i), f"must be a table ([[{key}]] with keys under it)")
    return list(entries)


def names(parent: Mapping[str, Any], key: str, at: Key = ()) -> tuple[str, ...]:
    """A non-empty string or a list of them, as a tuple."""
    value = parent.get(key, [])
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise BadValue((*at, key), f"must be a string or a list of strings, not {value!r}")
    return tuple(values)


def duration(parent: Mapping[str, Any], key: str, parse: Callable[[str], Any], default: Any, at: Key = ()) -> Any:
    """A duration read with ``parse``; a TOML integer counts as its text (``grace = 0``)."""
    if key not in parent:
        return default
    value = parent[key]
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BadValue((*at, key), f'must be a duration like "7d", not {value!r}')
    try:
        return parse(value)
    except DurationError as exc:
        raise BadValue((*at, key), str(exc)) from None


def regex(parent: Mapping[str, Any], key: str, at: Key) -> Pattern | None:
    """A compiled RE2 pattern (linear-time matching), or ``None`` when absent."""
    text = get(parent, key, str, "", at)
    try:
        return compile_pattern(text) if text else None
    except PatternError as exc:
        raise BadValue((*at, key), str(exc)) from None


def timezone(parent: Mapping[str, Any], key: str) -> str:
    """An IANA time zone name (default UTC)."""
    name = str(get(parent, key, str, "UTC"))
    try:
        return check_zone(name)
    except TimeError as exc:
        raise BadValue((key,), str(exc)) from None


def choice(parent: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (default the first)."""
    value = str(get(parent, key, str, allowed[0]))
    if value not in allowed:
        raise BadValue((key,), f"must be one of {', '.join(allowed)}, not {value!r}")
    return value


def scalar(value: Any, at: Key) -> str | int | float | bool:
    """A string, number or boolean (what a configuration detail can be compared with)."""
    if not isinstance(value, str | int | float | bool):
        raise BadValue(at, f"must be a string, number or boolean, not {value!r}")
    return value


def addresses(parent: Mapping[str, Any], key: str) -> dict[str, str]:
    """A table of owner name -> e-mail address, each value shaped like one address."""
    found = table(parent, key)
    for owner, value in found.items():
        if not isinstance(value, str) or not is_email(value):
            raise BadValue((key, owner), f"must be an e-mail address, not {value!r}")
    return found
