"""Amazon ElastiCache cache clusters and replication groups."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

ELASTICACHE = "elasticache.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ElastiCache::CacheCluster", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                ELASTICACHE, "CreateCacheCluster", "AWS::ElastiCache::CacheCluster", "responseElements.cacheClusterId",
                name="responseElements.cacheClusterId", arn_path="responseElements.aRN", tags="requestParameters.tags",
                details={
                    "cacheNodeType": "responseElements.cacheNodeType",
                    "numCacheNodes": "responseElements.numCacheNodes",
                },
            ),
            deleted(ELASTICACHE, "DeleteCacheCluster", "AWS::ElastiCache::CacheCluster",
                    "requestParameters.cacheClusterId"),
        ),
        arn=Arn("elasticache", "cluster:{id}"),
        check=one(
            "elasticache", "DescribeCacheClusters", {"CacheClusterId": "{id}"}, "CacheClusters[]",
            gone_errors=gone_on("CacheClusterNotFound"), state="CacheClusterStatus",
            gone_states=states("deleting", "deleted"), created="CacheClusterCreateTime",
        ),
        cost=pricing.nodes("elasticache", "cacheNodeType", "numCacheNodes"),
        details=("cacheNodeType", "numCacheNodes"),
    ),
    ResourceType(
        "AWS::ElastiCache::ReplicationGroup", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                ELASTICACHE, "CreateReplicationGroup", "AWS::ElastiCache::ReplicationGroup",
                "responseElements.replicationGroupId", name="responseElements.replicationGroupId",
                arn_path="responseElements.aRN", tags="requestParameters.tags",
                details={"cacheNodeType": "responseElements.cacheNodeType"},
            ),
            deleted(
                ELASTICACHE, "DeleteReplicationGroup", "AWS::ElastiCache::ReplicationGroup",
                "requestParameters.replicationGroupId",
            ),
        ),
        arn=Arn("elasticache", "replicationgroup:{id}"),
        check=one(
            "elasticache", "DescribeReplicationGroups", {"ReplicationGroupId": "{id}"}, "ReplicationGroups[]",
            gone_errors=gone_on("ReplicationGroupNotFoundFault"), state="Status", gone_states=states("deleting"),
            created="ReplicationGroupCreateTime",
        ),
    ),
)  # fmt: skip
