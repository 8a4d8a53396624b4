"""Amazon EC2 capacity that bills whether or not anything runs on it: Dedicated Hosts and Capacity Reservations."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_RESERVATION = "responseElements.CreateCapacityReservationResponse.capacityReservation."

TYPES = (
    ResourceType(
        "AWS::EC2::Host", config=True, id_pattern=r"h-[0-9a-f]+",
        calls=(
            created(
                EC2, "AllocateHosts", "AWS::EC2::Host",
                "responseElements.hostIdSet.items[].hostId|responseElements.hostIdSet.item[]",
                arn=_ARN + "dedicated-host/{id}", details={"instanceType": "requestParameters.instanceType"},
                note="one change per host allocated (quantity)",
            ),
            deleted(
                EC2, "ReleaseHosts", "AWS::EC2::Host",
                "responseElements.successful.item[]|requestParameters.hostIdSet.items[].hostId",
                note="the hosts the call released; ones it could not are listed as unsuccessful",
            ),
            *ec2_tags("AWS::EC2::Host"),
        ),
        arn=Arn("ec2", "dedicated-host/{id}"),
        # DescribeHosts has no host-id filter and fails a whole batch on one unknown id: one call per host.
        check=one(
            "ec2", "DescribeHosts", {"HostIds": ("{id}",)}, "Hosts[]", gone_errors=gone_on("InvalidHostID.NotFound"),
            state="State", gone_states=states("released", "released-permanent-failure"), created="AllocationTime",
        ),
    ),
    ResourceType(
        "AWS::EC2::CapacityReservation", config=True, id_pattern=r"cr-[0-9a-f]+",
        calls=(
            created(
                EC2, "CreateCapacityReservation", "AWS::EC2::CapacityReservation",
                _RESERVATION + "capacityReservationId", arn_path=_RESERVATION + "capacityReservationArn",
                details={
                    "instanceType": _RESERVATION + "instanceType",
                    "instanceCount": _RESERVATION + "totalInstanceCount",
                },
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
            gone_errors=gone_on("InvalidCapacityReservationId.NotFound"), state="State",
            gone_states=states("cancelled", "cancelling", "expired", "failed"), created="CreateDate",
        ),
        # An unused reservation bills as the instances it holds, at the on-demand rate.
        cost=pricing.nodes("ec2", "instanceType", "instanceCount"),
    ),
)  # fmt: skip
