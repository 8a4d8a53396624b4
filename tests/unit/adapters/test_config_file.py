"""leftovers.toml: the example loads, every key kind is read, and every mistake is one positioned line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from leftovers.adapters.config_file import default_ignore_rules, load_policy, parse_policy
from leftovers.adapters.config_file.positions import ConfigFileError, dotted, line_of
from leftovers.core.errors import SettingsError
from leftovers.core.policy import Policy
from leftovers.core.policy_tags import TagKeys

EXAMPLE = Path(__file__).resolve().parents[3] / "leftovers.example.toml"

FULL = """\
grace = "1d"
reminder = "never"
timezone = "Asia/Tokyo"
language = "ja"
use_default_ignores = false

[tags]
expires = ["ttl", "leftovers:expires"]
keep = "do-not-delete"

[grace_by_type]
"AWS::EC2::NatGateway" = 0
"AWS::S3::*" = "30d"

[slack_users]
hanako = "U012ABCDEF"

[[ignore]]
name = "shared network"
type = ["AWS::EC2::VPC", "AWS::EC2::Subnet"]
tags = { Environment = "shared" }

[[ignore]]
name = "sandbox account in Virginia"
account = "111122223333"
region = "us-east-1"
name_regex = "^tmp-"
details = { isDefault = false }
"""


def test_every_key_is_read() -> None:
    policy = parse_policy(FULL)
    assert policy.grace == timedelta(days=1)
    assert policy.reminder is None
    assert policy.timezone == "Asia/Tokyo"
    assert policy.language == "ja"
    assert policy.tag_keys == TagKeys(expires=("ttl", "leftovers:expires"), keep=("do-not-delete",))
    assert policy.type_grace == (("AWS::EC2::NatGateway", timedelta(0)), ("AWS::S3::*", timedelta(days=30)))
    assert policy.slack_users == {"hanako": "U012ABCDEF"}
    assert [r.name for r in policy.ignore] == ["shared network", "sandbox account in Virginia"]
    shared, sandbox = policy.ignore
    assert shared.types == ("AWS::EC2::VPC", "AWS::EC2::Subnet")
    assert shared.tags == (("Environment", "shared"),)
    assert sandbox.accounts == ("111122223333",)
    assert sandbox.regions == ("us-east-1",)
    assert sandbox.name_regex is not None
    assert sandbox.name_regex.pattern == "^tmp-"
    assert sandbox.details == (("isDefault", False),)


def test_an_empty_file_is_the_defaults_with_the_default_ignores() -> None:
    assert parse_policy("") == Policy(ignore=default_ignore_rules()) == load_policy(None)


def test_the_default_ignores_follow_the_users_rules() -> None:
    policy = parse_policy('[[ignore]]\nname = "mine"\ntype = "AWS::S3::Bucket"\n')
    assert policy.ignore == (policy.ignore[0], *default_ignore_rules())
    assert len(default_ignore_rules()) >= 10
    assert all(rule.name for rule in default_ignore_rules())


def test_the_example_file_loads() -> None:
    policy = load_policy(EXAMPLE)
    assert policy.timezone == "Asia/Tokyo"
    assert policy.tag_keys.expires == ("ttl", "leftovers:expires")
    assert policy.grace_for("AWS::IAM::Role") == timedelta(days=14)
    assert [r.name for r in policy.ignore[:3]] == ["shared network account", "long-lived by tag", "CI scratch buckets"]
    assert policy.ignore[3:] == default_ignore_rules()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('grace = "1d"\ngrase = "2d"\n', "leftovers.toml:2: grase: unknown key (did you mean 'grace'?)"),
        ('reminder = "weekly"\n', "leftovers.toml:1: reminder: not a duration: 'weekly' (use e.g. 0, 12h, 7d, 2w, 3m)"),
        ('reminder = "0"\n', "leftovers.toml:1: reminder: an interval must be positive or 'never', not '0'"),
        (
            'timezone = "Tokyo"\n',
            ("leftovers.toml:1: timezone: unknown time zone 'Tokyo' (use an IANA name like Asia/Tokyo)"),
        ),
        ('language = "fr"\n', "leftovers.toml:1: language: must be one of en, ja, not 'fr'"),
        (
            "use_default_ignores = 1\n",
            ("leftovers.toml:1: use_default_ignores: must be a boolean (true or false), not 1"),
        ),
        ('[tags]\nkeep = "k"\nexpire = "e"\n', "leftovers.toml:3: tags.expire: unknown key (did you mean 'expires'?)"),
        ("[tags]\nowner = []\n", None),  # an empty list is allowed: no owner tags, the creator only
        ('[tags]\nowner = [""]\n', "leftovers.toml:2: tags.owner: must be a string or a list of strings, not ['']"),
        (
            '[grace_by_type]\n"AWS::S3::Bucket" = "a month"\n',
            (
                'leftovers.toml:2: grace_by_type."AWS::S3::Bucket": not a'
                " duration: 'a month' (use e.g. 0, 12h, 7d, 2w, 3m)"
            ),
        ),
        ("[slack_users]\nhanako = 12\n", "leftovers.toml:2: slack_users.hanako: must be a string, not 12"),
    ],
)
def test_top_level_errors_name_the_line_and_key(text: str, message: str | None) -> None:
    if message is None:
        parse_policy(text)
        return
    with pytest.raises(ConfigFileError) as caught:
        parse_policy(text)
    assert str(caught.value) == message
    assert isinstance(caught.value, SettingsError)


RULES = """\
# two rules
[[ignore]]
name = "fine"
type = "AWS::EC2::*"

