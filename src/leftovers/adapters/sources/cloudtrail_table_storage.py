"""CloudTrail rows for storage and databases: S3, DynamoDB, RDS, EFS, FSx, ECR and CloudWatch log groups."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail_table_base import TrailCall, created, deleted

S3 = "s3.amazonaws.com"
DYNAMODB = "dynamodb.amazonaws.com"
RDS = "rds.amazonaws.com"
EFS = "elasticfilesystem.amazonaws.com"
FSX = "fsx.amazonaws.com"
ECR = "ecr.amazonaws.com"
LOGS = "logs.amazonaws.com"
_RDS_ARN = "arn:{partition}:rds:{region}:{account}:"
_DBI = "Config keys DB instances by DbiResourceId (db-...), which every RDS response carries"
_DB_INSTANCE = {
    "name": "responseElements.dBInstanceIdentifier",
    "arn_path": "responseElements.dBInstanceArn",
    "tags": "requestParameters.tags",
    "details": {
        "dBInstanceClass": "responseElements.dBInstanceClass",
        "allocatedStorage": "responseElements.allocatedStorage",
    },
    "note": _DBI,
}

CALLS: tuple[TrailCall, ...] = (
    created(S3, "CreateBucket", "AWS::S3::Bucket", "requestParameters.bucketName",
            name="requestParameters.bucketName", arn="arn:{partition}:s3:::{id}"),
    deleted(S3, "DeleteBucket", "AWS::S3::Bucket", "requestParameters.bucketName"),
    created(
        DYNAMODB, "CreateTable", "AWS::DynamoDB::Table", "requestParameters.tableName",
        name="requestParameters.tableName", arn_path="responseElements.tableDescription.tableArn",
        tags="requestParameters.tags",
    ),
    deleted(DYNAMODB, "DeleteTable", "AWS::DynamoDB::Table", "requestParameters.tableName"),
    created(RDS, "CreateDBInstance", "AWS::RDS::DBInstance", "responseElements.dbiResourceId", **_DB_INSTANCE),
    created(
        RDS, "CreateDBInstanceReadReplica", "AWS::RDS::DBInstance", "responseElements.dbiResourceId", **_DB_INSTANCE,
    ),
    created(
        RDS, "RestoreDBInstanceFromDBSnapshot", "AWS::RDS::DBInstance", "responseElements.dbiResourceId",
        **_DB_INSTANCE,
    ),
    deleted(RDS, "DeleteDBInstance", "AWS::RDS::DBInstance", "responseElements.dbiResourceId", note=_DBI),
    created(
        RDS, "CreateDBCluster", "AWS::RDS::DBCluster", "responseElements.dbClusterResourceId",
        name="responseElements.dBClusterIdentifier", arn_path="responseElements.dBClusterArn",
        tags="requestParameters.tags",
        note="Config keys DB clusters by DbClusterResourceId (cluster-...), which the response carries",
    ),
    deleted(RDS, "DeleteDBCluster", "AWS::RDS::DBCluster", "responseElements.dbClusterResourceId"),
    created(
        RDS, "CreateDBSnapshot", "AWS::RDS::DBSnapshot", "responseElements.dBSnapshotIdentifier",
        name="responseElements.dBSnapshotIdentifier", arn=_RDS_ARN + "snapshot:{id}", tags="requestParameters.tags",
        details={"allocatedStorage": "responseElements.allocatedStorage"},
        note="keyed by snapshot identifier (unique per account and region); not checked against a live Config item",
    ),
    deleted(RDS, "DeleteDBSnapshot", "AWS::RDS::DBSnapshot", "requestParameters.dBSnapshotIdentifier"),
    created(
        RDS, "CreateDBClusterSnapshot", "AWS::RDS::DBClusterSnapshot", "responseElements.dBClusterSnapshotIdentifier",
        name="responseElements.dBClusterSnapshotIdentifier", arn=_RDS_ARN + "cluster-snapshot:{id}",
        tags="requestParameters.tags",
        note="keyed by snapshot identifier (unique per account and region); not checked against a live Config item",
    ),
    deleted(
        RDS, "DeleteDBClusterSnapshot", "AWS::RDS::DBClusterSnapshot", "requestParameters.dBClusterSnapshotIdentifier",
    ),
    created(
        EFS, "CreateFileSystem", "AWS::EFS::FileSystem", "responseElements.fileSystemId",
        name="responseElements.name", arn_path="responseElements.fileSystemArn", tags="requestParameters.tags",
    ),
    deleted(EFS, "DeleteFileSystem", "AWS::EFS::FileSystem", "requestParameters.fileSystemId"),
    created(
        FSX, "CreateFileSystem", "AWS::FSx::FileSystem", "responseElements.fileSystem.fileSystemId",
        arn_path="responseElements.fileSystem.resourceARN", tags="requestParameters.tags",
        details={"size": "requestParameters.storageCapacity"},
    ),
    deleted(FSX, "DeleteFileSystem", "AWS::FSx::FileSystem", "requestParameters.fileSystemId"),
    created(
        ECR, "CreateRepository", "AWS::ECR::Repository", "requestParameters.repositoryName",
        name="requestParameters.repositoryName", arn_path="responseElements.repository.repositoryArn",
        tags="requestParameters.tags",
    ),
    deleted(ECR, "DeleteRepository", "AWS::ECR::Repository", "requestParameters.repositoryName"),
    created(
        LOGS, "CreateLogGroup", "AWS::Logs::LogGroup", "requestParameters.logGroupName",
        name="requestParameters.logGroupName", arn="arn:{partition}:logs:{region}:{account}:log-group:{id}",
        tags="requestParameters.tags",
        note="log groups AWS services create on first write never show a CreateLogGroup by the user",
    ),
    deleted(LOGS, "DeleteLogGroup", "AWS::Logs::LogGroup", "requestParameters.logGroupName"),
)
