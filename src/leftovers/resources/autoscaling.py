"""Amazon EC2 Auto Scaling groups."""

from __future__ import annotations

from leftovers.resources import Describe, ResourceType, created, deleted, states

ASG = "autoscaling.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::AutoScaling::AutoScalingGroup", config=True, id_pattern=r"[^:]+",
        calls=(
            created(
                ASG, "CreateAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup",
                "requestParameters.autoScalingGroupName", name="requestParameters.autoScalingGroupName",
                tags="requestParameters.tags",
                note="keyed by name; the Config parser keys its ARN-named groups by the name too (name_in_arn)",
            ),
            deleted(
                ASG, "DeleteAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup",
                "requestParameters.autoScalingGroupName",
            ),
        ),
        check=Describe(
            "autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroups[]", item_id="AutoScalingGroupName",
            ids_param="AutoScalingGroupNames", batch=50, state="Status", gone_states=states("Delete in progress"),
            created="CreatedTime",
        ),
        name_in_arn=r"^arn:[^:]+:autoscaling:.*:autoScalingGroupName/(.+)$",
    ),
)  # fmt: skip
