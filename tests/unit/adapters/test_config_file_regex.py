"""Issue 10.9: ignore-rule patterns run on RE2 (linear time), and syntax RE2 lacks is a positioned config error."""

from __future__ import annotations

import threading

import pytest

from leftovers.adapters.config_file import parse_policy
from leftovers.core.errors import SettingsError
from leftovers.core.model import Resource, ResourceKey

EVIL = "^([a-z0-9]+-?)+$"


def rules(regex: str, key: str = "name_regex") -> str:
    return f'timezone = "UTC"\n\n[[ignore]]\nname = "fleet"\n{key} = \'{regex}\'\n'  # a literal string


def named(name: str) -> Resource:
    return Resource(
        key=ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0123"),
        arn="arn:aws:ec2:ap-northeast-1:123456789012:instance/i-0123",
        name=name,
    )


def test_a_catastrophic_pattern_answers_at_once() -> None:
    policy = parse_policy(rules(EVIL))
    answers: list[str | None] = []
    worker = threading.Thread(target=lambda: answers.append(policy.ignored_by(named("a" * 34 + "_"))), daemon=True)
    worker.start()
    worker.join(timeout=60)  # a backtracking engine needs hours here; RE2 microseconds
    assert answers == [None]
    assert policy.ignored_by(named("web-01")) == "fleet"


@pytest.mark.parametrize(
    ("key", "regex", "what"),
    [
        ("name_regex", "^(?=tmp)", "invalid perl operator: (?="),
        ("id_regex", "^(a)\\1$", "invalid escape sequence: \\1"),
        ("arn_regex", "(?<!x)y", "invalid perl operator: (?<"),
    ],
)
def test_syntax_re2_lacks_is_one_line_naming_key_and_line(key: str, regex: str, what: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_policy(rules(regex, key), "leftovers.toml")
    message = str(caught.value)
    assert message.startswith(f"leftovers.toml:5: ignore[0].{key}: ")
    assert what in message
    assert "RE2" in message
    assert "\n" not in message
