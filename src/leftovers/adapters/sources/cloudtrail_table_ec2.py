"""CloudTrail rows for EC2: instances, EBS, AMIs, addresses and the network pieces that bill by the hour."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail_table_base import TrailCall, created, deleted

EC2 = "ec2.amazonaws.com"
SPECS = "requestParameters.tagSpecificationSet.items[]"
_EC2_ARN = "arn:{partition}:ec2:{region}:{account}:"
_NOT_CONFIG = "not an AWS Config type: tracked through CloudTrail only"

CALLS: tuple[TrailCall, ...] = (
    created(
        EC2, "RunInstances", "AWS::EC2::Instance", "responseElements.instancesSet.items[].instanceId",
        arn=_EC2_ARN + "instance/{id}", tags=SPECS, tag_resource="instance",
        details={"instanceType": "responseElements.instancesSet.items[].instanceType"},
        note="one change per launched instance",
    ),
    deleted(EC2, "TerminateInstances", "AWS::EC2::Instance", "responseElements.instancesSet.items[].instanceId"),
    created(
        EC2, "CreateVolume", "AWS::EC2::Volume", "responseElements.volumeId",
        arn=_EC2_ARN + "volume/{id}", tags=SPECS, tag_resource="volume",
        details={"size": "responseElements.size", "volumeType": "responseElements.volumeType"},
    ),
    deleted(EC2, "DeleteVolume", "AWS::EC2::Volume", "requestParameters.volumeId"),
    created(
        EC2, "CreateSnapshot", "AWS::EC2::Snapshot", "responseElements.snapshotId",
        arn="arn:{partition}:ec2:{region}::snapshot/{id}", tags=SPECS, tag_resource="snapshot",
        details={"size": "responseElements.volumeSize"}, note=_NOT_CONFIG,
    ),
    created(
        EC2, "CreateSnapshots", "AWS::EC2::Snapshot",
        "responseElements.CreateSnapshotsResponse.snapshotSet.item[].snapshotId",
        arn="arn:{partition}:ec2:{region}::snapshot/{id}",
        details={"size": "responseElements.CreateSnapshotsResponse.snapshotSet.item[].volumeSize"},
        note="one change per volume of the instance; " + _NOT_CONFIG,
    ),
    created(
        EC2, "CopySnapshot", "AWS::EC2::Snapshot", "responseElements.snapshotId",
        arn="arn:{partition}:ec2:{region}::snapshot/{id}", tags=SPECS, tag_resource="snapshot", note=_NOT_CONFIG,
    ),
    deleted(EC2, "DeleteSnapshot", "AWS::EC2::Snapshot", "requestParameters.snapshotId"),
    created(
        EC2, "CreateImage", "AWS::EC2::Image", "responseElements.imageId", name="requestParameters.name",
        arn="arn:{partition}:ec2:{region}::image/{id}", tags=SPECS, tag_resource="image", note=_NOT_CONFIG,
    ),
    created(
        EC2, "RegisterImage", "AWS::EC2::Image", "responseElements.imageId", name="requestParameters.name",
        arn="arn:{partition}:ec2:{region}::image/{id}", tags=SPECS, tag_resource="image", note=_NOT_CONFIG,
    ),
    created(
        EC2, "CopyImage", "AWS::EC2::Image", "responseElements.imageId", name="requestParameters.name",
        arn="arn:{partition}:ec2:{region}::image/{id}", note=_NOT_CONFIG,
    ),
    deleted(EC2, "DeregisterImage", "AWS::EC2::Image", "requestParameters.imageId"),
    created(
        EC2, "AllocateAddress", "AWS::EC2::EIP", "responseElements.allocationId", name="responseElements.publicIp",
        arn=_EC2_ARN + "elastic-ip/{id}", tags=SPECS, tag_resource="elastic-ip",
        note="Config's resourceId is the allocation id (eipalloc-...); EC2-Classic addresses have none",
    ),
    deleted(EC2, "ReleaseAddress", "AWS::EC2::EIP", "requestParameters.allocationId"),
    created(
        EC2, "CreateNatGateway", "AWS::EC2::NatGateway",
        "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId", arn=_EC2_ARN + "natgateway/{id}",
    ),
    deleted(
        EC2, "DeleteNatGateway", "AWS::EC2::NatGateway",
        "responseElements.DeleteNatGatewayResponse.natGatewayId|requestParameters.DeleteNatGatewayRequest.NatGatewayId",
    ),
    created(
        EC2, "CreateVpc", "AWS::EC2::VPC", "responseElements.vpc.vpcId",
        arn=_EC2_ARN + "vpc/{id}", tags=SPECS, tag_resource="vpc",
    ),
    deleted(EC2, "DeleteVpc", "AWS::EC2::VPC", "requestParameters.vpcId"),
    created(
        EC2, "CreateSubnet", "AWS::EC2::Subnet", "responseElements.subnet.subnetId",
        arn=_EC2_ARN + "subnet/{id}", tags=SPECS, tag_resource="subnet",
    ),
    deleted(EC2, "DeleteSubnet", "AWS::EC2::Subnet", "requestParameters.subnetId"),
    created(
        EC2, "CreateSecurityGroup", "AWS::EC2::SecurityGroup", "responseElements.groupId",
        name="requestParameters.groupName", arn=_EC2_ARN + "security-group/{id}",
        tags=SPECS, tag_resource="security-group",
    ),
    deleted(
        EC2, "DeleteSecurityGroup", "AWS::EC2::SecurityGroup", "requestParameters.groupId",
        note="a deletion by group name only (default VPC) carries no id and is rejected",
    ),
    created(
        EC2, "CreateInternetGateway", "AWS::EC2::InternetGateway",
        "responseElements.internetGateway.internetGatewayId", arn=_EC2_ARN + "internet-gateway/{id}",
        tags=SPECS, tag_resource="internet-gateway",
    ),
    deleted(EC2, "DeleteInternetGateway", "AWS::EC2::InternetGateway", "requestParameters.internetGatewayId"),
    created(
        EC2, "CreateTransitGateway", "AWS::EC2::TransitGateway",
        "responseElements.CreateTransitGatewayResponse.transitGateway.transitGatewayId",
        arn=_EC2_ARN + "transit-gateway/{id}",
    ),
    deleted(
        EC2, "DeleteTransitGateway", "AWS::EC2::TransitGateway",
        "responseElements.DeleteTransitGatewayResponse.transitGateway.transitGatewayId"
        "|requestParameters.DeleteTransitGatewayRequest.TransitGatewayId",
    ),
)
