"""leftovers.toml -> Policy: every key checked at load, every error one line naming the file position and key."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any

from leftovers.adapters.config_file import checks as v
from leftovers.adapters.config_file.overrides import read_overrides
from leftovers.adapters.config_file.positions import ConfigFileError, dotted, line_of, syntax_error
from leftovers.adapters.config_file.routes import parse_routing
from leftovers.core.deadlines import DEFAULT_REMINDER
from leftovers.core.durations import parse_duration, parse_interval
from leftovers.core.errors import SettingsError
from leftovers.core.policy import LANGUAGES, Policy
from leftovers.core.policy_rules import IgnoreRule
from leftovers.core.policy_tags import TagKeys
from leftovers.data_files import data_text

DEFAULT_NAME = "leftovers.toml"
TOP = (
    "grace", "reminder", "timezone", "language", "use_default_ignores",
    "tags", "grace_by_type", "slack_users", "ignore", "slack_app", "email_addresses",
    "routing", "override",
)  # fmt: skip
SLACK_APP = ("keep_forever", "thread_after")
TAG_KEYS = ("expires", "keep", "owner")
RULE = ("name", "type", "name_regex", "id_regex", "arn_regex", "tags", "account", "region", "details")


def load_policy(path: Path | str | None) -> Policy:
    """The policy in the file at ``path``; ``None`` gives the defaults (with the default ignore list)."""
    if path is None:
        return Policy(ignore=default_ignore_rules())
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise SettingsError(str(path), f"cannot read the config file ({reason})") from None
    return parse_policy(text, str(path))


def parse_policy(text: str, source: str = DEFAULT_NAME) -> Policy:
    """The policy a TOML text describes (``source`` names it in errors: a path, or an SSM parameter name)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(source, str(exc)) from None
    try:
        return _policy(doc)
    except v.BadValue as bad:
        raise ConfigFileError(source, line_of(text, bad.path), dotted(bad.path), bad.problem) from None


@cache
def default_ignore_rules() -> tuple[IgnoreRule, ...]:
    """The bundled list of resources AWS creates on a user's behalf (``data/default_ignore.toml``)."""
    text = data_text("default_ignore.toml")
    return tuple(_rule(r, ("ignore", i)) for i, r in enumerate(v.list_of_tables(tomllib.loads(text), "ignore")))


def _policy(doc: Mapping[str, Any]) -> Policy:
    v.known(doc, TOP, ())
    tags = v.table(doc, "tags")
    v.known(tags, TAG_KEYS, ("tags",))
    rules = tuple(_rule(r, ("ignore", i)) for i, r in enumerate(v.list_of_tables(doc, "ignore")))
    _unique_names(rules)
    grace_by_type = v.table(doc, "grace_by_type")
    slack_users = v.table(doc, "slack_users")
    app = v.table(doc, "slack_app")
    v.known(app, SLACK_APP, ("slack_app",))
    thread_after = v.get(app, "thread_after", int, 10, ("slack_app",))
    if isinstance(thread_after, bool) or thread_after < 1:
        raise v.BadValue(
            ("slack_app", "thread_after"), f"must be a whole number of lines, 1 or more, not {thread_after!r}"
        )
    tag_keys = TagKeys(**{k: v.names(tags, k, ("tags",)) for k in TAG_KEYS if k in tags})
    with_defaults = v.get(doc, "use_default_ignores", bool, True)
    base = {"tag_keys": tag_keys, "use_default_ignores": with_defaults}
    return Policy(
        grace=v.duration(doc, "grace", parse_duration, timedelta(0)),
        reminder=v.duration(doc, "reminder", parse_interval, DEFAULT_REMINDER),
        timezone=v.timezone(doc, "timezone"),
        language=v.choice(doc, "language", LANGUAGES),
        tag_keys=tag_keys,
        ignore=rules + (default_ignore_rules() if with_defaults else ()),
        type_grace=tuple(
            (glob, v.duration(grace_by_type, glob, parse_duration, None, ("grace_by_type",))) for glob in grace_by_type
        ),
        slack_users={owner: v.get(slack_users, owner, str, "", ("slack_users",)) for owner in slack_users},
        email_addresses=v.addresses(doc, "email_addresses"),
        keep_forever_button=v.get(app, "keep_forever", bool, True, ("slack_app",)),
        thread_after=thread_after,
        routing=parse_routing(doc),
        overrides=read_overrides(doc, base, rules, default_ignore_rules(), _rule),
    )


def _rule(raw: Mapping[str, Any], at: v.Key) -> IgnoreRule:
    v.known(raw, RULE, at)
    name = v.get(raw, "name", str, "", at)
    if not name.strip():
        raise v.BadValue((*at, "name"), "every ignore rule needs a name (reports show it)")
    tags, details = v.table(raw, "tags", at), v.table(raw, "details", at)
    try:
        return IgnoreRule(
            name=name,
            types=v.names(raw, "type", at),
            name_regex=v.regex(raw, "name_regex", at),
            id_regex=v.regex(raw, "id_regex", at),
            arn_regex=v.regex(raw, "arn_regex", at),
            tags=tuple((k, v.get(tags, k, str, "*", (*at, "tags"))) for k in tags),
            accounts=v.names(raw, "account", at),
            regions=v.names(raw, "region", at),
            details=tuple((k, v.scalar(value, (*at, "details", k))) for k, value in details.items()),
        )
    except ValueError as exc:  # a rule without any condition
        raise v.BadValue(at, str(exc)) from None


def _unique_names(rules: tuple[IgnoreRule, ...]) -> None:
    seen: set[str] = set()
    for i, rule in enumerate(rules):
        if rule.name in seen:
            raise v.BadValue(("ignore", i, "name"), f"another ignore rule is already named {rule.name!r}")
        seen.add(rule.name)
