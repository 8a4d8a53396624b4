"""Amazon Redshift provisioned clusters."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

REDSHIFT = "redshift.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Redshift::Cluster", config=True, id_pattern=r"[a-z][a-z0-9-]*",
        calls=(
            created(
                REDSHIFT, "CreateCluster", "AWS::Redshift::Cluster",
                "responseElements.clusterIdentifier|requestParameters.clusterIdentifier",
                name="responseElements.clusterIdentifier", tags="requestParameters.tags",
                arn="arn:{partition}:redshift:{region}:{account}:cluster:{id}",
                details={"nodeType": "responseElements.nodeType", "numberOfNodes": "responseElements.numberOfNodes"},
                fixture="cloudtrail_redshift_create_cluster",
            ),
            deleted(REDSHIFT, "DeleteCluster", "AWS::Redshift::Cluster", "requestParameters.clusterIdentifier",
                    fixture="cloudtrail_redshift_delete_cluster"),
        ),
        arn=Arn("redshift", "cluster:{id}"),
        check=one(
            "redshift", "DescribeClusters", {"ClusterIdentifier": "{id}"}, "Clusters[]",
            gone_errors=gone_on("ClusterNotFound", "ClusterNotFoundFault"), state="ClusterStatus",
            gone_states=states("deleting"), created="ClusterCreateTime",
        ),
        cost=pricing.nodes("redshift", "nodeType", "numberOfNodes"), details=("nodeType", "numberOfNodes"),
    ),
)  # fmt: skip
