"""Amazon API Gateway v2 VPC links (HTTP APIs' private integrations: each keeps network interfaces in the VPC)."""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one, states

APIGATEWAY = "apigateway.amazonaws.com"
_V2 = "REST APIs (v1) make VPC links with the same event name and targetArns instead of subnetIds"

TYPES = (
    ResourceType(
        "AWS::ApiGatewayV2::VpcLink", config=False, id_pattern=r"[a-z0-9]+",
        calls=(
            created(
                APIGATEWAY, "CreateVpcLink", "AWS::ApiGatewayV2::VpcLink", "responseElements.vpcLinkId",
                name="responseElements.name", arn="arn:{partition}:apigateway:{region}::/vpclinks/{id}",
                tags="requestParameters.tags", when="requestParameters.subnetIds", note=_V2,
                fixture="cloudtrail_apigatewayv2_create_vpc_link",
            ),
            deleted(
                APIGATEWAY, "DeleteVpcLink", "AWS::ApiGatewayV2::VpcLink", "requestParameters.vpcLinkId",
                note="v1 and v2 deletions look alike; a v1 link's id was never recorded as a v2 one",
                fixture="cloudtrail_apigatewayv2_delete_vpc_link",
            ),
        ),
        # No ARN shape: REST API (v1) VPC links have the same one, and GetVpcLink (v2) does not know them.
        check=one(
            "apigatewayv2", "GetVpcLink", {"VpcLinkId": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
            state="VpcLinkStatus", gone_states=states("DELETING"), created="CreatedDate",
            permission="apigateway:GET",  # API Gateway's IAM actions are HTTP verbs
        ),
    ),
)  # fmt: skip
