"""Amazon GuardDuty detectors (billed by the volume of logs they analyse while enabled)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

GUARDDUTY = "guardduty.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::GuardDuty::Detector", config=True, id_pattern=r"[0-9a-f]{32}",
        calls=(
            created(
                GUARDDUTY, "CreateDetector", "AWS::GuardDuty::Detector", "responseElements.detectorId",
                arn="arn:{partition}:guardduty:{region}:{account}:detector/{id}", tags="requestParameters.tags",
                fixture="cloudtrail_guardduty_create_detector",
            ),
            deleted(GUARDDUTY, "DeleteDetector", "AWS::GuardDuty::Detector", "requestParameters.detectorId",
                    fixture="cloudtrail_guardduty_delete_detector"),
        ),
        arn=Arn("guardduty", "detector/{id}"),
        check=one(  # GuardDuty answers a deleted detector's id as a bad request naming it
            "guardduty", "GetDetector", {"DetectorId": "{id}"}, "",
            gone_errors=gone_on("BadRequestException", message=r"(?i)not owned|not found|does not exist"),
            created="CreatedAt",
        ),
        console="https://{region}.console.aws.amazon.com/guardduty/home?region={region}#/summary",
    ),
)  # fmt: skip
