"""AWS Cloud9 EC2 environments (an EC2 instance and its volume, billed while it runs and its storage always)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

CLOUD9 = "cloud9.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Cloud9::EnvironmentEC2", config=True, id_pattern=r"[0-9a-f]{32}",
        calls=(
            created(
                CLOUD9, "CreateEnvironmentEC2", "AWS::Cloud9::EnvironmentEC2", "responseElements.environmentId",
                name="requestParameters.name", arn="arn:{partition}:cloud9:{region}:{account}:environment:{id}",
                tags="requestParameters.tags", details={"instanceType": "requestParameters.instanceType"},
                fixture="cloudtrail_cloud9_create_environment_ec2",
            ),
            deleted(CLOUD9, "DeleteEnvironment", "AWS::Cloud9::EnvironmentEC2", "requestParameters.environmentId",
                    fixture="cloudtrail_cloud9_delete_environment"),
        ),
        arn=Arn("cloud9", "environment:{id}"),
        check=one(
            "cloud9", "DescribeEnvironments", {"environmentIds": ("{id}",)}, "environments[]", item_id="id",
            gone_errors=gone_on("NotFoundException"), state="lifecycle.status", gone_states=states("DELETING"),
        ),
        # Not priced: the instance stops after its idle minutes, so hours times its rate would overstate it.
        details=("instanceType",),
    ),
)  # fmt: skip
