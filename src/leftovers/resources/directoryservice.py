"""AWS Directory Service: AWS Managed Microsoft AD directories (two domain controllers billed by the hour)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

DS = "ds.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::DirectoryService::MicrosoftAD", config=False, id_pattern=r"d-[0-9a-f]{10}",
        calls=(
            created(
                DS, "CreateMicrosoftAD", "AWS::DirectoryService::MicrosoftAD", "responseElements.directoryId",
                name="requestParameters.name", arn="arn:{partition}:ds:{region}:{account}:directory/{id}",
                tags="requestParameters.tags", details={"edition": "requestParameters.edition"},
                fixture="cloudtrail_ds_create_microsoft_ad",
            ),
            deleted(
                DS, "DeleteDirectory", "AWS::DirectoryService::MicrosoftAD",
                "responseElements.directoryId|requestParameters.directoryId",
                note="Simple AD and AD Connector are deleted by the same call; their ids never match a Microsoft AD's",
                fixture="cloudtrail_ds_delete_directory",
            ),
        ),
        arn=Arn("ds", "directory/{id}"),
        check=one(
            "ds", "DescribeDirectories", {"DirectoryIds": ("{id}",)}, "DirectoryDescriptions[]",
            item_id="DirectoryId", gone_errors=gone_on("EntityDoesNotExistException"), state="Stage",
            gone_states=states("Deleting", "Deleted"), created="LaunchTime",
        ),
        details=("edition",),
    ),
)  # fmt: skip
