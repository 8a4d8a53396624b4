"""Amazon Lightsail instances (keyed by name, as the Lightsail API names them; AWS Config does not record them)."""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one

LIGHTSAIL = "lightsail.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Lightsail::Instance", config=False, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]*",
        calls=(
            created(
                LIGHTSAIL, "CreateInstances", "AWS::Lightsail::Instance", "requestParameters.instanceNames[]",
                name="requestParameters.instanceNames[]", tags="requestParameters.tags",
                details={"bundleId": "requestParameters.bundleId"}, note="one change per instance named",
            ),
            deleted(LIGHTSAIL, "DeleteInstance", "AWS::Lightsail::Instance", "requestParameters.instanceName"),
        ),
        check=one(
            "lightsail", "GetInstance", {"instanceName": "{id}"}, "instance", gone_errors=gone_on("NotFoundException"),
            created="createdAt",
        ),
    ),
)  # fmt: skip
