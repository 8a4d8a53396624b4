"""Amazon AppStream 2.0 fleets, image builders and app block builders (their instances bill hourly while running)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

APPSTREAM = "appstream.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")

TYPES = (
    ResourceType(
        "AWS::AppStream::Fleet", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}",
        calls=(
            created(
                APPSTREAM, "CreateFleet", "AWS::AppStream::Fleet", "responseElements.fleet.name",
                name="responseElements.fleet.name", arn_path="responseElements.fleet.arn",
                tags="requestParameters.tags",
                details={
                    "instanceType": "responseElements.fleet.instanceType",
                    "fleetType": "responseElements.fleet.fleetType",
                    "desiredInstances": "requestParameters.computeCapacity.desiredInstances",
                },
                fixture="cloudtrail_appstream_create_fleet",
            ),
            deleted(APPSTREAM, "DeleteFleet", "AWS::AppStream::Fleet", "requestParameters.name",
                    fixture="cloudtrail_appstream_delete_fleet"),
        ),
        arn=Arn("appstream", "fleet/{id}"),
        check=one(
            "appstream", "DescribeFleets", {"Names": ("{id}",)}, "Fleets[]", item_id="Name", gone_errors=_NOT_FOUND,
            created="CreatedTime",
        ),
        details=("instanceType", "fleetType", "desiredInstances"),
    ),
    ResourceType(
        "AWS::AppStream::ImageBuilder", config=False, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}",
        calls=(
            created(
                APPSTREAM, "CreateImageBuilder", "AWS::AppStream::ImageBuilder", "responseElements.imageBuilder.name",
                name="responseElements.imageBuilder.name", arn_path="responseElements.imageBuilder.arn",
                tags="requestParameters.tags", details={"instanceType": "responseElements.imageBuilder.instanceType"},
                fixture="cloudtrail_appstream_create_image_builder",
            ),
            deleted(APPSTREAM, "DeleteImageBuilder", "AWS::AppStream::ImageBuilder", "requestParameters.name",
                    fixture="cloudtrail_appstream_delete_image_builder"),
        ),
        arn=Arn("appstream", "image-builder/{id}"),
        check=one(
            "appstream", "DescribeImageBuilders", {"Names": ("{id}",)}, "ImageBuilders[]", item_id="Name",
            gone_errors=_NOT_FOUND, state="State", gone_states=states("DELETING"), created="CreatedTime",
        ),
        details=("instanceType",),
    ),
    ResourceType(
        "AWS::AppStream::AppBlockBuilder", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}",
        calls=(
            created(
                APPSTREAM, "CreateAppBlockBuilder", "AWS::AppStream::AppBlockBuilder",
                "responseElements.appBlockBuilder.name", name="responseElements.appBlockBuilder.name",
                arn_path="responseElements.appBlockBuilder.arn", tags="requestParameters.tags",
                details={"instanceType": "responseElements.appBlockBuilder.instanceType"},
                fixture="cloudtrail_appstream_create_app_block_builder",
            ),
            deleted(APPSTREAM, "DeleteAppBlockBuilder", "AWS::AppStream::AppBlockBuilder", "requestParameters.name",
                    fixture="cloudtrail_appstream_delete_app_block_builder"),
        ),
        arn=Arn("appstream", "app-block-builder/{id}"),
        check=one(
            "appstream", "DescribeAppBlockBuilders", {"Names": ("{id}",)}, "AppBlockBuilders[]", item_id="Name",
            gone_errors=_NOT_FOUND, created="CreatedTime",
        ),
        details=("instanceType",),
    ),
)  # fmt: skip
