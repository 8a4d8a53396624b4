"""Amazon EFS file systems."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EFS = "elasticfilesystem.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::EFS::FileSystem", config=True, id_pattern=r"fs-[0-9a-f]+",
        calls=(
            created(
                EFS, "CreateFileSystem", "AWS::EFS::FileSystem", "responseElements.fileSystemId",
                name="responseElements.name", arn_path="responseElements.fileSystemArn", tags="requestParameters.tags",
                fixture="cloudtrail_efs_create_file_system",
            ),
            deleted(EFS, "DeleteFileSystem", "AWS::EFS::FileSystem", "requestParameters.fileSystemId",
                    fixture="cloudtrail_efs_delete_file_system"),
        ),
        arn=Arn("elasticfilesystem", "file-system/{id}"),
        check=one(
            "efs", "DescribeFileSystems", {"FileSystemId": "{id}"}, "FileSystems[]",
            gone_errors=gone_on("FileSystemNotFound"), state="LifeCycleState",
            gone_states=states("deleting", "deleted"), created="CreationTime",
        ),
    ),
)  # fmt: skip
