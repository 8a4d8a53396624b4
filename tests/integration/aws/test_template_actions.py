"""template.yaml's actions function: a public function URL whose only gate is Slack's signature, a role that can
read one record, write it conditionally and read the signing secret, and nothing more."""

from __future__ import annotations

import importlib
from typing import Any

from tests.integration.aws.test_template import of_type, translated
from tests.support.moto_server import load_template

__all__ = ["translated"]


def test_the_function_url_is_public_and_names_the_handler(translated: dict[str, Any]) -> None:
    urls = of_type(translated, "AWS::Lambda::Url")
    assert [u["Properties"]["AuthType"] for u in urls.values()] == ["NONE"]
    (url,) = urls.values()
    assert url["Properties"]["TargetFunctionArn"] == {"Ref": "ActionsFunction"}
    function = load_template()["Resources"]["ActionsFunction"]["Properties"]
    module, _, name = function["Handler"].rpartition(".")
    assert callable(getattr(importlib.import_module(module), name))
    assert function["Timeout"] <= 10
    permissions = [p["Properties"] for p in of_type(translated, "AWS::Lambda::Permission").values()]
    assert any(p["Action"] == "lambda:InvokeFunctionUrl" and p["FunctionUrlAuthType"] == "NONE" for p in permissions)
    # Since October 2025 a new function URL also needs lambda:InvokeFunction, limited to calls through the URL.
    assert any(p["Action"] == "lambda:InvokeFunction" and p.get("InvokedViaFunctionUrl") is True for p in permissions)
    assert "ActionsUrl" in load_template()["Outputs"]


def test_the_role_reads_and_writes_records_and_reads_only_the_signing_secret() -> None:
    template = load_template()
    statements = template["Resources"]["ActionsRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    granted = {}
    for s in statements:
        s = s["Fn::If"][1] if "Fn::If" in s else s
        actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
        granted.update(dict.fromkeys(actions, s["Resource"]))
    assert set(granted) == {
        "dynamodb:BatchGetItem",
        "dynamodb:PutItem",
        "ssm:GetParameter",
        "kms:Decrypt",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
    }
    assert granted["dynamodb:PutItem"] == {"Fn::GetAtt": ["Table", "Arn"]}
    assert granted["ssm:GetParameter"]["Fn::Sub"].endswith(":parameter${SlackSigningSecretParameterName}")
    variables = template["Resources"]["ActionsFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER"] == {"Ref": "SlackSigningSecretParameterName"}
    assert not any("SECRET" in name and "PARAMETER" not in name for name in variables)  # never the value itself
