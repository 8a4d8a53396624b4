"""Amazon CloudWatch Synthetics canaries (each scheduled run is billed, every few minutes, for as long as it exists)."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

SYNTHETICS = "synthetics.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Synthetics::Canary", config=False, id_pattern=r"[0-9a-z_-]{1,255}",
        calls=(
            created(
                SYNTHETICS, "CreateCanary", "AWS::Synthetics::Canary", "responseElements.canary.name",
                name="responseElements.canary.name", arn="arn:{partition}:synthetics:{region}:{account}:canary:{id}",
                tags="requestParameters.tags",
                details={"scheduleExpression": "requestParameters.schedule.expression"},  # runs per hour
                fixture="cloudtrail_synthetics_create_canary",
            ),
            deleted(SYNTHETICS, "DeleteCanary", "AWS::Synthetics::Canary", "requestParameters.name",
                    fixture="cloudtrail_synthetics_delete_canary"),
        ),
        arn=Arn("synthetics", "canary:{id}"),
        check=Describe(  # a name filter: unknown names are left out (GetCanary models no not-found error)
            "synthetics", "DescribeCanaries", "Canaries[]", item_id="Name", ids_param="Names", batch=5,
            state="Status.State", gone_states=states("DELETING"), created="Timeline.Created",
        ),
        details=("scheduleExpression",),
    ),
)  # fmt: skip
