"""AWS Amplify Hosting apps."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

AMPLIFY = "amplify.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Amplify::App", config=True, id_pattern=r"d[0-9a-z]{1,20}",
        calls=(
            created(
                AMPLIFY, "CreateApp", "AWS::Amplify::App", "responseElements.app.appId",
                name="responseElements.app.name", arn_path="responseElements.app.appArn", tags="requestParameters.tags",
                note="keyed by app id, which DeleteApp names", fixture="cloudtrail_amplify_create_app",
            ),
            deleted(AMPLIFY, "DeleteApp", "AWS::Amplify::App", "responseElements.app.appId|requestParameters.appId",
                    fixture="cloudtrail_amplify_delete_app"),
        ),
        arn=Arn("amplify", "apps/{id}"),
        check=one("amplify", "GetApp", {"appId": "{id}"}, "app", gone_errors=gone_on("NotFoundException"),
                  created="createTime"),
        console="https://{region}.console.aws.amazon.com/amplify/home?region={region}#/{id}",
    ),
)  # fmt: skip
