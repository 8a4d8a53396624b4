"""AWS Step Functions state machines (keyed by ARN)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

STATES = "states.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::StepFunctions::StateMachine", config=True,
        id_pattern=r"arn:[\w-]+:states:[\w-]+:\d+:stateMachine:[^:]+",
        calls=(
            created(
                STATES, "CreateStateMachine", "AWS::StepFunctions::StateMachine", "responseElements.stateMachineArn",
                name="requestParameters.name", arn_path="responseElements.stateMachineArn",
                tags="requestParameters.tags",
            ),
            deleted(STATES, "DeleteStateMachine", "AWS::StepFunctions::StateMachine",
                    "requestParameters.stateMachineArn"),
        ),
        arn=Arn("states", "stateMachine:[^:]+"),
        check=one(
            "stepfunctions", "DescribeStateMachine", {"stateMachineArn": "{id}"}, "",
            gone_errors=gone_on("StateMachineDoesNotExist"), state="status", gone_states=states("DELETING"),
            created="creationDate",
        ),
    ),
)  # fmt: skip
