"""Amazon GameLift fleets and container fleets (EC2 instances billed by the hour while the fleet keeps any)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

GAMELIFT = "gamelift.amazonaws.com"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        "AWS::GameLift::Fleet", config=False, id_pattern="fleet-" + _UUID,
        calls=(
            created(
                GAMELIFT, "CreateFleet", "AWS::GameLift::Fleet", "responseElements.fleetAttributes.fleetId",
                name="responseElements.fleetAttributes.name", arn_path="responseElements.fleetAttributes.fleetArn",
                tags="requestParameters.tags",
                details={  # GameLift's own hourly rates, not EC2's: listed, not priced
                    "instanceType": "responseElements.fleetAttributes.instanceType",
                    "fleetType": "responseElements.fleetAttributes.fleetType",
                },
                fixture="cloudtrail_gamelift_create_fleet",
            ),
            deleted(
                GAMELIFT, "DeleteFleet", "AWS::GameLift::Fleet", "requestParameters.fleetId",
                id_regex=r":fleet/(fleet-[0-9a-f-]+)$", note="the fleet may be named by ARN",
                fixture="cloudtrail_gamelift_delete_fleet",
            ),
        ),
        arn=Arn("gamelift", "fleet/{id}"),
        check=one(
            "gamelift", "DescribeFleetAttributes", {"FleetIds": ("{id}",)}, "FleetAttributes[]", item_id="FleetId",
            gone_errors=gone_on("NotFoundException"), state="Status", gone_states=states("DELETING", "TERMINATED"),
            created="CreationTime",
        ),
        details=("instanceType", "fleetType"),
    ),
    ResourceType(
        "AWS::GameLift::ContainerFleet", config=False, id_pattern="containerfleet-" + _UUID,
        calls=(
            created(
                GAMELIFT, "CreateContainerFleet", "AWS::GameLift::ContainerFleet",
                "responseElements.containerFleet.fleetId", arn_path="responseElements.containerFleet.fleetArn",
                tags="requestParameters.tags",
                details={
                    "instanceType": "responseElements.containerFleet.instanceType",
                    "billingType": "responseElements.containerFleet.billingType",
                },
                fixture="cloudtrail_gamelift_create_container_fleet",
            ),
            deleted(
                GAMELIFT, "DeleteContainerFleet", "AWS::GameLift::ContainerFleet", "requestParameters.fleetId",
                id_regex=r":containerfleet/(containerfleet-[0-9a-f-]+)$", note="the fleet may be named by ARN",
                fixture="cloudtrail_gamelift_delete_container_fleet",
            ),
        ),
        arn=Arn("gamelift", "containerfleet/{id}"),
        check=one(
            "gamelift", "DescribeContainerFleet", {"FleetId": "{id}"}, "ContainerFleet",
            gone_errors=gone_on("NotFoundException"), state="Status", gone_states=states("DELETING"),
            created="CreationTime",
        ),
        details=("instanceType", "billingType"),
    ),
)  # fmt: skip
