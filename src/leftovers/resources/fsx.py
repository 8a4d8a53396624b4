"""Amazon FSx file systems."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

FSX = "fsx.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::FSx::FileSystem", config=False, id_pattern=r"fs-[0-9a-f]+",
        calls=(
            created(
                FSX, "CreateFileSystem", "AWS::FSx::FileSystem", "responseElements.fileSystem.fileSystemId",
                arn_path="responseElements.fileSystem.resourceARN", tags="requestParameters.tags",
                details={"size": "requestParameters.storageCapacity"}, fixture="cloudtrail_fsx_create_file_system",
            ),
            deleted(FSX, "DeleteFileSystem", "AWS::FSx::FileSystem", "requestParameters.fileSystemId",
                    fixture="cloudtrail_fsx_delete_file_system"),
        ),
        arn=Arn("fsx", "file-system/{id}"),
        check=one(
            "fsx", "DescribeFileSystems", {"FileSystemIds": ("{id}",)}, "FileSystems[]",
            gone_errors=gone_on("FileSystemNotFound"), state="Lifecycle", gone_states=states("DELETING"),
            created="CreationTime",
        ),
    ),
)  # fmt: skip
