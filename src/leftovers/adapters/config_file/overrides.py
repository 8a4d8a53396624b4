"""``[[override]]`` tables of leftovers.toml -> core Overrides: per account or OU, a grace period, reminder, per-type
grace, tag keys and ignore rules of their own (rules added to the base file's)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from leftovers.adapters.config_file import checks as v
from leftovers.core.durations import parse_duration, parse_interval
from leftovers.core.policy_rules import IgnoreRule
from leftovers.core.policy_scopes import Override
from leftovers.core.policy_tags import TagKeys

KEYS = ("name", "accounts", "ous", "grace", "reminder", "grace_by_type", "tags", "ignore", "use_default_ignores")
RUN_WIDE = ("timezone", "language", "slack_users", "slack_app", "email_addresses")
"""Top-level keys an override may not set: they shape the one digest a run sends, not an account's resources."""
ACCOUNT_ID = re.compile(r"^\d{12}$")
UNIT_ID = re.compile(r"^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$")  # Organizations' id patterns

ReadRule = Callable[[Mapping[str, Any], tuple[str | int, ...]], IgnoreRule]


def read_overrides(
    doc: Mapping[str, Any],
    base: Mapping[str, Any],
    rules: tuple[IgnoreRule, ...],
    defaults: tuple[IgnoreRule, ...],
    read_rule: ReadRule,
) -> tuple[Override, ...]:
    """Every ``[[override]]``, in file order; ``base`` holds the base file's values an override starts from
    (``tag_keys``, ``use_default_ignores``), ``rules`` its own ignore rules and ``defaults`` the bundled ones."""
    found: list[Override] = []
    for i, raw in enumerate(v.list_of_tables(doc, "override")):
        at = ("override", i)
        override = _override(raw, at, base, rules, defaults, read_rule)
        if any(o.name == override.name for o in found):
            raise v.BadValue((*at, "name"), f"another override is already named {override.name!r}")
        found.append(override)
    return tuple(found)


def _override(
    raw: Mapping[str, Any],
    at: tuple[str, int],
    base: Mapping[str, Any],
    rules: tuple[IgnoreRule, ...],
    defaults: tuple[IgnoreRule, ...],
    read_rule: ReadRule,
) -> Override:
    for key in raw:
        if key in RUN_WIDE:
            raise v.BadValue(
                (*at, key), f"cannot differ per account (one digest has one {key}): set it at the top of the file"
            )
    v.known(raw, KEYS, at)
    name = v.get(raw, "name", str, "", at)
    if not name.strip():
        raise v.BadValue((*at, "name"), "every override needs a name (warnings and reports show it)")
    changes: dict[str, Any] = {}
    if "grace" in raw:
        changes["grace"] = v.duration(raw, "grace", parse_duration, None, at)
    if "reminder" in raw:
        changes["reminder"] = v.duration(raw, "reminder", parse_interval, None, at)
    if "grace_by_type" in raw:
        by_type = v.table(raw, "grace_by_type", at)
        where = (*at, "grace_by_type")
        changes["type_grace"] = tuple((g, v.duration(by_type, g, parse_duration, None, where)) for g in by_type)
    if "tags" in raw:
        changes["tag_keys"] = _tag_keys(raw, at, base["tag_keys"])
    added = tuple(read_rule(r, (*at, "ignore", j)) for j, r in enumerate(_rule_tables(raw, at)))
    _new_names(added, rules, at)
    with_defaults = v.get(raw, "use_default_ignores", bool, base["use_default_ignores"], at)
    if added or "use_default_ignores" in raw:
        changes["ignore"] = rules + added + (defaults if with_defaults else ())
    accounts = _ids(raw, "accounts", ACCOUNT_ID, "an account id (12 digits)", at)
    ous = _ids(raw, "ous", UNIT_ID, "an OU or root id (ou-… or r-…)", at)
    try:
        return Override(name, accounts, ous, changes)
    except ValueError as exc:  # no selector
        raise v.BadValue(at, str(exc)) from None


def _tag_keys(raw: Mapping[str, Any], at: tuple[str, int], keys: TagKeys) -> TagKeys:
    tags = v.table(raw, "tags", at)
    where = (*at, "tags")
    v.known(tags, ("expires", "keep", "owner"), where)
    given = {k: v.names(tags, k, where) for k in tags}
    return TagKeys(**{"expires": keys.expires, "keep": keys.keep, "owner": keys.owner, **given})


def _rule_tables(raw: Mapping[str, Any], at: tuple[str, int]) -> list[dict[str, Any]]:
    entries = v.get(raw, "ignore", list, [], at)
    for j, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise v.BadValue((*at, "ignore", j), "must be a table ([[override.ignore]] with keys under it)")
    return list(entries)


def _new_names(added: tuple[IgnoreRule, ...], rules: tuple[IgnoreRule, ...], at: tuple[str, int]) -> None:
    # A report names the rule that silenced a resource: the name must say which rule, whichever account.
    seen = {r.name for r in rules}
    for j, rule in enumerate(added):
        if rule.name in seen:
            raise v.BadValue((*at, "ignore", j, "name"), f"another ignore rule is already named {rule.name!r}")
        seen.add(rule.name)


def _ids(raw: Mapping[str, Any], key: str, shape: re.Pattern[str], what: str, at: tuple[str, int]) -> tuple[str, ...]:
    ids = v.names(raw, key, at)
    for value in ids:
        if not shape.match(value):
            raise v.BadValue((*at, key), f"{value!r} is not {what}")
    return ids
