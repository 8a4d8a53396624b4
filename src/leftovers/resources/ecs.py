"""Amazon ECS clusters and services."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

ECS = "ecs.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ECS::Cluster", config=True, id_pattern=r"[A-Za-z0-9_-]+",
        calls=(
            created(
                ECS, "CreateCluster", "AWS::ECS::Cluster", "responseElements.cluster.clusterName",
                name="responseElements.cluster.clusterName", arn_path="responseElements.cluster.clusterArn",
                tags="requestParameters.tags", fixture="cloudtrail_ecs_create_cluster",
            ),
            deleted(ECS, "DeleteCluster", "AWS::ECS::Cluster", "responseElements.cluster.clusterName",
                    fixture="cloudtrail_ecs_delete_cluster"),
        ),
        arn=Arn("ecs", "cluster/{id}"),
        check=Describe(
            "ecs", "DescribeClusters", "clusters[]", item_id="clusterName", ids_param="clusters", batch=100,
            state="status", gone_states=states("INACTIVE"),
        ),
    ),
    ResourceType(
        # DescribeServices needs the cluster, which an old-format service ARN does not carry, and Cloud Control's
        # identifier joins the ARN with the cluster as CloudFormation stored it: neither can be built from the record.
        "AWS::ECS::Service", config=True, id_pattern=r"arn:[\w-]+:ecs:[\w-]+:\d+:service/.+",
        calls=(
            created(
                ECS, "CreateService", "AWS::ECS::Service", "responseElements.service.serviceArn",
                name="responseElements.service.serviceName", arn_path="responseElements.service.serviceArn",
                tags="requestParameters.tags", fixture="cloudtrail_ecs_create_service",
            ),
            deleted(ECS, "DeleteService", "AWS::ECS::Service", "responseElements.service.serviceArn",
                    fixture="cloudtrail_ecs_delete_service"),
        ),
        cloudcontrol_id=None,
    ),
)  # fmt: skip
