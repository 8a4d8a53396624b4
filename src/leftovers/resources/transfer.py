"""AWS Transfer Family servers and web apps (each protocol or web app unit bills by the hour, even idle)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

TRANSFER = "transfer.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Transfer::Server", config=True, id_pattern=r"s-[0-9a-f]{17}",
        calls=(
            created(
                TRANSFER, "CreateServer", "AWS::Transfer::Server", "responseElements.serverId",
                arn="arn:{partition}:transfer:{region}:{account}:server/{id}", tags="requestParameters.tags",
                details={"endpointType": "requestParameters.endpointType"},
                note="keyed by server id (s-...), which every Transfer call names",
                fixture="cloudtrail_transfer_create_server",
            ),
            deleted(TRANSFER, "DeleteServer", "AWS::Transfer::Server", "requestParameters.serverId",
                    fixture="cloudtrail_transfer_delete_server"),
        ),
        arn=Arn("transfer", "server/{id}"),
        check=one("transfer", "DescribeServer", {"ServerId": "{id}"}, "Server",
                  gone_errors=gone_on("ResourceNotFoundException")),
        details=("endpointType",),
        console="https://{region}.console.aws.amazon.com/transfer/home?region={region}#/servers/{id}",
    ),
    ResourceType(
        "AWS::Transfer::WebApp", config=False, id_pattern=r"webapp-[0-9a-f]{17}",
        calls=(
            created(
                TRANSFER, "CreateWebApp", "AWS::Transfer::WebApp", "responseElements.webAppId",
                arn="arn:{partition}:transfer:{region}:{account}:webapp/{id}", tags="requestParameters.tags",
                details={"webAppUnits": "requestParameters.webAppUnits.provisioned"},  # each unit bills by the hour
                fixture="cloudtrail_transfer_create_web_app",
            ),
            deleted(TRANSFER, "DeleteWebApp", "AWS::Transfer::WebApp", "requestParameters.webAppId",
                    fixture="cloudtrail_transfer_delete_web_app"),
        ),
        arn=Arn("transfer", "webapp/{id}"),
        check=one("transfer", "DescribeWebApp", {"WebAppId": "{id}"}, "WebApp",
                  gone_errors=gone_on("ResourceNotFoundException")),
        details=("webAppUnits",),
    ),
)  # fmt: skip
