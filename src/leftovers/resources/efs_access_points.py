"""Amazon EFS access points (they keep their file system from being deleted while they exist)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EFS = "elasticfilesystem.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::EFS::AccessPoint", config=True, id_pattern=r"fsap-[0-9a-f]+",
        calls=(
            created(
                EFS, "CreateAccessPoint", "AWS::EFS::AccessPoint", "responseElements.accessPointId",
                name="responseElements.name", arn_path="responseElements.accessPointArn",
                tags="requestParameters.tags", fixture="cloudtrail_efs_create_access_point",
            ),
            deleted(EFS, "DeleteAccessPoint", "AWS::EFS::AccessPoint", "requestParameters.accessPointId",
                    fixture="cloudtrail_efs_delete_access_point"),
        ),
        arn=Arn("elasticfilesystem", "access-point/{id}"),
        check=one(
            "efs", "DescribeAccessPoints", {"AccessPointId": "{id}"}, "AccessPoints[]",
            gone_errors=gone_on("AccessPointNotFound"), state="LifeCycleState",
            gone_states=states("deleting", "deleted"),
        ),
    ),
)  # fmt: skip
