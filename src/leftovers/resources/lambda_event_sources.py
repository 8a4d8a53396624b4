"""AWS Lambda event source mappings (a Kafka or MQ mapping in provisioned mode bills its pollers by the hour)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

LAMBDA = "lambda.amazonaws.com"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        # Keyed by the mapping's UUID, as CloudFormation and Cloud Control key it; CloudTrail spells it "uUID".
        "AWS::Lambda::EventSourceMapping", config=False, id_pattern=_UUID,
        calls=(
            created(
                LAMBDA, "CreateEventSourceMapping20150331", "AWS::Lambda::EventSourceMapping",
                "responseElements.uUID", arn_path="responseElements.eventSourceMappingArn",
                arn="arn:{partition}:lambda:{region}:{account}:event-source-mapping:{id}",
                tags="requestParameters.tags", fixture="cloudtrail_lambda_create_event_source_mapping",
            ),
            deleted(
                LAMBDA, "DeleteEventSourceMapping20150331", "AWS::Lambda::EventSourceMapping",
                "responseElements.uUID|requestParameters.uUID", fixture="cloudtrail_lambda_delete_event_source_mapping",
            ),
        ),
        arn=Arn("lambda", "event-source-mapping:{id}"),
        check=one(
            "lambda", "GetEventSourceMapping", {"UUID": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="State", gone_states=states("Deleting"),
        ),
    ),
)  # fmt: skip
