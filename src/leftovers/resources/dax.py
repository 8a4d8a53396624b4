"""Amazon DynamoDB Accelerator (DAX) clusters, keyed by cluster name as the DAX API names them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

DAX = "dax.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::DAX::Cluster", config=False, id_pattern=r"[A-Za-z][A-Za-z0-9-]*",
        calls=(
            created(
                DAX, "CreateCluster", "AWS::DAX::Cluster", "requestParameters.clusterName",
                name="requestParameters.clusterName", arn_path="responseElements.cluster.clusterArn",
                tags="requestParameters.tags",
                details={"nodeType": "requestParameters.nodeType",
                         "replicationFactor": "requestParameters.replicationFactor"},  # nodes billed
                fixture="cloudtrail_dax_create_cluster",
            ),
            deleted(DAX, "DeleteCluster", "AWS::DAX::Cluster", "requestParameters.clusterName",
                    fixture="cloudtrail_dax_delete_cluster"),
        ),
        arn=Arn("dax", "cache/{id}"),
        check=one(
            "dax", "DescribeClusters", {"ClusterNames": ("{id}",)}, "Clusters[]", item_id="ClusterName",
            gone_errors=gone_on("ClusterNotFoundFault"), state="Status", gone_states=states("deleting"),
        ),
    ),
)  # fmt: skip
