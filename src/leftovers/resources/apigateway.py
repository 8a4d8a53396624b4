"""Amazon API Gateway REST APIs (v1) and HTTP/WebSocket APIs (v2)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

APIGATEWAY = "apigateway.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ApiGateway::RestApi", config=True, id_pattern=r"[a-z0-9]+",
        calls=(
            created(
                APIGATEWAY, "CreateRestApi", "AWS::ApiGateway::RestApi", "responseElements.id",
                name="responseElements.name|requestParameters.name",
                arn="arn:{partition}:apigateway:{region}::/restapis/{id}", tags="requestParameters.tags",
            ),
            deleted(APIGATEWAY, "DeleteRestApi", "AWS::ApiGateway::RestApi", "requestParameters.restApiId"),
        ),
        arn=Arn("apigateway", "/restapis/{id}"),
        check=one("apigateway", "GetRestApi", {"restApiId": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
                  created="createdDate", permission="apigateway:GET"),
    ),
    ResourceType(
        "AWS::ApiGatewayV2::Api", config=True, id_pattern=r"[a-z0-9]+",
        calls=(
            created(
                APIGATEWAY, "CreateApi", "AWS::ApiGatewayV2::Api", "responseElements.apiId",
                name="responseElements.name|requestParameters.name",
                arn="arn:{partition}:apigateway:{region}::/apis/{id}", tags="requestParameters.tags",
            ),
            deleted(APIGATEWAY, "DeleteApi", "AWS::ApiGatewayV2::Api", "requestParameters.apiId"),
        ),
        check=one("apigatewayv2", "GetApi", {"ApiId": "{id}"}, "", gone_errors=gone_on("NotFoundException"),
                  created="CreatedDate", permission="apigateway:GET"),
    ),
)  # fmt: skip
