"""AWS App Runner services (provisioned instances bill for their memory by the hour even with no traffic)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

APPRUNNER = "apprunner.amazonaws.com"

TYPES = (
    ResourceType(
        # Keyed by ARN, as CloudFormation and Cloud Control key it: DeleteService takes nothing else.
        "AWS::AppRunner::Service", config=True, id_pattern=r"arn:[\w-]+:apprunner:[\w-]+:\d+:service/.+",
        calls=(
            created(
                APPRUNNER, "CreateService", "AWS::AppRunner::Service", "responseElements.service.serviceArn",
                name="responseElements.service.serviceName", arn_path="responseElements.service.serviceArn",
                tags="requestParameters.tags",
                details={  # provisioned vCPU and memory decide the idle price
                    "cpu": "responseElements.service.instanceConfiguration.cpu",
                    "memory": "responseElements.service.instanceConfiguration.memory",
                },
                fixture="cloudtrail_apprunner_create_service",
            ),
            deleted(APPRUNNER, "DeleteService", "AWS::AppRunner::Service",
                    "responseElements.service.serviceArn|requestParameters.serviceArn",
                    fixture="cloudtrail_apprunner_delete_service"),
        ),
        arn=Arn("apprunner", "service/.+"),
        check=one(
            "apprunner", "DescribeService", {"ServiceArn": "{id}"}, "Service",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETED"),
            created="CreatedAt",
        ),
        details=("cpu", "memory"),
    ),
)  # fmt: skip
