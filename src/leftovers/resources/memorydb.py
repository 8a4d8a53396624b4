"""Amazon MemoryDB clusters and their manual snapshots, keyed by name as the MemoryDB API and CloudFormation do."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

MEMORYDB = "memorydb.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::MemoryDB::Cluster", config=False, id_pattern=r"[a-z][a-z0-9-]*",
        calls=(
            created(
                MEMORYDB, "CreateCluster", "AWS::MemoryDB::Cluster",
                "responseElements.cluster.name|requestParameters.clusterName", name="requestParameters.clusterName",
                arn_path="responseElements.cluster.aRN", tags="requestParameters.tags",
                # Nodes billed: shards x (1 primary + replicas), each of the node type.
                details={
                    "nodeType": "requestParameters.nodeType",
                    "numShards": "requestParameters.numShards",
                    "numReplicasPerShard": "requestParameters.numReplicasPerShard",
                },
                note="AWS Config does not record MemoryDB clusters: tracked through CloudTrail",
                fixture="cloudtrail_memorydb_create_cluster",
            ),
            deleted(MEMORYDB, "DeleteCluster", "AWS::MemoryDB::Cluster", "requestParameters.clusterName",
                    fixture="cloudtrail_memorydb_delete_cluster"),
        ),
        arn=Arn("memorydb", "cluster/{id}"),
        check=one(
            "memorydb", "DescribeClusters", {"ClusterName": "{id}"}, "Clusters[]", item_id="Name",
            gone_errors=gone_on("ClusterNotFoundFault"), state="Status", gone_states=states("deleting"),
        ),
    ),
    ResourceType(
        # Manual snapshots are kept (and billed by the GB-month) until deleted, after their cluster too.
        "AWS::MemoryDB::Snapshot", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                MEMORYDB, "CreateSnapshot", "AWS::MemoryDB::Snapshot", "requestParameters.snapshotName",
                name="requestParameters.snapshotName", arn_path="responseElements.snapshot.aRN",
                tags="requestParameters.tags", fixture="cloudtrail_memorydb_create_snapshot",
            ),
            deleted(MEMORYDB, "DeleteSnapshot", "AWS::MemoryDB::Snapshot", "requestParameters.snapshotName",
                    fixture="cloudtrail_memorydb_delete_snapshot"),
        ),
        arn=Arn("memorydb", "snapshot/{id}"),
        check=one(
            "memorydb", "DescribeSnapshots", {"SnapshotName": "{id}"}, "Snapshots[]", item_id="Name",
            gone_errors=gone_on("SnapshotNotFoundFault"), state="Status", gone_states=states("deleting"),
        ),
    ),
)  # fmt: skip
