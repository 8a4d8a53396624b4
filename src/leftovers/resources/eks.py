"""Amazon EKS clusters and managed node groups."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EKS = "eks.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")

TYPES = (
    ResourceType(
        "AWS::EKS::Cluster", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_-]*",
        calls=(
            created(
                EKS, "CreateCluster", "AWS::EKS::Cluster", "responseElements.cluster.name",
                name="responseElements.cluster.name", arn_path="responseElements.cluster.arn",
                tags="requestParameters.tags", fixture="cloudtrail_eks_create_cluster",
            ),
            deleted(EKS, "DeleteCluster", "AWS::EKS::Cluster", "responseElements.cluster.name|requestParameters.name",
                    fixture="cloudtrail_eks_delete_cluster"),
        ),
        arn=Arn("eks", "cluster/{id}"),
        check=one(
            "eks", "DescribeCluster", {"name": "{id}"}, "cluster", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"), created="createdAt",
        ),
        cost=pricing.flat("eks_cluster"),
    ),
    ResourceType(
        "AWS::EKS::Nodegroup", config=False, id_pattern=r"arn:[\w-]+:eks:[\w-]+:\d+:nodegroup/.+",
        calls=(
            created(
                EKS, "CreateNodegroup", "AWS::EKS::Nodegroup", "responseElements.nodegroup.nodegroupArn",
                name="responseElements.nodegroup.nodegroupName", arn_path="responseElements.nodegroup.nodegroupArn",
                tags="requestParameters.tags", details={"instanceType": "responseElements.nodegroup.instanceTypes[]"},
                note="node group names repeat across clusters: the ARN is the stable id",
                fixture="cloudtrail_eks_create_nodegroup",
            ),
            deleted(EKS, "DeleteNodegroup", "AWS::EKS::Nodegroup", "responseElements.nodegroup.nodegroupArn",
                    fixture="cloudtrail_eks_delete_nodegroup"),
        ),
        arn=Arn("eks", "nodegroup/.+"),
        check=one(
            "eks", "DescribeNodegroup", {"clusterName": "{cluster}", "nodegroupName": "{group}"}, "nodegroup",
            id_regex=r":nodegroup/(?P<cluster>[^/]+)/(?P<group>[^/]+)/", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"), created="createdAt",
        ),
    ),
)  # fmt: skip
