"""Ways into private networks without a VPN (EC2 API): AWS Verified Access instances, groups and endpoints (each
endpoint bills as an application by the hour), and EC2 Instance Connect endpoints."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import (
    Arn,
    Describe,
    ResourceType,
    TrailCall,
    created,
    deleted,
    ec2_describe,
    gone_on,
    one,
    states,
)
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"


def _calls(noun: str, arn_part: str) -> tuple[TrailCall, ...]:
    """Create, delete and EC2 tag rows: both responses hold the whole resource, named by ``<noun>Id``."""
    rtype, member = f"AWS::EC2::{noun}", noun[:1].lower() + noun[1:]
    return (
        created(EC2, f"Create{noun}", rtype, f"responseElements.Create{noun}Response.{member}.{member}Id",
                arn=_ARN + arn_part + "/{id}"),
        deleted(EC2, f"Delete{noun}", rtype, f"responseElements.Delete{noun}Response.{member}.{member}Id"
                f"|requestParameters.Delete{noun}Request.{noun}Id"),
        *ec2_tags(rtype),
    )  # fmt: skip


def _describe(noun: str, **extra: object) -> Describe:
    """A describe call per id: these calls fail on an id they do not know, with InvalidXId.NotFound."""
    return one("ec2", f"Describe{noun}s", {f"{noun}Ids": ("{id}",)}, f"{noun}s[]", item_id=f"{noun}Id",
               gone_errors=gone_on(f"Invalid{noun}Id.NotFound"), created="CreationTime", **extra)  # fmt: skip


TYPES = (
    ResourceType(
        "AWS::EC2::VerifiedAccessInstance", config=True, id_pattern=r"vai-[0-9a-f]+",
        calls=_calls("VerifiedAccessInstance", "verified-access-instance"),
        arn=Arn("ec2", "verified-access-instance/{id}"), check=_describe("VerifiedAccessInstance"),
    ),
    ResourceType(
        "AWS::EC2::VerifiedAccessGroup", config=False, id_pattern=r"vagr-[0-9a-f]+",
        calls=_calls("VerifiedAccessGroup", "verified-access-group"),
        arn=Arn("ec2", "verified-access-group/{id}"), check=_describe("VerifiedAccessGroup"),
    ),
    ResourceType(
        "AWS::EC2::VerifiedAccessEndpoint", config=False, id_pattern=r"vae-[0-9a-f]+",
        calls=_calls("VerifiedAccessEndpoint", "verified-access-endpoint"),
        arn=Arn("ec2", "verified-access-endpoint/{id}"),
        check=_describe("VerifiedAccessEndpoint", state="Status.Code", gone_states=states("deleting", "deleted")),
        cost=pricing.flat("verified_access_application"),  # an application-hour, traffic or not
    ),
    ResourceType(
        "AWS::EC2::InstanceConnectEndpoint", config=True, id_pattern=r"eice-[0-9a-f]+",
        calls=_calls("InstanceConnectEndpoint", "instance-connect-endpoint"),
        arn=Arn("ec2", "instance-connect-endpoint/{id}"),
        check=ec2_describe(
            "DescribeInstanceConnectEndpoints", "InstanceConnectEndpoints[]", "InstanceConnectEndpointId",
            "instance-connect-endpoint-id", state="State",
            gone_states=states("delete-in-progress", "delete-complete"), created="CreatedAt",
        ),
    ),
)  # fmt: skip
