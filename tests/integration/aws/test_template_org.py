"""Organization mode: the central stack's bus and StackSet, and member.yaml, lint and let nobody outside the
organization in; the member's read-only role may make exactly the central reconcile role's inventory calls."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cfnlint.api import lint_file

from leftovers.adapters.sources.cloudtrail.lookup import ACTIONS as LOOKUP_ACTIONS
from tests.integration.aws.org_templates import MEMBER, deployed, load_member, load_template, resource
from tests.integration.aws.test_template_reconcile import inventory_actions, read_only, reconcile_statements

CENTRAL, MEMBER_TEMPLATE = load_template(), load_member()
ORG_CONDITION = {"StringEquals": {"aws:PrincipalOrgID": {"Ref": "OrganizationId"}}}
ORG_RESOURCES = (
    "OrganizationBus", "OrganizationBusPolicy", "OrganizationRule", "ReconcileReadsMemberAccounts",
    "NotifyNamesAccounts", "MemberStackSet",
)  # fmt: skip


def test_member_template_passes_cfn_lint() -> None:
    matches = lint_file(MEMBER)
    assert not matches, "\n".join(str(m) for m in matches)


def test_single_account_mode_is_the_default_and_adds_nothing() -> None:
    assert CENTRAL["Parameters"]["OrganizationId"]["Default"] == ""
    single = deployed(CENTRAL, "ap-northeast-1", {})
    assert not set(ORG_RESOURCES) & set(single)
    org = deployed(CENTRAL, "ap-northeast-1", {"OrganizationId": "o-a1b2c3d4e5", "MemberTemplateUrl": "https://x"})
    assert set(ORG_RESOURCES) <= set(org)
    by_cli = deployed(CENTRAL, "ap-northeast-1", {"OrganizationId": "o-a1b2c3d4e5"})  # the StackSet left to the CLI
    assert set(ORG_RESOURCES) - set(by_cli) == {"MemberStackSet"}


def test_only_principals_of_the_organization_may_put_on_the_central_bus() -> None:
    policy = resource(CENTRAL, "OrganizationBusPolicy")["Properties"]
    statement = policy["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "events:PutEvents"
    assert statement["Resource"] == {"Fn::GetAtt": ["OrganizationBus", "Arn"]}
    assert statement["Condition"] == ORG_CONDITION  # Principal "*" is narrowed to the organization, nothing else
    assert policy["EventBusName"] == {"Ref": "OrganizationBus"}


def test_the_central_rule_forwards_any_account_and_region_to_the_ingest_queue() -> None:
    rule = resource(CENTRAL, "OrganizationRule")["Properties"]
    assert rule["EventBusName"] == {"Ref": "OrganizationBus"}
    assert set(rule["EventPattern"]) == {"source", "detail-type"}  # no account or region filter
    assert rule["EventPattern"]["source"] == [{"prefix": "aws."}]  # PutEvents cannot forge an aws.* source
    assert rule["Targets"] == resource(CENTRAL, "ConfigChangeRule")["Properties"]["Targets"]
    (statement,) = resource(CENTRAL, "IngestQueuePolicy")["Properties"]["PolicyDocument"]["Statement"]
    allowed = statement["Condition"]["ArnEquals"]["aws:SourceArn"]
    assert {"Fn::If": ["ForOrganization", {"Fn::GetAtt": ["OrganizationRule", "Arn"]}, {"Ref": "AWS::NoValue"}]} in (
        allowed
    )


def trust_statements(template: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        name: r["Properties"]["AssumeRolePolicyDocument"]["Statement"]
        for name, r in template["Resources"].items()
        if r["Type"] == "AWS::IAM::Role"
    }


def test_the_member_read_role_trusts_the_central_reconcile_role_only_inside_the_organization() -> None:
    (statement,) = trust_statements(MEMBER_TEMPLATE)["ReadRole"]
    assert statement["Principal"] == {"AWS": {"Ref": "CentralRoleArn"}}
    assert statement["Action"] == "sts:AssumeRole"
    assert statement["Condition"] == ORG_CONDITION
    params = resource(CENTRAL, "MemberStackSet")["Properties"]["Parameters"]
    given = {p["ParameterKey"]: p["ParameterValue"] for p in params}
    assert given["CentralRoleArn"] == {"Fn::GetAtt": ["ReconcileRole", "Arn"]}
    assert given["OrganizationId"] == {"Ref": "OrganizationId"}


def test_no_member_role_lets_a_principal_outside_the_organization_in() -> None:
    for name, statements in trust_statements(MEMBER_TEMPLATE).items():
        for s in statements:
            principal = s["Principal"]
            if "Service" in principal:  # a service acting for this very account only
                assert s["Condition"] == {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}, name
            else:
                assert s["Condition"] == ORG_CONDITION, name


def member_read_actions() -> set[str]:
    (policy,) = resource(MEMBER_TEMPLATE, "ReadRole")["Properties"]["Policies"]
    found: set[str] = set()
    for s in policy["PolicyDocument"]["Statement"]:
        s = s["Fn::If"][1] if "Fn::If" in s else s
        found |= set(s["Action"]) if isinstance(s["Action"], list) else {s["Action"]}
    return found


def test_the_member_role_may_make_exactly_the_central_reconcile_calls() -> None:
    central = reconcile_statements()
    checks = member_read_actions() - set(LOOKUP_ACTIONS)  # the CLI's --creators: test_template_member_creators.py
    assert checks == set(central["AskWhetherResourcesExist"]["Action"]) | set(central["AskAwsConfig"]["Action"])
    assert checks == inventory_actions()
    assert all(map(read_only, checks))


def test_reconcile_may_assume_only_the_member_role_inside_the_organization() -> None:
    policy = resource(CENTRAL, "ReconcileReadsMemberAccounts")["Properties"]
    assert policy["RoleName"] == {"Ref": "ReconcileRole"}
    assume, names = policy["PolicyDocument"]["Statement"]
    assert assume["Action"] == "sts:AssumeRole"
    assert assume["Resource"] == {"Fn::Sub": "arn:${AWS::Partition}:iam::*:role/${MemberRoleName}"}
    assert assume["Condition"] == {"StringEquals": {"aws:ResourceOrgID": {"Ref": "OrganizationId"}}}
    assert names["Action"] == "organizations:ListAccounts"


def test_the_forward_role_may_only_put_on_the_central_bus() -> None:
    (policy,) = resource(MEMBER_TEMPLATE, "ForwardRole")["Properties"]["Policies"]
    (statement,) = policy["PolicyDocument"]["Statement"]
    assert (statement["Action"], statement["Resource"]) == ("events:PutEvents", {"Ref": "CentralBusArn"})
    for r in MEMBER_TEMPLATE["Resources"].values():
        if r["Type"] == "AWS::Events::Rule":
            (target,) = r["Properties"]["Targets"]
            assert (target["Arn"], target["RoleArn"]) == (
                {"Ref": "CentralBusArn"},
                {"Fn::GetAtt": ["ForwardRole", "Arn"]},
            )


def test_the_stack_set_is_service_managed_and_deploys_to_new_accounts_by_itself() -> None:
    props = resource(CENTRAL, "MemberStackSet")["Properties"]
    assert props["PermissionModel"] == "SERVICE_MANAGED"
    assert props["AutoDeployment"] == {"Enabled": True, "RetainStacksOnAccountRemoval": False}
    assert props["Capabilities"] == ["CAPABILITY_NAMED_IAM"]  # the read role has a fixed name
    (group,) = props["StackInstancesGroup"]
    assert group["Regions"] == {"Ref": "MemberRegions"}
    given = {p["ParameterKey"] for p in props["Parameters"]}
    required = {n for n, p in MEMBER_TEMPLATE["Parameters"].items() if "Default" not in p}
    assert required <= given <= set(MEMBER_TEMPLATE["Parameters"])
    assert "us-east-1" in CENTRAL["Parameters"]["MemberRegions"]["Default"]  # where global services are forwarded


@pytest.mark.parametrize("name", ["OrganizationId"])
def test_the_organization_parameters_member_and_central_agree(name: str) -> None:
    assert MEMBER_TEMPLATE["Parameters"][name]["AllowedPattern"] == CENTRAL["Parameters"][name][
        "AllowedPattern"
    ].replace("^(", "^").replace(")?$", "$")
    for shared in ("Sources", "MemberRoleName"):
        assert MEMBER_TEMPLATE["Parameters"][shared]["Default"] == CENTRAL["Parameters"][shared]["Default"]
    assert json.dumps(MEMBER_TEMPLATE["Parameters"]["Sources"]["AllowedValues"]) == json.dumps(
        CENTRAL["Parameters"]["Sources"]["AllowedValues"]
    )


def test_the_notify_function_names_accounts_only_in_organization_mode() -> None:
    from leftovers.adapters.accounts.names import SWITCH

    env = CENTRAL["Globals"]["Function"]["Environment"]["Variables"]
    assert env[SWITCH] == {"Fn::If": ["ForOrganization", "organizations", ""]}
    policy = resource(CENTRAL, "NotifyNamesAccounts")["Properties"]
    assert policy["RoleName"] == {"Ref": "NotifyRole"}
    (statement,) = policy["PolicyDocument"]["Statement"]
    assert (statement["Action"], statement["Resource"]) == ("organizations:ListAccounts", "*")
