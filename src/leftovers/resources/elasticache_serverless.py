"""Amazon ElastiCache serverless caches (billed for at least their minimum storage while they exist) and their
snapshots."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.elasticache import ELASTICACHE

TYPES = (
    ResourceType(
        "AWS::ElastiCache::ServerlessCache", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                ELASTICACHE, "CreateServerlessCache", "AWS::ElastiCache::ServerlessCache",
                "requestParameters.serverlessCacheName", name="requestParameters.serverlessCacheName",
                arn_path="responseElements.serverlessCache.aRN", tags="requestParameters.tags",
                details={"engine": "requestParameters.engine"},
            ),
            deleted(
                ELASTICACHE, "DeleteServerlessCache", "AWS::ElastiCache::ServerlessCache",
                "requestParameters.serverlessCacheName",
            ),
        ),
        arn=Arn("elasticache", "serverlesscache:{id}"),
        check=one(
            "elasticache", "DescribeServerlessCaches", {"ServerlessCacheName": "{id}"}, "ServerlessCaches[]",
            item_id="ServerlessCacheName", gone_errors=gone_on("ServerlessCacheNotFoundFault"), state="Status",
            gone_states=states("deleting"), created="CreateTime",
        ),
    ),
    ResourceType(
        # Manual snapshots are kept (and billed by the GB-month) until deleted.
        "AWS::ElastiCache::ServerlessCacheSnapshot", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                ELASTICACHE, "CreateServerlessCacheSnapshot", "AWS::ElastiCache::ServerlessCacheSnapshot",
                "requestParameters.serverlessCacheSnapshotName", name="requestParameters.serverlessCacheSnapshotName",
                arn_path="responseElements.serverlessCacheSnapshot.aRN", tags="requestParameters.tags",
            ),
            deleted(
                ELASTICACHE, "DeleteServerlessCacheSnapshot", "AWS::ElastiCache::ServerlessCacheSnapshot",
                "requestParameters.serverlessCacheSnapshotName",
            ),
        ),
        arn=Arn("elasticache", "serverlesscachesnapshot:{id}"),
        check=one(
            "elasticache", "DescribeServerlessCacheSnapshots", {"ServerlessCacheSnapshotName": "{id}"},
            "ServerlessCacheSnapshots[]", item_id="ServerlessCacheSnapshotName",
            gone_errors=gone_on("ServerlessCacheSnapshotNotFoundFault"), state="Status", gone_states=states("deleting"),
            created="CreateTime",
        ),
    ),
)  # fmt: skip
