"""Amazon EC2: instances, EBS volumes and snapshots, AMIs and Elastic IPs."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, TrailCall, created, deleted, ec2_describe, states, tagged

EC2 = "ec2.amazonaws.com"
SPECS = "requestParameters.tagSpecificationSet.items[]"
_ARN = "arn:{partition}:ec2:{region}:{account}:"
_SNAPSHOT_ARN = "arn:{partition}:ec2:{region}::snapshot/{id}"
_IMAGE_ARN = "arn:{partition}:ec2:{region}::image/{id}"
_CONSOLE = "https://{region}.console.aws.amazon.com/ec2/home?region={region}#"
_IMAGE = {"name": "requestParameters.name", "arn": _IMAGE_ARN}
_TAGGED = "requestParameters.resourcesSet.items[].resourceId"
_TAG_SET = "requestParameters.tagSet.items[]"


def ec2_tags(resource_type: str) -> tuple[TrailCall, TrailCall]:
    """CreateTags and DeleteTags for one EC2 type (a call may name ids of several types: each row takes its own)."""
    return (
        tagged(EC2, "CreateTags", resource_type, _TAGGED, tags=_TAG_SET),
        # DeleteTags with a value removes the tag only when the value matches; taken as removed (rarely used).
        tagged(EC2, "DeleteTags", resource_type, _TAGGED, untags=_TAG_SET + ".key"),
    )


TYPES = (
    ResourceType(
        "AWS::EC2::Instance", config=True, id_pattern=r"i-[0-9a-f]+",
        calls=(
            created(
                EC2, "RunInstances", "AWS::EC2::Instance", "responseElements.instancesSet.items[].instanceId",
                arn=_ARN + "instance/{id}", tags=SPECS, tag_resource="instance",
                details={"instanceType": "responseElements.instancesSet.items[].instanceType"},
                note="one change per launched instance",
            ),
            deleted(
                EC2, "TerminateInstances", "AWS::EC2::Instance", "responseElements.instancesSet.items[].instanceId",
            ),
            *ec2_tags("AWS::EC2::Instance"),
        ),
        arn=Arn("ec2", "instance/{id}"),
        # A terminated instance stays listed for about an hour; shutting-down no longer runs up instance hours.
        check=ec2_describe(
            "DescribeInstances", "Reservations[].Instances[]", "InstanceId", "instance-id",
            state="State.Name", gone_states=states("shutting-down", "terminated"), created="LaunchTime",
        ),
        cost=pricing.nodes("ec2", "instanceType"), details=("instanceType",),
        console=_CONSOLE + "InstanceDetails:instanceId={id}",
    ),
    ResourceType(
        "AWS::EC2::Volume", config=True, id_pattern=r"vol-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateVolume", "AWS::EC2::Volume", "responseElements.volumeId",
                arn=_ARN + "volume/{id}", tags=SPECS, tag_resource="volume",
                details={"size": "responseElements.size", "volumeType": "responseElements.volumeType"},
            ),
            deleted(EC2, "DeleteVolume", "AWS::EC2::Volume", "requestParameters.volumeId"),
            *ec2_tags("AWS::EC2::Volume"),
        ),
        arn=Arn("ec2", "volume/{id}"),
        check=ec2_describe(
            "DescribeVolumes", "Volumes[]", "VolumeId", "volume-id",
            state="State", gone_states=states("deleting", "deleted"), created="CreateTime",
        ),
        cost=pricing.ebs_volume, details=("size", "volumeType"),
        console=_CONSOLE + "VolumeDetails:volumeId={id}",
    ),
    ResourceType(
        "AWS::EC2::Snapshot", config=False, id_pattern=r"snap-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateSnapshot", "AWS::EC2::Snapshot", "responseElements.snapshotId",
                arn=_SNAPSHOT_ARN, tags=SPECS, tag_resource="snapshot", details={"size": "responseElements.volumeSize"},
            ),
            created(
                EC2, "CreateSnapshots", "AWS::EC2::Snapshot",
                "responseElements.CreateSnapshotsResponse.snapshotSet.item[].snapshotId", arn=_SNAPSHOT_ARN,
                details={"size": "responseElements.CreateSnapshotsResponse.snapshotSet.item[].volumeSize"},
                note="one change per volume of the instance",
            ),
            created(
                EC2, "CopySnapshot", "AWS::EC2::Snapshot", "responseElements.snapshotId",
                arn=_SNAPSHOT_ARN, tags=SPECS, tag_resource="snapshot",
            ),
            deleted(EC2, "DeleteSnapshot", "AWS::EC2::Snapshot", "requestParameters.snapshotId"),
            *ec2_tags("AWS::EC2::Snapshot"),
        ),
        arn=Arn("ec2", "snapshot/{id}"),
        check=ec2_describe(
            "DescribeSnapshots", "Snapshots[]", "SnapshotId", "snapshot-id", extra={"OwnerIds": ["self"]},
            created="StartTime",
        ),
        cost=pricing.ebs_snapshot, console=_CONSOLE + "SnapshotDetails:snapshotId={id}",
    ),
    ResourceType(
        "AWS::EC2::Image", config=False, id_pattern=r"ami-[0-9a-f]+",
        calls=(
            created(EC2, "CreateImage", "AWS::EC2::Image", "responseElements.imageId", **_IMAGE,
                    tags=SPECS, tag_resource="image"),
            created(EC2, "RegisterImage", "AWS::EC2::Image", "responseElements.imageId", **_IMAGE,
                    tags=SPECS, tag_resource="image"),
            created(EC2, "CopyImage", "AWS::EC2::Image", "responseElements.imageId", **_IMAGE),
            deleted(EC2, "DeregisterImage", "AWS::EC2::Image", "requestParameters.imageId"),
            *ec2_tags("AWS::EC2::Image"),
        ),
        arn=Arn("ec2", "image/{id}"),
        check=ec2_describe(
            "DescribeImages", "Images[]", "ImageId", "image-id", extra={"Owners": ["self"]},
            state="State", gone_states=states("deregistered"), created="CreationDate",
        ),
        console=_CONSOLE + "ImageDetails:imageId={id}",
    ),
    ResourceType(
        "AWS::EC2::EIP", config=True, id_pattern=r"eipalloc-[0-9a-f]+",
        calls=(
            created(
                EC2, "AllocateAddress", "AWS::EC2::EIP", "responseElements.allocationId",
                name="responseElements.publicIp", arn=_ARN + "elastic-ip/{id}", tags=SPECS, tag_resource="elastic-ip",
                note="Config's resourceId is the allocation id (eipalloc-...); EC2-Classic addresses have none",
            ),
            deleted(EC2, "ReleaseAddress", "AWS::EC2::EIP", "requestParameters.allocationId"),
            *ec2_tags("AWS::EC2::EIP"),
        ),
        arn=Arn("ec2", "elastic-ip/{id}"),
        check=ec2_describe("DescribeAddresses", "Addresses[]", "AllocationId", "allocation-id"),
        cost=pricing.flat("public_ipv4"), details=("publicIp", "associationId"),
        console=_CONSOLE + "ElasticIpDetails:AllocationId={id}",
    ),
)  # fmt: skip
