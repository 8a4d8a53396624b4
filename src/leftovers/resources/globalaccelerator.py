"""AWS Global Accelerator accelerators (keyed by ARN; the service lives in us-west-2): a fixed fee by the hour."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

ACCELERATOR = "globalaccelerator.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::GlobalAccelerator::Accelerator", config=True,
        id_pattern=r"arn:[\w-]+:globalaccelerator::\d+:accelerator/[0-9a-f-]+",
        calls=(
            created(
                ACCELERATOR, "CreateAccelerator", "AWS::GlobalAccelerator::Accelerator",
                "responseElements.accelerator.acceleratorArn", name="responseElements.accelerator.name",
                arn_path="responseElements.accelerator.acceleratorArn", tags="requestParameters.tags",
            ),
            deleted(
                ACCELERATOR, "DeleteAccelerator", "AWS::GlobalAccelerator::Accelerator",
                "requestParameters.acceleratorArn",
            ),
        ),
        arn=Arn("globalaccelerator", "accelerator/[0-9a-f-]+"),
        check=one(
            "globalaccelerator", "DescribeAccelerator", {"AcceleratorArn": "{id}"}, "Accelerator",
            gone_errors=gone_on("AcceleratorNotFoundException"), created="CreatedTime",
        ),
        cost=pricing.flat("global_accelerator"),
    ),
)  # fmt: skip
