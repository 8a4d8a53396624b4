"""Amazon VPC pieces that routes point at (EC2 API): peering connections, egress-only internet gateways, carrier
gateways (Wavelength) and customer-managed prefix lists."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, SPECS, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"
_EIGW = "AWS::EC2::EgressOnlyInternetGateway"
_CARRIER = "responseElements.{call}CarrierGatewayResponse.carrierGateway.carrierGatewayId"
_PREFIX_LIST = "responseElements.{call}ManagedPrefixListResponse.prefixList."

TYPES = (
    ResourceType(
        "AWS::EC2::VPCPeeringConnection", config=True, id_pattern=r"pcx-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpcPeeringConnection", "AWS::EC2::VPCPeeringConnection",
                    "responseElements.vpcPeeringConnection.vpcPeeringConnectionId",
                    arn=_ARN + "vpc-peering-connection/{id}", tags=SPECS, tag_resource="vpc-peering-connection"),
            deleted(EC2, "DeleteVpcPeeringConnection", "AWS::EC2::VPCPeeringConnection",
                    "requestParameters.vpcPeeringConnectionId"),
            *ec2_tags("AWS::EC2::VPCPeeringConnection"),
        ),
        arn=Arn("ec2", "vpc-peering-connection/{id}"),
        check=ec2_describe(
            "DescribeVpcPeeringConnections", "VpcPeeringConnections[]", "VpcPeeringConnectionId",
            "vpc-peering-connection-id", state="Status.Code",
            gone_states=states("deleting", "deleted", "rejected", "failed", "expired"),
        ),
        console=_CONSOLE + "PeeringConnectionDetails:VpcPeeringConnectionId={id}",
    ),
    ResourceType(
        _EIGW, config=True, id_pattern=r"eigw-[0-9a-f]+",
        calls=(
            created(EC2, "CreateEgressOnlyInternetGateway", _EIGW,
                    "responseElements.CreateEgressOnlyInternetGatewayResponse.egressOnlyInternetGateway"
                    ".egressOnlyInternetGatewayId", arn=_ARN + "egress-only-internet-gateway/{id}"),
            deleted(EC2, "DeleteEgressOnlyInternetGateway", _EIGW,
                    "requestParameters.DeleteEgressOnlyInternetGatewayRequest.EgressOnlyInternetGatewayId"),
            *ec2_tags(_EIGW),
        ),
        arn=Arn("ec2", "egress-only-internet-gateway/{id}"),
        check=ec2_describe(
            "DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGateways[]", "EgressOnlyInternetGatewayId",
            "egress-only-internet-gateway-id",
        ),
    ),
    ResourceType(
        "AWS::EC2::CarrierGateway", config=True, id_pattern=r"cagw-[0-9a-f]+",
        calls=(
            created(EC2, "CreateCarrierGateway", "AWS::EC2::CarrierGateway", _CARRIER.format(call="Create"),
                    arn=_ARN + "carrier-gateway/{id}"),
            deleted(EC2, "DeleteCarrierGateway", "AWS::EC2::CarrierGateway", _CARRIER.format(call="Delete")
                    + "|requestParameters.DeleteCarrierGatewayRequest.CarrierGatewayId"),
            *ec2_tags("AWS::EC2::CarrierGateway"),
        ),
        arn=Arn("ec2", "carrier-gateway/{id}"),
        check=ec2_describe("DescribeCarrierGateways", "CarrierGateways[]", "CarrierGatewayId", "carrier-gateway-id",
                           state="State", gone_states=states("deleting", "deleted")),
    ),
    ResourceType(
        "AWS::EC2::PrefixList", config=True, id_pattern=r"pl-[0-9a-f]+",
        calls=(
            created(EC2, "CreateManagedPrefixList", "AWS::EC2::PrefixList",
                    _PREFIX_LIST.format(call="Create") + "prefixListId",
                    name=_PREFIX_LIST.format(call="Create") + "prefixListName",
                    arn_path=_PREFIX_LIST.format(call="Create") + "prefixListArn"),
            deleted(EC2, "DeleteManagedPrefixList", "AWS::EC2::PrefixList",
                    _PREFIX_LIST.format(call="Delete") + "prefixListId"
                    "|requestParameters.DeleteManagedPrefixListRequest.PrefixListId"),
            *ec2_tags("AWS::EC2::PrefixList"),
        ),
        arn=Arn("ec2", "prefix-list/{id}"),
        check=ec2_describe(
            "DescribeManagedPrefixLists", "PrefixLists[]", "PrefixListId", "prefix-list-id", state="State",
            gone_states=states("delete-in-progress", "delete-complete"),
        ),
        console=_CONSOLE + "PrefixListDetails:prefixListId={id}",
    ),
)  # fmt: skip
