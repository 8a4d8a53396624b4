"""Amazon FSx volumes (ONTAP, OpenZFS), backups and File Caches (each billed per GB-month until deleted)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

FSX = "fsx.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::FSx::Volume", config=False, id_pattern=r"fsvol-[0-9a-f]+",
        calls=(
            created(
                FSX, "CreateVolume", "AWS::FSx::Volume", "responseElements.volume.volumeId",
                name="responseElements.volume.name", arn_path="responseElements.volume.resourceARN",
                tags="requestParameters.tags", details={"volumeType": "responseElements.volume.volumeType"},
                fixture="cloudtrail_fsx_create_volume",
            ),
            deleted(FSX, "DeleteVolume", "AWS::FSx::Volume", "responseElements.volumeId|requestParameters.volumeId",
                    fixture="cloudtrail_fsx_delete_volume"),
        ),
        arn=Arn("fsx", "volume/fs-[0-9a-f]+/{id}"),
        check=one(
            "fsx", "DescribeVolumes", {"VolumeIds": ("{id}",)}, "Volumes[]", gone_errors=gone_on("VolumeNotFound"),
            state="Lifecycle", gone_states=states("DELETING"), created="CreationTime",
        ),
        details=("volumeType",),
    ),
    ResourceType(
        # Not a CloudFormation type (backups are made by calls or AWS Backup): Cloud Control cannot check it.
        "AWS::FSx::Backup", config=False, id_pattern=r"backup-[0-9a-f]+",
        calls=(
            created(
                FSX, "CreateBackup", "AWS::FSx::Backup", "responseElements.backup.backupId",
                arn_path="responseElements.backup.resourceARN", tags="requestParameters.tags",
                fixture="cloudtrail_fsx_create_backup",
            ),
            deleted(FSX, "DeleteBackup", "AWS::FSx::Backup", "responseElements.backupId|requestParameters.backupId",
                    fixture="cloudtrail_fsx_delete_backup"),
        ),
        arn=Arn("fsx", "backup/{id}"),
        check=one(
            "fsx", "DescribeBackups", {"BackupIds": ("{id}",)}, "Backups[]", gone_errors=gone_on("BackupNotFound"),
            state="Lifecycle", gone_states=states("DELETED"), created="CreationTime",
        ),
    ),
    ResourceType(
        "AWS::FSx::FileCache", config=False, id_pattern=r"fc-[0-9a-f]+",
        calls=(
            created(
                FSX, "CreateFileCache", "AWS::FSx::FileCache", "responseElements.fileCache.fileCacheId",
                arn_path="responseElements.fileCache.resourceARN", tags="requestParameters.tags",
                details={"storageCapacity": "requestParameters.storageCapacity"},
                fixture="cloudtrail_fsx_create_file_cache",
            ),
            deleted(
                FSX, "DeleteFileCache", "AWS::FSx::FileCache",
                "responseElements.fileCacheId|requestParameters.fileCacheId",
                fixture="cloudtrail_fsx_delete_file_cache",
            ),
        ),
        arn=Arn("fsx", "file-cache/{id}"),
        check=one(
            "fsx", "DescribeFileCaches", {"FileCacheIds": ("{id}",)}, "FileCaches[]",
            gone_errors=gone_on("FileCacheNotFound"), state="Lifecycle", gone_states=states("DELETING"),
            created="CreationTime",
        ),
        details=("storageCapacity",),
    ),
)  # fmt: skip
