"""Amazon RDS: DB instances and clusters (keyed by their resource ids, as Config does) and their snapshots."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, Describe, ResourceType, created, deleted, gone_on, one, states

RDS = "rds.amazonaws.com"
_ARN = "arn:{partition}:rds:{region}:{account}:"
_DBI = "Config keys DB instances by DbiResourceId (db-...), which every RDS response carries"
_DB_INSTANCE = {
    "name": "responseElements.dBInstanceIdentifier",
    "arn_path": "responseElements.dBInstanceArn",
    "tags": "requestParameters.tags",
    "details": {  # what prices an instance, named as Config's item names it
        "dBInstanceClass": "responseElements.dBInstanceClass",
        "allocatedStorage": "responseElements.allocatedStorage",
        "engine": "responseElements.engine",
        "multiAZ": "responseElements.multiAZ",
        "storageType": "responseElements.storageType",
    },
    "note": _DBI,
}
_BY_IDENTIFIER = "keyed by snapshot identifier (unique per account and region); not checked against a live Config item"

TYPES = (
    ResourceType(
        "AWS::RDS::DBInstance", config=True, id_pattern=r"db-[A-Z0-9]+",
        calls=(
            created(RDS, "CreateDBInstance", "AWS::RDS::DBInstance", "responseElements.dbiResourceId", **_DB_INSTANCE),
            created(
                RDS, "CreateDBInstanceReadReplica", "AWS::RDS::DBInstance", "responseElements.dbiResourceId",
                **_DB_INSTANCE,
            ),
            created(
                RDS, "RestoreDBInstanceFromDBSnapshot", "AWS::RDS::DBInstance", "responseElements.dbiResourceId",
                **_DB_INSTANCE,
            ),
            deleted(RDS, "DeleteDBInstance", "AWS::RDS::DBInstance", "responseElements.dbiResourceId", note=_DBI),
        ),
        check=Describe(
            "rds", "DescribeDBInstances", "DBInstances[]", item_id="DbiResourceId", filter="dbi-resource-id",
            batch=100, state="DBInstanceStatus", gone_states=states("deleting"), created="InstanceCreateTime",
        ),
        cost=pricing.rds, details=("dBInstanceClass", "allocatedStorage", "engine", "multiAZ", "storageType"),
    ),
    ResourceType(
        "AWS::RDS::DBCluster", config=True, id_pattern=r"cluster-[A-Z0-9]+",
        calls=(
            created(
                RDS, "CreateDBCluster", "AWS::RDS::DBCluster", "responseElements.dbClusterResourceId",
                name="responseElements.dBClusterIdentifier", arn_path="responseElements.dBClusterArn",
                tags="requestParameters.tags",
                note="Config keys DB clusters by DbClusterResourceId (cluster-...), which the response carries",
            ),
            deleted(RDS, "DeleteDBCluster", "AWS::RDS::DBCluster", "responseElements.dbClusterResourceId"),
        ),
        check=Describe(
            "rds", "DescribeDBClusters", "DBClusters[]", item_id="DbClusterResourceId",
            filter="db-cluster-resource-id", batch=100, state="Status", gone_states=states("deleting"),
            created="ClusterCreateTime",
        ),
    ),
    ResourceType(
        "AWS::RDS::DBSnapshot", config=True, id_pattern=r"[A-Za-z][A-Za-z0-9:-]*",
        calls=(
            created(
                RDS, "CreateDBSnapshot", "AWS::RDS::DBSnapshot", "responseElements.dBSnapshotIdentifier",
                name="responseElements.dBSnapshotIdentifier", arn=_ARN + "snapshot:{id}",
                tags="requestParameters.tags", details={"allocatedStorage": "responseElements.allocatedStorage"},
                note=_BY_IDENTIFIER,
            ),
            deleted(RDS, "DeleteDBSnapshot", "AWS::RDS::DBSnapshot", "requestParameters.dBSnapshotIdentifier"),
        ),
        arn=Arn("rds", "snapshot:{id}"),
        check=one(
            "rds", "DescribeDBSnapshots", {"DBSnapshotIdentifier": "{id}"}, "DBSnapshots[]",
            gone_errors=gone_on("DBSnapshotNotFound"), state="Status", gone_states=states("deleting"),
            created="SnapshotCreateTime",
        ),
    ),
    ResourceType(
        "AWS::RDS::DBClusterSnapshot", config=True, id_pattern=r"[A-Za-z][A-Za-z0-9:-]*",
        calls=(
            created(
                RDS, "CreateDBClusterSnapshot", "AWS::RDS::DBClusterSnapshot",
                "responseElements.dBClusterSnapshotIdentifier", name="responseElements.dBClusterSnapshotIdentifier",
                arn=_ARN + "cluster-snapshot:{id}", tags="requestParameters.tags", note=_BY_IDENTIFIER,
            ),
            deleted(
                RDS, "DeleteDBClusterSnapshot", "AWS::RDS::DBClusterSnapshot",
                "requestParameters.dBClusterSnapshotIdentifier",
            ),
        ),
        arn=Arn("rds", "cluster-snapshot:{id}"),
        check=one(
            "rds", "DescribeDBClusterSnapshots", {"DBClusterSnapshotIdentifier": "{id}"}, "DBClusterSnapshots[]",
            gone_errors=gone_on("DBClusterSnapshotNotFoundFault"), state="Status", gone_states=states("deleting"),
            created="SnapshotCreateTime",
        ),
    ),
)  # fmt: skip
