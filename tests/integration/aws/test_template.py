"""template.yaml: lints, translates offline, defines the table as the store does, and grants nothing broad."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cfnlint.api import lint_file
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

from leftovers.adapters.stores.dynamodb.schema import (
    DUE_INDEX,
    DUE_INDEXES,
    legacy_table_definition,
    table_definition,
)
from tests.integration.aws.test_template_reconcile import inventory_actions, read_only
from tests.support.moto_server import ROOT, TEMPLATE, load_template, template_table

ASL = ROOT / "statemachine" / "notify.asl.json"
LAMBDA_RETRIED = {
    "Lambda.ServiceException",
    "Lambda.AWSLambdaException",
    "Lambda.SdkClientException",
    "Lambda.TooManyRequestsException",
}


def test_cfn_lint_passes() -> None:
    matches = lint_file(TEMPLATE)
    assert not matches, "\n".join(str(m) for m in matches)


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The template as plain CloudFormation, translated offline (code in S3, ASL inlined, as `sam package` does)."""
    template = load_template()
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://leftovers-artifacts/lambda.zip"
    machine = template["Resources"]["NotifyStateMachine"]["Properties"]
    machine["Definition"] = json.loads(ASL.read_text())
    del machine["DefinitionUri"]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_DEFAULT_REGION", "ap-northeast-1")  # the translator resolves pseudo parameters
        result: dict[str, Any] = Translator(None, Parser()).translate(
            template, parameter_values={}, get_managed_policy_map=lambda: {}
        )
    return result


def of_type(template: dict[str, Any], kind: str) -> dict[str, Any]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def test_translates_to_plain_cloudformation(translated: dict[str, Any]) -> None:
    assert not any(r["Type"].startswith("AWS::Serverless::") for r in translated["Resources"].values())
    functions = of_type(translated, "AWS::Lambda::Function")
    assert len(functions) == 6  # ingest, reconcile, notify, mark, actions, and the optional replay
    for f in functions.values():
        assert f["Properties"]["Runtime"] == "python3.13"
        assert f["Properties"]["Architectures"] == ["arm64"]
    mappings = of_type(translated, "AWS::Lambda::EventSourceMapping").values()
    assert [m["Properties"]["FunctionResponseTypes"] for m in mappings] == [["ReportBatchItemFailures"]] * 2
    assert of_type(translated, "AWS::StepFunctions::StateMachine")
    assert of_type(translated, "AWS::Scheduler::Schedule")


def test_sam_adds_no_role_or_managed_policy(translated: dict[str, Any]) -> None:
    roles = of_type(translated, "AWS::IAM::Role")
    assert set(roles) == {
        *("IngestRole", "ReconcileRole", "NotifyRole", "MarkRole", "StateMachineRole", "SchedulerRole"),
        *("ReplayRole", "ActionsRole"),
    }
    assert not any("ManagedPolicyArns" in r["Properties"] for r in roles.values())


def statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for role in of_type(template, "AWS::IAM::Role").values():
        for policy in role["Properties"]["Policies"]:
            for s in policy["PolicyDocument"]["Statement"]:
                # A conditional statement is {"Fn::If": [cond, statement, NoValue]}.
                found.append(s["Fn::If"][1] if "Fn::If" in s else s)
    return found


def test_every_statement_names_its_resources() -> None:
    found = statements(load_template())
    assert found
    for s in found:
        resources = s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]]
        actions = s["Action"] if isinstance(s["Action"], list) else [s["Action"]]
        # The one exception: the reconcile inventory's read-only Describe/Get/List/BatchGet calls, which ask about any
        # resource of the account and mostly have no resource-level permissions. The allowed set comes from the
        # inventory's own tables (describe ROWS, the tagging and Config calls), never from a list kept here.
        if resources == ["*"] and set(actions) <= inventory_actions() and all(map(read_only, actions)):
            continue
        assert "*" not in resources, s["Sid"]
        assert not any(isinstance(r, str) and r.endswith(":*") for r in resources), s["Sid"]
        assert not any("*" in a for a in actions), s["Sid"]


def test_the_table_is_defined_once() -> None:
    assert template_table() == table_definition()


def test_the_state_machine_retries_lambda_service_errors_and_fails_visibly() -> None:
    states = json.loads(ASL.read_text())["States"]
    for name in ("Reconcile", "Notify", "Mark"):
        retried = {e for r in states[name]["Retry"] for e in r["ErrorEquals"]}
        assert retried >= LAMBDA_RETRIED
    notify_retried = {e for r in states["Notify"]["Retry"] for e in r["ErrorEquals"]}
    assert "States.TaskFailed" not in notify_retried  # a retried Notify could post twice
    assert states["NotAllSent"]["Type"] == "Fail"


def test_schedule_defaults_to_midnight_tokyo() -> None:
    params = load_template()["Parameters"]
    assert params["ScheduleExpression"]["Default"] == "cron(0 0 * * ? *)"
    assert params["ScheduleTimezone"]["Default"] == "Asia/Tokyo"


def test_the_due_index_projects_keys_only() -> None:
    (index,) = template_table()["GlobalSecondaryIndexes"]
    assert (index["IndexName"], index["Projection"]) == (DUE_INDEX, {"ProjectionType": "KEYS_ONLY"})


@pytest.mark.parametrize("role", ["ReconcileRole", "NotifyRole"])
def test_a_role_that_reads_what_is_due_queries_either_index_and_reads_the_rows(role: str) -> None:
    """The keys-only index gives keys: the rows come by BatchGetItem. The older index is still asked while the new
    one is being built (README, Upgrading)."""
    policy = load_template()["Resources"][role]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]
    allowed: dict[str, set[str]] = {}
    for s in policy:
        s = s["Fn::If"][1] if "Fn::If" in s else s
        resources = s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]]
        for action in s["Action"] if isinstance(s["Action"], list) else [s["Action"]]:
            allowed.setdefault(action, set()).update(json.dumps(r, sort_keys=True) for r in resources)
    indexes = {json.dumps({"Fn::Sub": f"${{Table.Arn}}/index/{name}"}) for name in DUE_INDEXES}
    assert allowed["dynamodb:Query"] == indexes
    assert json.dumps({"Fn::GetAtt": ["Table", "Arn"]}) in allowed["dynamodb:BatchGetItem"]


def test_an_upgrade_keeps_the_older_index_for_one_update_only() -> None:
    """CloudFormation creates or deletes one index per update: KeepOlderDueIndex=true adds the new one and keeps the
    old (README, Upgrading); the default then deletes it."""
    template = load_template()
    assert template["Parameters"]["KeepOlderDueIndex"]["Default"] == "false"
    assert template["Conditions"]["KeepsOlderDueIndex"] == {"Fn::Equals": [{"Ref": "KeepOlderDueIndex"}, "true"]}
    both = template_table(keep_older_due_index=True)["GlobalSecondaryIndexes"]
    assert both == table_definition()["GlobalSecondaryIndexes"] + legacy_table_definition()["GlobalSecondaryIndexes"]
    indexes = template["Resources"]["Table"]["Properties"]["GlobalSecondaryIndexes"]
    (conditional,) = [i for i in indexes if "Fn::If" in i]
    assert conditional["Fn::If"][0] == "KeepsOlderDueIndex"
    assert conditional["Fn::If"][2] == {"Ref": "AWS::NoValue"}