[[ignore]]
name = "broken"
type = "AWS::S3::Bucket"
{line}
"""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'name_regex = "tmp-("',
            (
                "leftovers.toml:9: ignore[1].name_regex: bad regex 'tmp-(':"
                " missing ): tmp-( (patterns use RE2 syntax: no lookarounds or backreferences)"
            ),
        ),
        ('id_rgx = "x"', "leftovers.toml:9: ignore[1].id_rgx: unknown key (did you mean 'id_regex'?)"),
        (
            "account = 123456789012",
            ("leftovers.toml:9: ignore[1].account: must be a string or a list of strings, not 123456789012"),
        ),
        ("tags = { env = 1 }", "leftovers.toml:9: ignore[1].tags.env: must be a string, not 1"),
        (
            "details = { isDefault = [true] }",
            ("leftovers.toml:9: ignore[1].details.isDefault: must be a string, number or boolean, not [True]"),
        ),
    ],
)
def test_rule_errors_name_the_rule_line_and_key(line: str, message: str) -> None:
    with pytest.raises(ConfigFileError) as caught:
        parse_policy(RULES.format(line=line))
    assert str(caught.value) == message


def test_a_rule_without_a_name_or_a_condition_points_at_the_rule() -> None:
    with pytest.raises(ConfigFileError, match=r"^leftovers.toml:6: ignore\[1\].name: every ignore rule needs a name"):
        parse_policy(RULES.format(line="").replace('name = "broken"', ""))
    only_name = '[[ignore]]\nname = "a"\ntype = "*"\n\n[[ignore]]\nname = "everything"\n'
    with pytest.raises(ConfigFileError, match=r"^leftovers.toml:5: ignore\[1\]: ignore rule 'everything' has no"):
        parse_policy(only_name)


def test_duplicate_rule_names_are_refused() -> None:
    text = '[[ignore]]\nname = "a"\ntype = "*"\n[[ignore]]\nname = "a"\nregion = "x"\n'
    with pytest.raises(ConfigFileError, match=r"^leftovers.toml:5: ignore\[1\].name: another ignore rule"):
        parse_policy(text)


def test_toml_syntax_errors_are_one_line_with_the_position_first() -> None:
    with pytest.raises(ConfigFileError) as caught:
        parse_policy('grace = "1d"\nreminder = \n', "team.toml")
    text = str(caught.value)
    assert text.startswith("team.toml:2: invalid TOML: ")
    assert "\n" not in text
    assert "(at line" not in text


def test_a_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read the config file"):
        load_policy(tmp_path / "absent.toml")
    good = tmp_path / "leftovers.toml"
    good.write_text('language = "ja"\n', encoding="utf-8")
    assert load_policy(good).language == "ja"
    bad = tmp_path / "bad.toml"
    bad.write_text('language = "de"\n', encoding="utf-8")
    with pytest.raises(ConfigFileError, match=rf"^{bad!s}:1: language"):
        load_policy(bad)


def test_inline_tables_and_nested_keys_fall_back_to_the_parent_line() -> None:
    text = 'grace = "0"\ntags = { keep = "k", expire = "e" }\n'
    with pytest.raises(ConfigFileError, match=r"^leftovers.toml:2: tags.expire: unknown key"):
        parse_policy(text)
    assert line_of("[a]\nx = 1\n[[b]]\ny = 2\n[[b]]\ny = 3\n", ("b", 1, "y")) == 6
    assert line_of("[[b]]\ny = 2\n", ("b", 0, "z")) == 1
    assert line_of("x = 1\n", ("nowhere",)) is None
    assert (
        dotted(("ignore", 2, "tags", ("aws:cloudformation:stack-name")))
        == 'ignore[2].tags."aws:cloudformation:stack-name"'
    )
