"""Amazon MSK (Managed Streaming for Apache Kafka) clusters, provisioned and serverless."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KAFKA = "kafka.amazonaws.com"
_MSK = {
    "name": "responseElements.clusterName|requestParameters.clusterName",
    "arn_path": "responseElements.clusterArn",
    "tags": "requestParameters.tags",
    "note": "keyed by cluster ARN, as the MSK API names clusters",
}

TYPES = (
    ResourceType(
        "AWS::MSK::Cluster", config=True, id_pattern=r"arn:[\w-]+:kafka:[\w-]+:\d+:cluster/.+",
        calls=(
            created(KAFKA, "CreateClusterV2", "AWS::MSK::Cluster", "responseElements.clusterArn", **_MSK,
                    fixture="cloudtrail_msk_create_cluster_v2"),
            created(
                KAFKA, "CreateCluster", "AWS::MSK::Cluster", "responseElements.clusterArn",
                details={"instanceType": "requestParameters.brokerNodeGroupInfo.instanceType"}, **_MSK,
                fixture="cloudtrail_msk_create_cluster",
            ),
            deleted(KAFKA, "DeleteCluster", "AWS::MSK::Cluster", "requestParameters.clusterArn",
                    fixture="cloudtrail_msk_delete_cluster"),
        ),
        arn=Arn("kafka", "cluster/.+"),
        check=one(
            "kafka", "DescribeClusterV2", {"ClusterArn": "{id}"}, "ClusterInfo",
            gone_errors=gone_on("NotFoundException"), state="State", gone_states=states("DELETING"),
            created="CreationTime",
        ),
    ),
)  # fmt: skip
