"""AWS App Runner services (keyed by ARN): provisioned instances bill for their memory even when idle."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

APPRUNNER = "apprunner.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::AppRunner::Service", config=True,
        id_pattern=r"arn:[\w-]+:apprunner:[\w-]+:\d+:service/[A-Za-z0-9_-]+/[0-9a-f]+",
        calls=(
            created(
                APPRUNNER, "CreateService", "AWS::AppRunner::Service", "responseElements.service.serviceArn",
                name="responseElements.service.serviceName", arn_path="responseElements.service.serviceArn",
                tags="requestParameters.tags", fixture="cloudtrail_apprunner_create_service",
            ),
            deleted(
                APPRUNNER, "DeleteService", "AWS::AppRunner::Service",
                "responseElements.service.serviceArn|requestParameters.serviceArn",
                fixture="cloudtrail_apprunner_delete_service",
            ),
        ),
        arn=Arn("apprunner", "service/[A-Za-z0-9_-]+/[0-9a-f]+"),
        check=one(
            "apprunner", "DescribeService", {"ServiceArn": "{id}"}, "Service",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETED"),
            created="CreatedAt",
        ),
    ),
)  # fmt: skip
