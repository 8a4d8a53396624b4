"""AWS Site-to-Site VPN and Client VPN (EC2 API): VPN connections and their gateways, Client VPN endpoints and the
subnet associations that bill them by the hour."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, SPECS, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"
_GONE = states("deleting", "deleted")

TYPES = (
    ResourceType(
        "AWS::EC2::VPNConnection", config=True, id_pattern=r"vpn-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpnConnection", "AWS::EC2::VPNConnection",
                    "responseElements.vpnConnection.vpnConnectionId", arn=_ARN + "vpn-connection/{id}",
                    tags=SPECS, tag_resource="vpn-connection"),
            deleted(EC2, "DeleteVpnConnection", "AWS::EC2::VPNConnection", "requestParameters.vpnConnectionId"),
            *ec2_tags("AWS::EC2::VPNConnection"),
        ),
        arn=Arn("ec2", "vpn-connection/{id}"),
        check=ec2_describe("DescribeVpnConnections", "VpnConnections[]", "VpnConnectionId", "vpn-connection-id",
                           state="State", gone_states=_GONE),
        cost=pricing.flat("vpn_connection"),  # a connection-hour, whether or not a tunnel is up
        console=_CONSOLE + "VpnConnectionDetails:VpnConnectionId={id}",
    ),
    ResourceType(
        "AWS::EC2::VPNGateway", config=True, id_pattern=r"vgw-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpnGateway", "AWS::EC2::VPNGateway", "responseElements.vpnGateway.vpnGatewayId",
                    arn=_ARN + "vpn-gateway/{id}", tags=SPECS, tag_resource="vpn-gateway"),
            deleted(EC2, "DeleteVpnGateway", "AWS::EC2::VPNGateway", "requestParameters.vpnGatewayId"),
            *ec2_tags("AWS::EC2::VPNGateway"),
        ),
        arn=Arn("ec2", "vpn-gateway/{id}"),
        check=ec2_describe("DescribeVpnGateways", "VpnGateways[]", "VpnGatewayId", "vpn-gateway-id",
                           state="State", gone_states=_GONE),
        console=_CONSOLE + "VpnGatewayDetails:VpnGatewayId={id}",
    ),
    ResourceType(
        "AWS::EC2::CustomerGateway", config=True, id_pattern=r"cgw-[0-9a-f]+",
        calls=(
            created(EC2, "CreateCustomerGateway", "AWS::EC2::CustomerGateway",
                    "responseElements.customerGateway.customerGatewayId", arn=_ARN + "customer-gateway/{id}",
                    tags=SPECS, tag_resource="customer-gateway"),
            deleted(EC2, "DeleteCustomerGateway", "AWS::EC2::CustomerGateway", "requestParameters.customerGatewayId"),
            *ec2_tags("AWS::EC2::CustomerGateway"),
        ),
        arn=Arn("ec2", "customer-gateway/{id}"),
        check=ec2_describe("DescribeCustomerGateways", "CustomerGateways[]", "CustomerGatewayId",
                           "customer-gateway-id", state="State", gone_states=_GONE),
    ),
    ResourceType(
        "AWS::EC2::ClientVpnEndpoint", config=True, id_pattern=r"cvpn-endpoint-[0-9a-f]+",
        calls=(
            created(EC2, "CreateClientVpnEndpoint", "AWS::EC2::ClientVpnEndpoint",
                    "responseElements.CreateClientVpnEndpointResponse.clientVpnEndpointId",
                    arn=_ARN + "client-vpn-endpoint/{id}"),
            deleted(EC2, "DeleteClientVpnEndpoint", "AWS::EC2::ClientVpnEndpoint",
                    "requestParameters.DeleteClientVpnEndpointRequest.ClientVpnEndpointId"),
            *ec2_tags("AWS::EC2::ClientVpnEndpoint"),
        ),
        arn=Arn("ec2", "client-vpn-endpoint/{id}"),
        check=ec2_describe("DescribeClientVpnEndpoints", "ClientVpnEndpoints[]", "ClientVpnEndpointId", "endpoint-id",
                           state="Status.Code", gone_states=_GONE, created="CreationTime"),
        console=_CONSOLE + "ClientVPNEndpointDetails:clientVpnEndpointId={id}",
    ),
    # What a Client VPN endpoint bills by the hour is each subnet associated with it, connected or not.
    ResourceType(
        "AWS::EC2::ClientVpnTargetNetworkAssociation", config=True, id_pattern=r"cvpn-assoc-[0-9a-f]+",
        calls=(
            created(EC2, "AssociateClientVpnTargetNetwork", "AWS::EC2::ClientVpnTargetNetworkAssociation",
                    "responseElements.AssociateClientVpnTargetNetworkResponse.associationId"),
            deleted(EC2, "DisassociateClientVpnTargetNetwork", "AWS::EC2::ClientVpnTargetNetworkAssociation",
                    "responseElements.DisassociateClientVpnTargetNetworkResponse.associationId"
                    "|requestParameters.DisassociateClientVpnTargetNetworkRequest.AssociationId"),
        ),
        # No ARN; DescribeClientVpnTargetNetworks needs the endpoint id, which a lone association id does not carry.
        tagging=False, cost=pricing.flat("client_vpn_association"),
    ),
)  # fmt: skip
