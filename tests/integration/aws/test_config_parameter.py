"""In Lambda the policy may come from an SSM parameter holding leftovers.toml, read once at cold start."""

from __future__ import annotations

import boto3
import pytest

from leftovers.core.errors import SettingsError
from leftovers.handlers import _wiring
from tests.support.moto_server import MotoServer, load_template, unique


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


FUNCTION_ROLES = ("IngestRole", "ReconcileRole", "NotifyRole", "MarkRole")


def test_the_template_names_the_parameter_to_every_function_and_lets_each_read_only_it() -> None:
    template = load_template()
    parameter = template["Parameters"]["ConfigParameterName"]
    assert parameter["Default"] == ""  # optional: no parameter, no permission
    env = template["Globals"]["Function"]["Environment"]["Variables"]
    assert env[_wiring.CONFIG_PARAMETER] == {"Ref": "ConfigParameterName"}
    arn = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${ConfigParameterName}"
    for role in FUNCTION_ROLES:
        (policy,) = template["Resources"][role]["Properties"]["Policies"]
        conditional = [s["Fn::If"] for s in policy["PolicyDocument"]["Statement"] if "Fn::If" in s]
        reads = [(c, s) for c, s, _ in conditional if s["Sid"] == "ReadTheConfigParameter"]
        only_it = {"Sid": "ReadTheConfigParameter", "Effect": "Allow", "Action": "ssm:GetParameter",
                   "Resource": {"Fn::Sub": arn}}  # fmt: skip
        assert reads == [("HasConfigParameter", only_it)], role
    assert template["Conditions"]["HasConfigParameter"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "ConfigParameterName"}, ""]}]
    }
