"""An AWS Organization on the moto server: member accounts, sessions acting in them, member.yaml deployed per
account and region, and the one thing moto's STS does not do (refuse a role that does not exist)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import boto3
from botocore.awsrequest import AWSResponse

from tests.support.moto_server import ROOT, unique

ADMIN_ROLE = "OrganizationAccountAccessRole"  # what Organizations creates in an account it creates
MEMBER_YAML = (ROOT / "member.yaml").read_text()


def organization_id() -> str:
    """The organization of the default account (created on first use: the moto server is shared)."""
    org = boto3.client("organizations", region_name="us-east-1")
    try:
        return str(org.create_organization(FeatureSet="ALL")["Organization"]["Id"])
    except org.exceptions.AlreadyInOrganizationException:
        return str(org.describe_organization()["Organization"]["Id"])


def root_id() -> str:
    """The organization's root (r-...)."""
    return str(boto3.client("organizations", region_name="us-east-1").list_roots()["Roots"][0]["Id"])


def organizational_unit(name: str, parent: str | None = None) -> str:
    """A new OU (a unique name based on ``name``) under ``parent`` (an OU id), else the root; returns its id."""
    org = boto3.client("organizations", region_name="us-east-1")
    made = org.create_organizational_unit(ParentId=parent or root_id(), Name=unique(name))
    return str(made["OrganizationalUnit"]["Id"])


def create_account(name: str, ou: str | None = None) -> str:
    """A new member account, as Organizations creates it (in the root), then moved into ``ou`` if given."""
    org = boto3.client("organizations", region_name="us-east-1")
    status = org.create_account(Email=f"{unique(name)}@example.com", AccountName=name)["CreateAccountStatus"]
    account = str(status["AccountId"])
    if ou is not None:
        org.move_account(AccountId=account, SourceParentId=root_id(), DestinationParentId=ou)
    return account


def session_in(account: str) -> boto3.session.Session:
    """A session acting in ``account`` (moto: credentials from AssumeRole act in the role's account)."""
    sts = boto3.client("sts", region_name="us-east-1")
    c = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/{ADMIN_ROLE}", RoleSessionName="admin")["Credentials"]
    return boto3.session.Session(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])


@dataclass(frozen=True)
class MemberStack:
    """member.yaml deployed in one account and region (what the StackSet does for each stack instance)."""

    account: str
    region: str
    resources: dict[str, str]  # logical id -> physical id

    @classmethod
    def deploy(cls, account: str, region: str, parameters: dict[str, str]) -> MemberStack:
        """Create the stack in ``account`` and ``region`` with moto's CloudFormation."""
        cfn = session_in(account).client("cloudformation", region_name=region)
        name = unique("leftovers-member")
        cfn.create_stack(
            StackName=name,
            TemplateBody=MEMBER_YAML,
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
            Capabilities=["CAPABILITY_NAMED_IAM"],
        )
        status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        assert status == "CREATE_COMPLETE", status
        found = cfn.describe_stack_resources(StackName=name)["StackResources"]
        # moto also lists a resource whose Condition is false, without ids: it was not created.
        return cls(
            account,
            region,
            {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in found if "LogicalResourceId" in r},
        )


def role_exists(account: str, name: str) -> bool:
    """Whether ``account`` has the role ``name`` (asked of moto's IAM in that account)."""
    iam = session_in(account).client("iam", region_name="us-east-1")
    try:
        iam.get_role(RoleName=name)
    except iam.exceptions.NoSuchEntityException:
        return False
    return True


def refusing_missing_roles(sts: Any) -> Any:
    """``sts`` made to answer AssumeRole of a role that does not exist with AccessDenied, as AWS does; moto's
    AssumeRole never checks the role (its documentation says so). Every other call goes to moto unchanged."""

    def before_call(params: dict[str, Any], **_: Any) -> tuple[AWSResponse, dict[str, Any]] | None:
        arn = params["body"]["RoleArn"]
        account, name = arn.split(":")[4], arn.rsplit("/", 1)[1]
        if role_exists(account, name):
            return None
        message = f"User: arn:aws:sts::123456789012:assumed-role/central/x is not authorized to perform: " \
                  f"sts:AssumeRole on resource: {arn}"  # fmt: skip
        error = {"Error": {"Code": "AccessDenied", "Message": message, "Type": "Sender"},
                 "ResponseMetadata": {"HTTPStatusCode": 403}}  # fmt: skip
        return AWSResponse(arn, 403, {}, None), error

    sts.meta.events.register("before-call.sts.AssumeRole", before_call)
    return sts


class ListAccountsRounds:
    """Counts the full ListAccounts listings an Organizations ``client`` makes (a round, whatever its pages)."""

    def __init__(self, client: Any) -> None:
        self.rounds = 0
        client.meta.events.register("before-parameter-build.organizations.ListAccounts", self._count)

    def _count(self, params: dict[str, Any], **_: Any) -> None:
        if "NextToken" not in params:
            self.rounds += 1
