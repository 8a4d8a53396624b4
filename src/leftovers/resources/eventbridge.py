"""Amazon EventBridge custom event buses and archives (an archive bills per GB of events it keeps)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

EVENTS = "events.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")

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
        check=one("events", "DescribeEventBus", {"Name": "{id}"}, "", gone_errors=_NOT_FOUND, created="CreationTime"),
        console="https://{region}.console.aws.amazon.com/events/home?region={region}#/eventbus/{id}",
    ),
    ResourceType(
        "AWS::Events::Archive", config=True, id_pattern=r"[\w.-]{1,48}",
        calls=(
            created(
                EVENTS, "CreateArchive", "AWS::Events::Archive", "requestParameters.archiveName",
                name="requestParameters.archiveName", arn_path="responseElements.archiveArn",
                details={"retentionDays": "requestParameters.retentionDays"},
                fixture="cloudtrail_events_create_archive",
            ),
            deleted(EVENTS, "DeleteArchive", "AWS::Events::Archive", "requestParameters.archiveName",
                    fixture="cloudtrail_events_delete_archive"),
        ),
        arn=Arn("events", "archive/{id}"),
        check=one("events", "DescribeArchive", {"ArchiveName": "{id}"}, "", gone_errors=_NOT_FOUND,
                  created="CreationTime"),
        tagging=False, details=("retentionDays",),
    ),
)  # fmt: skip
