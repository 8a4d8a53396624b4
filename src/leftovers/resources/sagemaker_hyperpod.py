"""Amazon SageMaker HyperPod clusters (every instance of every group bills until the cluster is deleted) and
Feature Store feature groups (the online store bills by the GB-month)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.sagemaker import SAGEMAKER

_NOT_FOUND = gone_on("ResourceNotFound")

TYPES = (
    ResourceType(
        "AWS::SageMaker::Cluster", config=False, id_pattern=r"arn:[\w-]+:sagemaker:[\w-]+:\d+:cluster/[a-z0-9]+",
        calls=(
            created(
                SAGEMAKER, "CreateCluster", "AWS::SageMaker::Cluster", "responseElements.clusterArn",
                name="requestParameters.clusterName", arn_path="responseElements.clusterArn",
                tags="requestParameters.tags",
                note="keyed by cluster ARN, as CloudFormation names HyperPod clusters (DeleteCluster answers it)",
                fixture="cloudtrail_sagemaker_create_cluster",
            ),
            deleted(SAGEMAKER, "DeleteCluster", "AWS::SageMaker::Cluster", "responseElements.clusterArn",
                    fixture="cloudtrail_sagemaker_delete_cluster"),
        ),
        arn=Arn("sagemaker", "cluster/[a-z0-9]+"),
        check=one(
            "sagemaker", "DescribeCluster", {"ClusterName": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="ClusterStatus", gone_states=states("Deleting"), created="CreationTime",
        ),
    ),
    ResourceType(
        "AWS::SageMaker::FeatureGroup", config=True, id_pattern=r"[A-Za-z0-9](?:-*[A-Za-z0-9])*",
        calls=(
            created(
                SAGEMAKER, "CreateFeatureGroup", "AWS::SageMaker::FeatureGroup", "requestParameters.featureGroupName",
                name="requestParameters.featureGroupName", arn_path="responseElements.featureGroupArn",
                tags="requestParameters.tags",
                details={"enableOnlineStore": "requestParameters.onlineStoreConfig.enableOnlineStore"},
            ),
            deleted(SAGEMAKER, "DeleteFeatureGroup", "AWS::SageMaker::FeatureGroup",
                    "requestParameters.featureGroupName"),
        ),
        check=one(
            "sagemaker", "DescribeFeatureGroup", {"FeatureGroupName": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="FeatureGroupStatus", gone_states=states("Deleting"), created="CreationTime",
        ),
        details=("OnlineStoreConfig.EnableOnlineStore",),
    ),
)  # fmt: skip
