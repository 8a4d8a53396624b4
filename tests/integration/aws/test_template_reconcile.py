"""The reconcile step in template.yaml cannot drift from the code: its role may make exactly the inventory's calls
(derived from the describe table), its function is wired into the state machine, and a failed reconcile still lets
the digest go out."""

from __future__ import annotations

import json
import re
from typing import Any

from leftovers.adapters.inventory import config, iam_actions
from leftovers.handlers import reconcile
from tests.support.moto_server import ROOT, load_template

ASL = ROOT / "statemachine" / "notify.asl.json"
TEMPLATE = load_template()
READ_VERBS = ("describe", "get", "list", "batchget")  # apigateway:GET is API Gateway's read-only action


def inventory_actions() -> set[str]:
    """Every IAM action the AWS inventory may call: one per describe row, the tagging API's and Config's."""
    return {*iam_actions(), config.BATCH_CALL, config.HISTORY_CALL}


def read_only(action: str) -> bool:
    """True for a Describe*, Get*, List* or BatchGet* action."""
    return action.split(":", 1)[1].casefold().startswith(READ_VERBS)


def reconcile_statements() -> dict[str, dict[str, Any]]:
    """The reconcile role's statements by Sid, with the condition of a conditional one under ``Condition*``."""
    (policy,) = TEMPLATE["Resources"]["ReconcileRole"]["Properties"]["Policies"]
    found = {}
    for s in policy["PolicyDocument"]["Statement"]:
        if "Fn::If" in s:
            condition, s, otherwise = s["Fn::If"]
            assert otherwise == {"Ref": "AWS::NoValue"}
            s = {**s, "Condition*": condition}
        found[s["Sid"]] = s
    return found


def test_the_role_may_make_exactly_the_calls_of_the_declared_checks_and_the_tagging_api() -> None:
    asked = reconcile_statements()["AskWhetherResourcesExist"]
    assert asked["Action"] == iam_actions()
    assert asked["Resource"] == "*"


def test_config_is_asked_exactly_where_its_events_are_followed() -> None:
    asked = reconcile_statements()["AskAwsConfig"]
    assert set(asked["Action"]) == {config.BATCH_CALL, config.HISTORY_CALL}
    assert asked["Condition*"] == "FollowsConfig"
    env = TEMPLATE["Resources"]["ReconcileFunction"]["Properties"]["Environment"]["Variables"]
    assert env[reconcile.USE_CONFIG] == {"Fn::If": ["FollowsConfig", "true", "false"]}
    assert env[reconcile.LIMIT] == {"Ref": "ReconcileLimit"}


def test_every_inventory_call_is_read_only() -> None:
    assert inventory_actions()
    assert [a for a in inventory_actions() if not read_only(a)] == []


def test_the_role_scans_and_writes_the_table_and_nothing_else_of_it() -> None:
    table = reconcile_statements()["ScanAndConditionalWrites"]
    assert set(table["Action"]) == {"dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:PutItem"}
    assert table["Resource"] == {"Fn::GetAtt": ["Table", "Arn"]}


def test_the_limit_parameter_accepts_what_the_handler_accepts() -> None:
    pattern = TEMPLATE["Parameters"]["ReconcileLimit"]["AllowedPattern"]
    assert TEMPLATE["Parameters"]["ReconcileLimit"]["Default"] == ""
    for value in ("", "1", "5000"):
        assert re.fullmatch(pattern, value)
        reconcile.read_options({reconcile.LIMIT: value})
    for value in ("0", "-1", "ten"):
        assert not re.fullmatch(pattern, value)


def test_the_state_machine_reconciles_first_and_a_failure_goes_on_to_the_digest() -> None:
    asl = json.loads(ASL.read_text())
    step = asl["States"][asl["StartAt"]]
    assert asl["StartAt"] == "Reconcile"
    assert step["Next"] == "Notify"
    assert step["ResultPath"] == "$.reconcile"  # the input (the scheduler's $.at) reaches Notify unchanged
    assert step["Catch"] == [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.reconcile_error", "Next": "Notify"}]
    more = next(c for c in asl["States"]["AllSent"]["Choices"] if c["Variable"] == "$.more")
    assert more["Next"] == "Notify"  # the next part of a long digest does not reconcile again


def test_the_state_machine_may_invoke_every_function_it_names() -> None:
    placeholders = set(re.findall(r"\$\{(\w+)\}", ASL.read_text()))
    machine = TEMPLATE["Resources"]["NotifyStateMachine"]["Properties"]["DefinitionSubstitutions"]
    assert set(machine) == placeholders == {"ReconcileFunctionArn", "NotifyFunctionArn", "MarkFunctionArn"}
    (policy,) = TEMPLATE["Resources"]["StateMachineRole"]["Properties"]["Policies"]
    (invoke,) = policy["PolicyDocument"]["Statement"]
    assert invoke["Action"] == "lambda:InvokeFunction"
    assert sorted(map(json.dumps, invoke["Resource"])) == sorted(map(json.dumps, machine.values()))
    assert TEMPLATE["Resources"]["ReconcileFunction"]["Properties"]["Handler"] == "leftovers.handlers.reconcile.handler"


def test_a_failed_reconcile_sets_off_its_own_alarm() -> None:
    # The run still succeeds (Catch), so the failed-run alarm stays quiet: the function's errors must be watched.
    alarm = TEMPLATE["Resources"]["ReconcileFailedAlarm"]["Properties"]
    assert (alarm["Namespace"], alarm["MetricName"]) == ("AWS/Lambda", "Errors")
    assert alarm["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": "ReconcileFunction"}}]
    assert alarm["ComparisonOperator"] == "GreaterThanThreshold"
    assert alarm["Threshold"] == 0
    assert alarm["AlarmActions"] == TEMPLATE["Resources"]["FailedRunAlarm"]["Properties"]["AlarmActions"]
