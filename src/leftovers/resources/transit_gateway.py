"""AWS Transit Gateway pieces (EC2 API): attachments, which bill by the hour, and route tables."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, TrailCall, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"
_ATTACHMENT = "AWS::EC2::TransitGatewayAttachment"
_ATTACHMENT_ARN = _ARN + "transit-gateway-attachment/{id}"


def _attachment(kind: str, member: str) -> tuple[TrailCall, TrailCall]:
    """The create and delete rows of one kind of attachment (their responses name the attachment alike)."""
    return (
        created(EC2, f"CreateTransitGateway{kind}Attachment", _ATTACHMENT,
                f"responseElements.CreateTransitGateway{kind}AttachmentResponse.{member}.transitGatewayAttachmentId",
                arn=_ATTACHMENT_ARN),
        deleted(EC2, f"DeleteTransitGateway{kind}Attachment", _ATTACHMENT,
                f"responseElements.DeleteTransitGateway{kind}AttachmentResponse.{member}.transitGatewayAttachmentId"
                f"|requestParameters.DeleteTransitGateway{kind}AttachmentRequest.TransitGatewayAttachmentId"),
    )  # fmt: skip


TYPES = (
    # Config records VPC, peering and Connect attachments as one type, as DescribeTransitGatewayAttachments lists them.
    ResourceType(
        _ATTACHMENT, config=True, id_pattern=r"tgw-attach-[0-9a-f]+",
        calls=(*_attachment("Vpc", "transitGatewayVpcAttachment"),
               *_attachment("Peering", "transitGatewayPeeringAttachment"), *ec2_tags(_ATTACHMENT),),
        arn=Arn("ec2", "transit-gateway-attachment/{id}"),
        check=ec2_describe(
            "DescribeTransitGatewayAttachments", "TransitGatewayAttachments[]", "TransitGatewayAttachmentId",
            "transit-gateway-attachment-id", state="State",
            gone_states=states("deleting", "deleted", "failed", "rejected"), created="CreationTime",
        ),
        cost=pricing.flat("transit_gateway_attachment"),  # an attachment-hour, traffic or not
        console=_CONSOLE + "TransitGatewayAttachmentDetails:transitGatewayAttachmentId={id}",
    ),
    ResourceType(
        "AWS::EC2::TransitGatewayRouteTable", config=True, id_pattern=r"tgw-rtb-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateTransitGatewayRouteTable", "AWS::EC2::TransitGatewayRouteTable",
                "responseElements.CreateTransitGatewayRouteTableResponse.transitGatewayRouteTable"
                ".transitGatewayRouteTableId", arn=_ARN + "transit-gateway-route-table/{id}",
            ),
            deleted(
                EC2, "DeleteTransitGatewayRouteTable", "AWS::EC2::TransitGatewayRouteTable",
                "responseElements.DeleteTransitGatewayRouteTableResponse.transitGatewayRouteTable"
                ".transitGatewayRouteTableId"
                "|requestParameters.DeleteTransitGatewayRouteTableRequest.TransitGatewayRouteTableId",
            ),
            *ec2_tags("AWS::EC2::TransitGatewayRouteTable"),
        ),
        arn=Arn("ec2", "transit-gateway-route-table/{id}"),
        check=ec2_describe(
            "DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables[]", "TransitGatewayRouteTableId",
            "transit-gateway-route-table-id", state="State", gone_states=states("deleting", "deleted"),
            created="CreationTime",
        ),
    ),
)  # fmt: skip
