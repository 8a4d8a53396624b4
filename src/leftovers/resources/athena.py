"""Amazon Athena workgroups and capacity reservations (provisioned DPUs, billed by the hour until cancelled),
keyed by name as the Athena API names them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

ATHENA = "athena.amazonaws.com"
# Athena answers a missing workgroup or reservation with its generic InvalidRequestException: the message tells.
_NOT_FOUND = gone_on("InvalidRequestException", message="not found|does not exist")
_NAME = r"[A-Za-z0-9._-]{1,128}"

TYPES = (
    ResourceType(
        "AWS::Athena::WorkGroup", config=True, id_pattern=_NAME,
        calls=(
            created(
                ATHENA, "CreateWorkGroup", "AWS::Athena::WorkGroup", "requestParameters.name",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:athena:{region}:{account}:workgroup/{id}",
            ),
            deleted(ATHENA, "DeleteWorkGroup", "AWS::Athena::WorkGroup", "requestParameters.workGroup"),
        ),
        arn=Arn("athena", "workgroup/{id}"),
        check=one(
            "athena", "GetWorkGroup", {"WorkGroup": "{id}"}, "WorkGroup", gone_errors=_NOT_FOUND,
            created="CreationTime",
        ),
    ),
    ResourceType(
        "AWS::Athena::CapacityReservation", config=False, id_pattern=_NAME,
        calls=(
            created(
                ATHENA, "CreateCapacityReservation", "AWS::Athena::CapacityReservation", "requestParameters.name",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:athena:{region}:{account}:capacity-reservation/{id}",
                details={"targetDpus": "requestParameters.targetDpus"},  # at least 24 DPUs, billed per DPU-hour
                note="keyed by name: neither call returns the ARN CloudFormation keys it by",
                fixture="cloudtrail_athena_create_capacity_reservation",
            ),
            # Cancelling stops the billing; the cancelled reservation is deleted later (or never).
            deleted(ATHENA, "CancelCapacityReservation", "AWS::Athena::CapacityReservation", "requestParameters.name",
                    fixture="cloudtrail_athena_cancel_capacity_reservation"),
            deleted(ATHENA, "DeleteCapacityReservation", "AWS::Athena::CapacityReservation", "requestParameters.name",
                    fixture="cloudtrail_athena_delete_capacity_reservation"),
        ),
        arn=Arn("athena", "capacity-reservation/{id}"),
        check=one(
            "athena", "GetCapacityReservation", {"Name": "{id}"}, "CapacityReservation", gone_errors=_NOT_FOUND,
            state="Status", gone_states=states("CANCELLING", "CANCELLED"), created="CreationTime",
        ),
    ),
)  # fmt: skip
