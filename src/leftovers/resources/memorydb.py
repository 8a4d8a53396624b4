"""Amazon MemoryDB clusters (keyed by name, as the API names them; AWS Config does not record them)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

MEMORYDB = "memorydb.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::MemoryDB::Cluster", config=False, id_pattern=r"[a-z][a-z0-9-]*",
        calls=(
            created(
                MEMORYDB, "CreateCluster", "AWS::MemoryDB::Cluster", "requestParameters.clusterName",
                name="requestParameters.clusterName", tags="requestParameters.tags",
                arn="arn:{partition}:memorydb:{region}:{account}:cluster/{id}",
                details={"nodeType": "requestParameters.nodeType", "numShards": "requestParameters.numShards"},
                fixture="cloudtrail_memorydb_create_cluster",
            ),
            deleted(
                MEMORYDB, "DeleteCluster", "AWS::MemoryDB::Cluster", "requestParameters.clusterName",
                fixture="cloudtrail_memorydb_delete_cluster",
            ),
        ),
        arn=Arn("memorydb", "cluster/{id}"),
        check=one(
            "memorydb", "DescribeClusters", {"ClusterName": "{id}"}, "Clusters[]",
            gone_errors=gone_on("ClusterNotFoundFault"), state="Status", gone_states=states("deleting"),
        ),
    ),
)  # fmt: skip
