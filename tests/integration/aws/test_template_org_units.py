"""Organization mode: every function that loads leftovers.toml may read the organization's tree of OUs (a per-account
override may name an OU), with exactly the calls AccountUnits makes and nothing outside this organization."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import cfnlint
from botocore.stub import Stubber

from leftovers.adapters.accounts.units import read_paths
from tests.integration.aws.org_templates import deployed, load_template, resource

CENTRAL = load_template()
POLICY = "OrganizationUnitsReadable"
ORG = {"OrganizationId": "o-a1b2c3d4e5", "MemberTemplateUrl": "https://x"}


def units_calls() -> set[str]:
    """The IAM actions AccountUnits' read of the tree makes (recorded from its real code, on a stubbed client)."""
    org = boto3.client("organizations", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y")
    made: list[str] = []
    org.meta.events.register("before-parameter-build.organizations.*", lambda model, **_: made.append(model.name))
    with Stubber(org) as stub:
        stub.add_response("list_roots", {"Roots": [{"Id": "r-ab12"}]})
        stub.add_response("list_accounts_for_parent", {"Accounts": [{"Id": "111111111111"}]}, {"ParentId": "r-ab12"})
        stub.add_response("list_organizational_units_for_parent", {"OrganizationalUnits": []}, {"ParentId": "r-ab12"})
        assert read_paths(org) == {"111111111111": ("r-ab12",)}
    return {f"organizations:{name}" for name in made}


def function_roles(template: dict[str, Any]) -> dict[str, str | None]:
    """Each Lambda function's role -> the condition the function is created under."""
    return {
        r["Properties"]["Role"]["Fn::GetAtt"][0]: r.get("Condition")
        for r in template["Resources"].values()
        if r["Type"] == "AWS::Serverless::Function"
    }


def test_only_organization_mode_adds_the_policy() -> None:
    assert POLICY not in deployed(CENTRAL, "us-east-1", {})
    assert POLICY in deployed(CENTRAL, "us-east-1", ORG)


def test_every_function_that_loads_the_policy_may_read_the_tree() -> None:
    attached: dict[str, str | None] = {}
    for role in resource(CENTRAL, POLICY)["Properties"]["Roles"]:
        if "Fn::If" in role:
            condition, chosen, otherwise = role["Fn::If"]
            assert otherwise == {"Ref": "AWS::NoValue"}
            attached[chosen["Ref"]] = condition
        else:
            attached[role["Ref"]] = None
    assert attached == function_roles(CENTRAL)  # each under the condition its function is created under
    assert set(attached) >= {"IngestRole", "ReconcileRole", "NotifyRole", "MarkRole", "ActionsRole", "ReplayRole"}


def test_the_policy_allows_exactly_the_calls_account_units_makes_inside_this_organization() -> None:
    statements = resource(CENTRAL, POLICY)["Properties"]["PolicyDocument"]["Statement"]
    actions = {a for s in statements for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}
    assert actions == units_calls()
    assert all(s["Effect"] == "Allow" for s in statements)
    specs = json.loads((Path(cfnlint.__file__).parent / "data/AdditionalSpecs/Policies.json").read_text())
    known = specs["organizations"]["Actions"]
    for s in statements:
        for action in [s["Action"]] if isinstance(s["Action"], str) else s["Action"]:
            kinds = known[action.split(":")[1].lower()].get("Resources", [])
            if not kinds:  # no resource-level permission (ListRoots): "*" is the only resource IAM accepts
                assert s["Resource"] == "*", action
                continue
            assert set(kinds) == {"root", "organizationalunit"}, action
            assert s["Resource"] == [
                {"Fn::Sub": "arn:${AWS::Partition}:organizations::*:root/${OrganizationId}/*"},
                {"Fn::Sub": "arn:${AWS::Partition}:organizations::*:ou/${OrganizationId}/*"},
            ]
