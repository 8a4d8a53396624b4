"""Amazon VPC (EC2 API): VPCs, subnets, gateways, security groups and the pieces AWS makes for them."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, SPECS, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"

TYPES = (
    ResourceType(
        "AWS::EC2::NatGateway", config=True, id_pattern=r"nat-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateNatGateway", "AWS::EC2::NatGateway",
                "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId", arn=_ARN + "natgateway/{id}",
            ),
            deleted(
                EC2, "DeleteNatGateway", "AWS::EC2::NatGateway",
                "responseElements.DeleteNatGatewayResponse.natGatewayId"
                "|requestParameters.DeleteNatGatewayRequest.NatGatewayId",
            ),
            *ec2_tags("AWS::EC2::NatGateway"),
        ),
        arn=Arn("ec2", "natgateway/{id}"),
        check=ec2_describe(
            "DescribeNatGateways", "NatGateways[]", "NatGatewayId", "nat-gateway-id", filters_param="Filter",
            state="State", gone_states=states("deleting", "deleted", "failed"), created="CreateTime",
        ),
        cost=pricing.flat("nat_gateway"), details=("connectivityType",),
        console=_CONSOLE + "NatGatewayDetails:natGatewayId={id}",
    ),
    ResourceType(
        "AWS::EC2::VPC", config=True, id_pattern=r"vpc-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpc", "AWS::EC2::VPC", "responseElements.vpc.vpcId",
                    arn=_ARN + "vpc/{id}", tags=SPECS, tag_resource="vpc"),
            deleted(EC2, "DeleteVpc", "AWS::EC2::VPC", "requestParameters.vpcId"),
            *ec2_tags("AWS::EC2::VPC"),
        ),
        arn=Arn("ec2", "vpc/{id}"), check=ec2_describe("DescribeVpcs", "Vpcs[]", "VpcId", "vpc-id"),
        details=("isDefault",),
        console=_CONSOLE + "VpcDetails:VpcId={id}",
    ),
    ResourceType(
        "AWS::EC2::Subnet", config=True, id_pattern=r"subnet-[0-9a-f]+",
        calls=(
            created(EC2, "CreateSubnet", "AWS::EC2::Subnet", "responseElements.subnet.subnetId",
                    arn=_ARN + "subnet/{id}", tags=SPECS, tag_resource="subnet"),
            deleted(EC2, "DeleteSubnet", "AWS::EC2::Subnet", "requestParameters.subnetId"),
            *ec2_tags("AWS::EC2::Subnet"),
        ),
        arn=Arn("ec2", "subnet/{id}"), check=ec2_describe("DescribeSubnets", "Subnets[]", "SubnetId", "subnet-id"),
        details=("defaultForAz",),
    ),
    ResourceType(
        "AWS::EC2::SecurityGroup", config=True, id_pattern=r"sg-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateSecurityGroup", "AWS::EC2::SecurityGroup", "responseElements.groupId",
                name="requestParameters.groupName", arn=_ARN + "security-group/{id}",
                tags=SPECS, tag_resource="security-group",
            ),
            deleted(
                EC2, "DeleteSecurityGroup", "AWS::EC2::SecurityGroup", "requestParameters.groupId",
                note="a deletion by group name only (default VPC) carries no id and is rejected",
            ),
            *ec2_tags("AWS::EC2::SecurityGroup"),
        ),
        arn=Arn("ec2", "security-group/{id}"),
        check=ec2_describe("DescribeSecurityGroups", "SecurityGroups[]", "GroupId", "group-id"), details=("groupName",),
    ),
    ResourceType(
        "AWS::EC2::InternetGateway", config=True, id_pattern=r"igw-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateInternetGateway", "AWS::EC2::InternetGateway",
                "responseElements.internetGateway.internetGatewayId", arn=_ARN + "internet-gateway/{id}",
                tags=SPECS, tag_resource="internet-gateway",
            ),
            deleted(EC2, "DeleteInternetGateway", "AWS::EC2::InternetGateway", "requestParameters.internetGatewayId"),
            *ec2_tags("AWS::EC2::InternetGateway"),
        ),
        arn=Arn("ec2", "internet-gateway/{id}"),
        check=ec2_describe(
            "DescribeInternetGateways", "InternetGateways[]", "InternetGatewayId", "internet-gateway-id",
        ),
    ),
    ResourceType(
        "AWS::EC2::TransitGateway", config=True, id_pattern=r"tgw-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateTransitGateway", "AWS::EC2::TransitGateway",
                "responseElements.CreateTransitGatewayResponse.transitGateway.transitGatewayId",
                arn=_ARN + "transit-gateway/{id}",
            ),
            deleted(
                EC2, "DeleteTransitGateway", "AWS::EC2::TransitGateway",
                "responseElements.DeleteTransitGatewayResponse.transitGateway.transitGatewayId"
                "|requestParameters.DeleteTransitGatewayRequest.TransitGatewayId",
            ),
            *ec2_tags("AWS::EC2::TransitGateway"),
        ),
        arn=Arn("ec2", "transit-gateway/{id}"),
        check=ec2_describe(
            "DescribeTransitGateways", "TransitGateways[]", "TransitGatewayId", "transit-gateway-id",
            state="State", gone_states=states("deleting", "deleted"), created="CreationTime",
        ),
    ),
    ResourceType(
        "AWS::EC2::NetworkInterface", config=True, id_pattern=r"eni-[0-9a-f]+",
        check=ec2_describe(
            "DescribeNetworkInterfaces", "NetworkInterfaces[]", "NetworkInterfaceId", "network-interface-id",
        ),
        details=("interfaceType", "requesterManaged"),
    ),
    ResourceType(
        "AWS::EC2::RouteTable", config=True, id_pattern=r"rtb-[0-9a-f]+", details=("associations.0.main",),
        read_actions=("ec2:DescribeRouteTables",),
    ),
    ResourceType(
        "AWS::EC2::NetworkAcl", config=True, id_pattern=r"acl-[0-9a-f]+", details=("isDefault",),
        read_actions=("ec2:DescribeNetworkAcls",),
    ),
)  # fmt: skip
