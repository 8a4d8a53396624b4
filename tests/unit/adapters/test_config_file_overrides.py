"""``[[override]]`` in leftovers.toml: read into per-account policies, every mistake one line naming file, line and
key; the example file's commented override block loads once uncommented."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leftovers.adapters.config_file import default_ignore_rules, parse_policy
from leftovers.adapters.config_file.positions import ConfigFileError
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy_tags import TagKeys

EXAMPLE = Path(__file__).resolve().parents[3] / "leftovers.example.toml"
T0 = datetime(2026, 11, 20, tzinfo=UTC)

BASE = """\
grace = "7d"
reminder = "7d"

[tags]
owner = ["team"]

[[ignore]]
name = "shared network"
type = "AWS::EC2::VPC"

"""

SANDBOXES = (
    BASE
    + """\
[[override]]
name = "sandboxes"
accounts = ["111111111111"]
ous = ["ou-ab12-aaaa1111"]
grace = "1d"
reminder = "3d"
use_default_ignores = false
[override.tags]
keep = ["sandbox:keep"]
[[override.ignore]]
name = "scratch buckets"
type = "AWS::S3::Bucket"
name_regex = "^scratch-"

[[override]]
name = "production"
accounts = "222222222222"
[override.grace_by_type]
"AWS::S3::*" = "30d"
"""
)


def bucket(account: str, name: str = "scratch-1") -> Resource:
    key = ResourceKey(account, "us-east-1", "AWS::S3::Bucket", name)
    return Resource(key=key, name=name, created_at=T0)


def test_each_override_is_read_with_what_it_sets_and_inherits_the_rest() -> None:
    policy = replace(parse_policy(SANDBOXES), units=lambda account: ())  # no account in an OU
    sandboxes, production = policy.overrides
    assert (sandboxes.name, sandboxes.accounts, sandboxes.ous) == (
        "sandboxes",
        ("111111111111",),
        ("ou-ab12-aaaa1111",),
    )
    assert production.accounts == ("222222222222",)
    sandbox, prod, other = (policy.for_account(a) for a in ("111111111111", "222222222222", "333333333333"))
    assert (sandbox.grace, sandbox.reminder) == (timedelta(days=1), timedelta(days=3))
    assert sandbox.tag_keys == TagKeys(keep=("sandbox:keep",), owner=("team",))  # only keep replaced
    # Ignore rules add to the base file's; this override also drops the bundled defaults, the others keep them.
    assert [r.name for r in sandbox.ignore] == ["shared network", "scratch buckets"]
    assert [r.name for r in prod.ignore] == ["shared network", *(r.name for r in default_ignore_rules())]
    assert (prod.grace, prod.type_grace) == (timedelta(days=7), (("AWS::S3::*", timedelta(days=30)),))
    assert other.grace == timedelta(days=7)
    assert policy.ignored_by(bucket("111111111111")) == "scratch buckets"
    assert policy.ignored_by(bucket("222222222222")) is None
    assert policy.first_due(bucket("222222222222", "data")) == T0 + timedelta(days=30)
    assert policy.needs_units


def test_an_override_by_account_alone_needs_no_organization_reader() -> None:
    policy = parse_policy(BASE + '[[override]]\nname = "a"\naccounts = ["111111111111"]\ngrace = "1d"\n')
    assert not policy.needs_units
    assert policy.first_due(bucket("111111111111", "data")) == T0 + timedelta(days=1)


OVERRIDE = BASE + '[[override]]\nname = "sandboxes"\naccounts = ["111111111111"]\n'


@pytest.mark.parametrize(
    ("more", "message"),
    [
        ('grase = "1d"', "leftovers.toml:14: override[0].grase: unknown key (did you mean 'grace'?)"),
        (
            'timezone = "Asia/Tokyo"',
            "leftovers.toml:14: override[0].timezone: cannot differ per account (one digest has one timezone): "
            "set it at the top of the file",
        ),
        (
            'slack_users = { a = "U1" }',
            "leftovers.toml:14: override[0].slack_users: cannot differ per account (one digest has one slack_users): "
            "set it at the top of the file",
        ),
        (
            'grace = "soon"',
            "leftovers.toml:14: override[0].grace: not a duration: 'soon' (use e.g. 0, 12h, 7d, 2w, 3m)",
        ),
        (
            'ous = ["sandboxes"]',
            "leftovers.toml:14: override[0].ous: 'sandboxes' is not an OU or root id (ou-… or r-…)",
        ),
        (
            "use_default_ignores = 0",
            "leftovers.toml:14: override[0].use_default_ignores: must be a boolean (true or false), not 0",
        ),
        ('tags = { keeps = "k" }', "leftovers.toml:14: override[0].tags.keeps: unknown key (did you mean 'keep'?)"),
    ],
)
def test_override_errors_name_the_line_and_key(more: str, message: str) -> None:
    with pytest.raises(ConfigFileError) as caught:
        parse_policy(OVERRIDE + more + "\n")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            BASE + '[[override]]\nname = "nobody"\ngrace = "1d"\n',
            "leftovers.toml:11: override[0]: override 'nobody' selects no account: give accounts or ous",
        ),
        (
            BASE + '[[override]]\naccounts = "111111111111"\n',
            "leftovers.toml:11: override[0].name: every override needs a name (warnings and reports show it)",
        ),
        (
            OVERRIDE + '[[override]]\nname = "sandboxes"\nous = "r-ab12"\n',
            "leftovers.toml:15: override[1].name: another override is already named 'sandboxes'",
        ),
        (
            BASE + '[[override]]\nname = "a"\naccounts = ["1111"]\n',
            "leftovers.toml:13: override[0].accounts: '1111' is not an account id (12 digits)",
        ),
        (
            OVERRIDE + '[[override.ignore]]\nname = "shared network"\ntype = "AWS::S3::Bucket"\n',
            "leftovers.toml:15: override[0].ignore[0].name: another ignore rule is already named 'shared network'",
        ),
    ],
)
def test_override_selector_and_name_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigFileError) as caught:
        parse_policy(text)
    assert str(caught.value) == message


def test_an_error_in_a_later_overrides_rule_names_that_rules_line() -> None:
    text = (
        OVERRIDE
        + '[[override.ignore]]\nname = "one"\ntype = "AWS::S3::Bucket"\n\n'  # lines 14-16
        + '[[override]]\nname = "two"\naccounts = "222222222222"\n'  # 18-20
        + '[[override.ignore]]\nname = "first"\ntype = "*"\n'  # 21-23
        + '[[override.ignore]]\nname = "second"\nname_regex = "tmp-("\n'  # 24-26
    )
    with pytest.raises(ConfigFileError, match=r"^leftovers.toml:26: override\[1\]\.ignore\[1\]\.name_regex: bad regex"):
        parse_policy(text)


def test_the_examples_commented_override_loads_once_uncommented() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    start = lines.index("# [[override]]")
    block = []
    for line in lines[start:]:
        if not line.startswith("# ") and line != "#":
            break
        block.append(line[2:])
    policy = parse_policy("\n".join(lines[:start] + block) + "\n", "leftovers.example.toml")
    (override,) = policy.overrides
    assert (override.name, override.ous) == ("sandboxes", ("ou-ab12-aaaa1111",))
    in_unit = replace(policy, units=lambda account: ("r-ab12", "ou-ab12-aaaa1111") if account == "4" * 12 else ())
    assert in_unit.for_account(override.accounts[0]).grace == in_unit.for_account("4" * 12).grace == timedelta(days=1)
    assert in_unit.for_account("5" * 12).grace == timedelta(0)
