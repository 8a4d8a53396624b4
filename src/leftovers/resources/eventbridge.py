"""Amazon EventBridge custom event buses."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

EVENTS = "events.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Events::EventBus", config=True, id_pattern=r"[\w.\-/]{1,256}",
        calls=(
            created(
                EVENTS, "CreateEventBus", "AWS::Events::EventBus", "requestParameters.name",
                name="requestParameters.name", arn_path="responseElements.eventBusArn", tags="requestParameters.tags",
                fixture="cloudtrail_events_create_event_bus",
            ),
            deleted(EVENTS, "DeleteEventBus", "AWS::Events::EventBus", "requestParameters.name",
                    fixture="cloudtrail_events_delete_event_bus"),
        ),
        arn=Arn("events", "event-bus/{id}"),
        check=one("events", "DescribeEventBus", {"Name": "{id}"}, "", gone_errors=gone_on("ResourceNotFoundException"),
                  created="CreationTime"),
        console="https://{region}.console.aws.amazon.com/events/home?region={region}#/eventbus/{id}",
    ),
)  # fmt: skip
