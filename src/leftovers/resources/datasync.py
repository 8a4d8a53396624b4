"""AWS DataSync tasks (a scheduled task keeps copying, billed per GB) and agents, keyed by ARN as the API names them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

DATASYNC = "datasync.amazonaws.com"
# DataSync answers a call about a deleted task or agent with InvalidRequestException, as it does bad input.
_GONE = gone_on("InvalidRequestException", message=r"(?i)does not exist|not found")

TYPES = (
    ResourceType(
        "AWS::DataSync::Task", config=True, id_pattern=r"arn:[\w-]+:datasync:[\w-]+:\d+:task/task-[0-9a-f]{17}",
        calls=(
            created(
                DATASYNC, "CreateTask", "AWS::DataSync::Task", "responseElements.taskArn",
                name="requestParameters.name", arn_path="responseElements.taskArn", tags="requestParameters.tags",
                fixture="cloudtrail_datasync_create_task",
            ),
            deleted(DATASYNC, "DeleteTask", "AWS::DataSync::Task", "requestParameters.taskArn",
                    fixture="cloudtrail_datasync_delete_task"),
        ),
        arn=Arn("datasync", "task/task-[0-9a-f]{17}"),
        check=one("datasync", "DescribeTask", {"TaskArn": "{id}"}, "", gone_errors=_GONE, created="CreationTime"),
    ),
    ResourceType(
        "AWS::DataSync::Agent", config=True, id_pattern=r"arn:[\w-]+:datasync:[\w-]+:\d+:agent/agent-[0-9a-f]{17}",
        calls=(
            created(
                DATASYNC, "CreateAgent", "AWS::DataSync::Agent", "responseElements.agentArn",
                name="requestParameters.agentName", arn_path="responseElements.agentArn",
                tags="requestParameters.tags", fixture="cloudtrail_datasync_create_agent",
            ),
            deleted(DATASYNC, "DeleteAgent", "AWS::DataSync::Agent", "requestParameters.agentArn",
                    fixture="cloudtrail_datasync_delete_agent"),
        ),
        arn=Arn("datasync", "agent/agent-[0-9a-f]{17}"),
        check=one("datasync", "DescribeAgent", {"AgentArn": "{id}"}, "", gone_errors=_GONE, created="CreationTime"),
    ),
)  # fmt: skip
