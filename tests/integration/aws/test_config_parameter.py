"""In Lambda the policy may come from an SSM parameter holding leftovers.toml, read once at cold start."""

from __future__ import annotations

import boto3
import pytest

from leftovers.core.errors import SettingsError
from leftovers.handlers import _wiring
from tests.support.moto_server import MotoServer, unique


def put(text: str) -> str:
    name = f"/leftovers/{unique('config')}"
    boto3.client("ssm").put_parameter(Name=name, Type="String", Value=text)
    return name


def test_the_policy_comes_from_the_parameter(aws: MotoServer) -> None:
    name = put('timezone = "Asia/Tokyo"\nlanguage = "ja"\nreminder = "never"\n')
    wiring = _wiring.build({"LEFTOVERS_STORE": "memory:", _wiring.CONFIG_PARAMETER: name})
    assert (wiring.settings.policy.timezone, wiring.settings.policy.language) == ("Asia/Tokyo", "ja")
    assert wiring.settings.policy.reminder is None


def test_environment_still_wins_over_the_parameter(aws: MotoServer) -> None:
    name = put('timezone = "Asia/Tokyo"\n')
    env = {"LEFTOVERS_STORE": "memory:", _wiring.CONFIG_PARAMETER: name, "LEFTOVERS_TIMEZONE": "UTC"}
    assert _wiring.build(env).settings.policy.timezone == "UTC"


def test_a_bad_parameter_fails_the_cold_start_naming_it(aws: MotoServer) -> None:
    name = put('[[ignore]]\nname = "x"\nname_regex = "tmp-("\n')
    with pytest.raises(SettingsError) as caught:
        _wiring.build({"LEFTOVERS_STORE": "memory:", _wiring.CONFIG_PARAMETER: name})
    assert f"ssm:{name}:3" in str(caught.value)
    assert "name_regex" in str(caught.value)
