"""AWS Backup vaults (their recovery points bill per GB-month) and backup plans (which keep making them)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

BACKUP = "backup.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        "AWS::Backup::BackupVault", config=True, id_pattern=r"[a-zA-Z0-9_.-]{2,50}",
        calls=(
            created(
                BACKUP, "CreateBackupVault", "AWS::Backup::BackupVault", "responseElements.backupVaultName",
                name="responseElements.backupVaultName", arn_path="responseElements.backupVaultArn",
                tags="requestParameters.backupVaultTags", fixture="cloudtrail_backup_create_backup_vault",
            ),
            deleted(BACKUP, "DeleteBackupVault", "AWS::Backup::BackupVault", "requestParameters.backupVaultName",
                    fixture="cloudtrail_backup_delete_backup_vault"),
        ),
        arn=Arn("backup", "backup-vault:{id}"),
        check=one(
            "backup", "DescribeBackupVault", {"BackupVaultName": "{id}"}, "", gone_errors=_NOT_FOUND,
            created="CreationDate",
        ),
        console="https://{region}.console.aws.amazon.com/backup/home?region={region}#/backupvaults/details/{id}",
    ),
    ResourceType(
        "AWS::Backup::BackupPlan", config=True, id_pattern=_UUID,
        calls=(
            created(
                BACKUP, "CreateBackupPlan", "AWS::Backup::BackupPlan", "responseElements.backupPlanId",
                name="requestParameters.backupPlan.backupPlanName", arn_path="responseElements.backupPlanArn",
                tags="requestParameters.backupPlanTags", fixture="cloudtrail_backup_create_backup_plan",
            ),
            deleted(
                BACKUP, "DeleteBackupPlan", "AWS::Backup::BackupPlan",
                "responseElements.backupPlanId|requestParameters.backupPlanId",
                fixture="cloudtrail_backup_delete_backup_plan",
            ),
        ),
        arn=Arn("backup", "backup-plan:{id}"),
        check=one(  # a deleted plan's versions stay readable, with a deletion date
            "backup", "GetBackupPlan", {"BackupPlanId": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="DeletionDate", gone_states=states("*"), created="CreationDate",
        ),
        console="https://{region}.console.aws.amazon.com/backup/home?region={region}#/backupplan/details/{id}",
    ),
)  # fmt: skip
