"""AWS Batch compute environments (their managed instances bill while desired vCPUs stay above zero) and job queues."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

BATCH = "batch.amazonaws.com"
_NAME = "keyed by name (unique per account and region): the delete call may name it by name or by ARN"

TYPES = (
    ResourceType(
        "AWS::Batch::ComputeEnvironment", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_-]*",
        calls=(
            created(
                BATCH, "CreateComputeEnvironment", "AWS::Batch::ComputeEnvironment",
                "responseElements.computeEnvironmentName", name="responseElements.computeEnvironmentName",
                arn_path="responseElements.computeEnvironmentArn", tags="requestParameters.tags",
                details={
                    "type": "requestParameters.computeResources.type",
                    "minvCpus": "requestParameters.computeResources.minvCpus",
                },
                note=_NAME, fixture="cloudtrail_batch_create_compute_environment",
            ),
            deleted(
                BATCH, "DeleteComputeEnvironment", "AWS::Batch::ComputeEnvironment",
                "requestParameters.computeEnvironment", id_regex=r":compute-environment/(.+)$", note=_NAME,
                fixture="cloudtrail_batch_delete_compute_environment",
            ),
        ),
        arn=Arn("batch", "compute-environment/{id}"),
        check=Describe(
            "batch", "DescribeComputeEnvironments", "computeEnvironments[]", item_id="computeEnvironmentName",
            ids_param="computeEnvironments", batch=100, state="status", gone_states=states("DELETING", "DELETED"),
        ),
        details=("type", "minvCpus"),
    ),
    ResourceType(
        "AWS::Batch::JobQueue", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_-]*",
        calls=(
            created(
                BATCH, "CreateJobQueue", "AWS::Batch::JobQueue", "responseElements.jobQueueName",
                name="responseElements.jobQueueName", arn_path="responseElements.jobQueueArn",
                tags="requestParameters.tags", note=_NAME, fixture="cloudtrail_batch_create_job_queue",
            ),
            deleted(BATCH, "DeleteJobQueue", "AWS::Batch::JobQueue", "requestParameters.jobQueue",
                    id_regex=r":job-queue/(.+)$", note=_NAME, fixture="cloudtrail_batch_delete_job_queue"),
        ),
        arn=Arn("batch", "job-queue/{id}"),
        check=Describe(
            "batch", "DescribeJobQueues", "jobQueues[]", item_id="jobQueueName", ids_param="jobQueues", batch=100,
            state="status", gone_states=states("DELETING", "DELETED"),
        ),
    ),
)  # fmt: skip
