"""Amazon EC2 capacity that bills or keeps launching while idle: capacity reservations, Dedicated Hosts, EC2 Fleets
and Spot Fleet requests."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/ec2/home?region={region}#"
_RESERVATION = "responseElements.CreateCapacityReservationResponse.capacityReservation."
# Both renderings of the fleet calls' responses: wrapped in <Call>Response (as CloudTrail logs the newer EC2 APIs)
# and flat (as it logs the older ones).
_SPOT_CREATED = "responseElements.RequestSpotFleetResponse.spotFleetRequestId|responseElements.spotFleetRequestId"
_SPOT_CANCELLED = (
    "responseElements.CancelSpotFleetRequestsResponse.successfulFleetRequestSet.item[].spotFleetRequestId"
    "|responseElements.successfulFleetRequestSet.items[].spotFleetRequestId"
)
_NOTE_BY_RESPONSE = "only the ids the response lists as successful: one that failed to go stays open"

TYPES = (
    # A reservation bills its instance type's on-demand rate for every reserved instance, used or not.
    ResourceType(
        "AWS::EC2::CapacityReservation", config=True, id_pattern=r"cr-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateCapacityReservation", "AWS::EC2::CapacityReservation",
                _RESERVATION + "capacityReservationId", arn_path=_RESERVATION + "capacityReservationArn",
                details={"instanceType": _RESERVATION + "instanceType",
                         "totalInstanceCount": _RESERVATION + "totalInstanceCount"},
            ),
            deleted(
                EC2, "CancelCapacityReservation", "AWS::EC2::CapacityReservation",
                "requestParameters.CancelCapacityReservationRequest.CapacityReservationId",
                note="a cancelled reservation stops billing: it counts as deleted",
            ),
            *ec2_tags("AWS::EC2::CapacityReservation"),
        ),
        arn=Arn("ec2", "capacity-reservation/{id}"),
        check=one(
            "ec2", "DescribeCapacityReservations", {"CapacityReservationIds": ("{id}",)}, "CapacityReservations[]",
            item_id="CapacityReservationId", gone_errors=gone_on("InvalidCapacityReservationId.NotFound"),
            state="State", gone_states=states("cancelled", "cancelling", "expired", "failed"), created="CreateDate",
        ),
        cost=pricing.nodes("ec2", "instanceType", "totalInstanceCount"),
        details=("instanceType", "totalInstanceCount"),
        console=_CONSOLE + "CapacityReservationDetails:crId={id}",
    ),
    # A host bills by the hour from allocation to release, with or without instances on it.
    ResourceType(
        "AWS::EC2::Host", config=True, id_pattern=r"h-[0-9a-f]+",
        calls=(
            created(EC2, "AllocateHosts", "AWS::EC2::Host", "responseElements.AllocateHostsResponse.hostIdSet.item[]"
                    "|responseElements.hostIdSet.items[].hostId|responseElements.hostIdSet.item[]",
                    arn=_ARN + "dedicated-host/{id}",
                    details={"instanceType": "requestParameters.AllocateHostsRequest.InstanceType"},
                    note="one change per allocated host"),
            deleted(EC2, "ReleaseHosts", "AWS::EC2::Host", "responseElements.ReleaseHostsResponse.successful.item[]"
                    "|responseElements.successful.item[]",
                    note=_NOTE_BY_RESPONSE),
            *ec2_tags("AWS::EC2::Host"),
        ),
        arn=Arn("ec2", "dedicated-host/{id}"),
        check=one(
            "ec2", "DescribeHosts", {"HostIds": ("{id}",)}, "Hosts[]", item_id="HostId",
            gone_errors=gone_on("InvalidHostID.NotFound"), state="State",
            gone_states=states("released", "released-permanent-failure"), created="AllocationTime",
        ),
        details=("hostProperties.instanceType",),
        console=_CONSOLE + "HostDetails:hostId={id}",
    ),
    # A fleet of type maintain keeps relaunching instances until it is deleted.
    ResourceType(
        "AWS::EC2::EC2Fleet", config=True, id_pattern=r"fleet-[0-9a-f-]+",
        calls=(
            created(EC2, "CreateFleet", "AWS::EC2::EC2Fleet", "responseElements.CreateFleetResponse.fleetId",
                    arn=_ARN + "fleet/{id}"),
            deleted(EC2, "DeleteFleets", "AWS::EC2::EC2Fleet",
                    "responseElements.DeleteFleetsResponse.successfulFleetDeletionSet.item[].fleetId",
                    note=_NOTE_BY_RESPONSE),
            *ec2_tags("AWS::EC2::EC2Fleet"),
        ),
        arn=Arn("ec2", "fleet/{id}"),
        check=one(
            "ec2", "DescribeFleets", {"FleetIds": ("{id}",)}, "Fleets[]", item_id="FleetId",
            gone_errors=gone_on("InvalidFleetId.NotFound"), state="FleetState",
            gone_states=states("deleted", "deleted_running", "deleted_terminating"), created="CreateTime",
        ),
    ),
    ResourceType(
        "AWS::EC2::SpotFleet", config=True, id_pattern=r"sfr-[0-9a-f-]+",
        calls=(
            created(EC2, "RequestSpotFleet", "AWS::EC2::SpotFleet", _SPOT_CREATED,
                    arn=_ARN + "spot-fleet-request/{id}"),
            deleted(EC2, "CancelSpotFleetRequests", "AWS::EC2::SpotFleet", _SPOT_CANCELLED,
                    note=_NOTE_BY_RESPONSE),
            *ec2_tags("AWS::EC2::SpotFleet"),
        ),
        arn=Arn("ec2", "spot-fleet-request/{id}"),
        check=one(
            "ec2", "DescribeSpotFleetRequests", {"SpotFleetRequestIds": ("{id}",)}, "SpotFleetRequestConfigs[]",
            item_id="SpotFleetRequestId", gone_errors=gone_on("InvalidSpotFleetRequestId.NotFound"),
            state="SpotFleetRequestState",
            gone_states=states("cancelled", "cancelled_running", "cancelled_terminating"), created="CreateTime",
        ),
    ),
)  # fmt: skip
