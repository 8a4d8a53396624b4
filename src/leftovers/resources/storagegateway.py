"""AWS Storage Gateway gateways (keyed by ARN, as every Storage Gateway call names them)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

STORAGEGATEWAY = "storagegateway.amazonaws.com"

TYPES = (
    ResourceType(
        # Neither a CloudFormation nor a Config type: only its own describe call can check it.
        "AWS::StorageGateway::Gateway", config=False,
        id_pattern=r"arn:[\w-]+:storagegateway:[\w-]+:\d+:gateway/sgw-[0-9A-F]+",
        calls=(
            created(
                STORAGEGATEWAY, "ActivateGateway", "AWS::StorageGateway::Gateway", "responseElements.gatewayARN",
                name="requestParameters.gatewayName", arn_path="responseElements.gatewayARN",
                tags="requestParameters.tags", details={"gatewayType": "requestParameters.gatewayType"},
                fixture="cloudtrail_storagegateway_activate_gateway",
            ),
            deleted(
                STORAGEGATEWAY, "DeleteGateway", "AWS::StorageGateway::Gateway",
                "responseElements.gatewayARN|requestParameters.gatewayARN",
                fixture="cloudtrail_storagegateway_delete_gateway",
            ),
        ),
        arn=Arn("storagegateway", "gateway/sgw-[0-9A-F]+"),
        check=one(  # an unreachable gateway answers "is not connected": only "not found" means gone
            "storagegateway", "DescribeGatewayInformation", {"GatewayARN": "{id}"}, "",
            gone_errors=gone_on("InvalidGatewayRequestException", message=r"(?i)not found|does not exist"),
        ),
        details=("gatewayType",),
    ),
)  # fmt: skip
