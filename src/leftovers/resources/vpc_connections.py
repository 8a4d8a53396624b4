"""Amazon VPC connections billed by the hour while idle: interface endpoints, Transit Gateway VPC attachments,
Site-to-Site VPN connections and Client VPN endpoints (EC2 API).

Newer EC2 calls reach CloudTrail wrapped in ``<Call>Request``/``Response`` objects, older ones flat: paths try both.
"""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_ENDPOINT = "CreateVpcEndpointResponse.vpcEndpoint."
_ATTACHMENT = "transitGatewayVpcAttachment.transitGatewayAttachmentId"
# The model spells endpoint states capitalised; the API has been seen answering them in lower case: both count.
_ENDPOINT_GONE = ("Deleting", "Deleted", "Rejected", "Failed", "Expired")

TYPES = (
    ResourceType(
        "AWS::EC2::VPCEndpoint", config=True, id_pattern=r"vpce-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateVpcEndpoint", "AWS::EC2::VPCEndpoint",
                f"responseElements.{_ENDPOINT}vpcEndpointId|responseElements.vpcEndpoint.vpcEndpointId",
                arn=_ARN + "vpc-endpoint/{id}",
                details={"vpcEndpointType": f"responseElements.{_ENDPOINT}vpcEndpointType"
                                           "|responseElements.vpcEndpoint.vpcEndpointType"},
            ),
            deleted(
                EC2, "DeleteVpcEndpoints", "AWS::EC2::VPCEndpoint",
                "requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId[].content",
                note="one change per endpoint named (EC2 renders each list item as {tag, content})",
            ),
            *ec2_tags("AWS::EC2::VPCEndpoint"),
        ),
        arn=Arn("ec2", "vpc-endpoint/{id}"),
        check=ec2_describe(
            "DescribeVpcEndpoints", "VpcEndpoints[]", "VpcEndpointId", "vpc-endpoint-id",
            state="State", gone_states=states(*_ENDPOINT_GONE, *(s.lower() for s in _ENDPOINT_GONE)),
            created="CreationTimestamp",
        ),
        cost=pricing.vpc_endpoint, details=("vpcEndpointType",),
    ),
    ResourceType(
        "AWS::EC2::TransitGatewayAttachment", config=True, id_pattern=r"tgw-attach-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateTransitGatewayVpcAttachment", "AWS::EC2::TransitGatewayAttachment",
                f"responseElements.CreateTransitGatewayVpcAttachmentResponse.{_ATTACHMENT}"
                f"|responseElements.{_ATTACHMENT}",
                arn=_ARN + "transit-gateway-attachment/{id}",
            ),
            deleted(
                EC2, "DeleteTransitGatewayVpcAttachment", "AWS::EC2::TransitGatewayAttachment",
                "requestParameters.DeleteTransitGatewayVpcAttachmentRequest.TransitGatewayAttachmentId"
                "|requestParameters.transitGatewayAttachmentId",
            ),
            *ec2_tags("AWS::EC2::TransitGatewayAttachment"),
        ),
        arn=Arn("ec2", "transit-gateway-attachment/{id}"),
        check=ec2_describe(
            "DescribeTransitGatewayAttachments", "TransitGatewayAttachments[]", "TransitGatewayAttachmentId",
            "transit-gateway-attachment-id", state="State", gone_states=states("deleting", "deleted", "failed"),
            created="CreationTime",
        ),
        cost=pricing.flat("transit_gateway_attachment"),
    ),
    ResourceType(
        "AWS::EC2::VPNConnection", config=True, id_pattern=r"vpn-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateVpnConnection", "AWS::EC2::VPNConnection",
                "responseElements.vpnConnection.vpnConnectionId"
                "|responseElements.CreateVpnConnectionResponse.vpnConnection.vpnConnectionId",
                arn=_ARN + "vpn-connection/{id}",
            ),
            deleted(EC2, "DeleteVpnConnection", "AWS::EC2::VPNConnection", "requestParameters.vpnConnectionId"),
            *ec2_tags("AWS::EC2::VPNConnection"),
        ),
        arn=Arn("ec2", "vpn-connection/{id}"),
        check=ec2_describe(
            "DescribeVpnConnections", "VpnConnections[]", "VpnConnectionId", "vpn-connection-id",
            state="State", gone_states=states("deleting", "deleted"),
        ),
        cost=pricing.flat("vpn_connection"),
    ),
    ResourceType(
        "AWS::EC2::ClientVpnEndpoint", config=True, id_pattern=r"cvpn-endpoint-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateClientVpnEndpoint", "AWS::EC2::ClientVpnEndpoint",
                "responseElements.CreateClientVpnEndpointResponse.clientVpnEndpointId"
                "|responseElements.clientVpnEndpointId",
                arn=_ARN + "client-vpn-endpoint/{id}",
            ),
            deleted(
                EC2, "DeleteClientVpnEndpoint", "AWS::EC2::ClientVpnEndpoint",
                "requestParameters.DeleteClientVpnEndpointRequest.ClientVpnEndpointId"
                "|requestParameters.clientVpnEndpointId",
            ),
            *ec2_tags("AWS::EC2::ClientVpnEndpoint"),
        ),
        arn=Arn("ec2", "client-vpn-endpoint/{id}"),
        check=ec2_describe(
            "DescribeClientVpnEndpoints", "ClientVpnEndpoints[]", "ClientVpnEndpointId", "endpoint-id",
            state="Status.Code", gone_states=states("deleting", "deleted"), created="CreationTime",
        ),
    ),
)  # fmt: skip
