"""Amazon EMR clusters (job flows)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EMR = "elasticmapreduce.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::EMR::Cluster", config=False, id_pattern=r"j-[A-Z0-9]+",
        calls=(
            created(
                EMR, "RunJobFlow", "AWS::EMR::Cluster", "responseElements.jobFlowId", name="requestParameters.name",
                arn_path="responseElements.clusterArn", tags="requestParameters.tags",
                details={
                    "instanceCount": "requestParameters.instances.instanceCount",
                    "instanceType": "requestParameters.instances.masterInstanceType",
                },
            ),
            deleted(EMR, "TerminateJobFlows", "AWS::EMR::Cluster", "requestParameters.jobFlowIds[]"),
        ),
        arn=Arn("elasticmapreduce", r"cluster/{id}"),
        check=one(
            "emr", "DescribeCluster", {"ClusterId": "{id}"}, "Cluster", gone_errors=gone_on("InvalidRequestException"),
            state="Status.State", gone_states=states("TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"),
            created="Status.Timeline.CreationDateTime",
        ),
    ),
)  # fmt: skip
