"""Amazon DocumentDB elastic clusters (billed per vCPU-hour of every shard while they exist) and their manual
snapshots (by the GB-month), keyed by ARN as CloudFormation and the API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

DOCDB_ELASTIC = "docdb-elastic.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::DocDBElastic::Cluster", config=False,
        id_pattern=r"arn:[\w-]+:docdb-elastic:[\w-]+:\d+:cluster/[0-9a-f-]+",
        calls=(
            created(
                DOCDB_ELASTIC, "CreateCluster", "AWS::DocDBElastic::Cluster", "responseElements.cluster.clusterArn",
                name="requestParameters.clusterName", arn_path="responseElements.cluster.clusterArn",
                tags="requestParameters.tags",
                details={"shardCapacity": "requestParameters.shardCapacity",  # vCPUs per shard
                         "shardCount": "requestParameters.shardCount"},
                fixture="cloudtrail_docdb_elastic_create_cluster",
            ),
            deleted(DOCDB_ELASTIC, "DeleteCluster", "AWS::DocDBElastic::Cluster",
                    "requestParameters.clusterArn", fixture="cloudtrail_docdb_elastic_delete_cluster"),
        ),
        arn=Arn("docdb-elastic", "cluster/[0-9a-f-]+"),
        check=one(
            "docdb-elastic", "GetCluster", {"clusterArn": "{id}"}, "cluster",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="createTime",
        ),
    ),
    ResourceType(
        "AWS::DocDBElastic::ClusterSnapshot", config=False,
        id_pattern=r"arn:[\w-]+:docdb-elastic:[\w-]+:\d+:cluster-snapshot/[0-9a-f-]+",
        calls=(
            created(
                DOCDB_ELASTIC, "CreateClusterSnapshot", "AWS::DocDBElastic::ClusterSnapshot",
                "responseElements.snapshot.snapshotArn", name="requestParameters.snapshotName",
                arn_path="responseElements.snapshot.snapshotArn", tags="requestParameters.tags",
                fixture="cloudtrail_docdb_elastic_create_cluster_snapshot",  # Redshift has CreateClusterSnapshot too
            ),
            deleted(DOCDB_ELASTIC, "DeleteClusterSnapshot", "AWS::DocDBElastic::ClusterSnapshot",
                    "requestParameters.snapshotArn", fixture="cloudtrail_docdb_elastic_delete_cluster_snapshot"),
        ),
        arn=Arn("docdb-elastic", "cluster-snapshot/[0-9a-f-]+"),
        check=one(
            "docdb-elastic", "GetClusterSnapshot", {"snapshotArn": "{id}"}, "snapshot",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="snapshotCreationTime",
        ),
    ),
)  # fmt: skip
