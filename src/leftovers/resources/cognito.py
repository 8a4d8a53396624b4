"""Amazon Cognito user pools (Plus and Essentials tiers and advanced security bill per active user)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

COGNITO_IDP = "cognito-idp.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Cognito::UserPool", config=True, id_pattern=r"[\w-]+_[0-9a-zA-Z]+",
        calls=(
            created(
                COGNITO_IDP, "CreateUserPool", "AWS::Cognito::UserPool", "responseElements.userPool.id",
                name="responseElements.userPool.name|requestParameters.poolName",
                arn_path="responseElements.userPool.arn", tags="requestParameters.userPoolTags",
                details={"userPoolTier": "responseElements.userPool.userPoolTier"},
                fixture="cloudtrail_cognito_create_user_pool",
            ),
            deleted(COGNITO_IDP, "DeleteUserPool", "AWS::Cognito::UserPool", "requestParameters.userPoolId",
                    fixture="cloudtrail_cognito_delete_user_pool"),
        ),
        arn=Arn("cognito-idp", "userpool/{id}"),
        check=one(
            "cognito-idp", "DescribeUserPool", {"UserPoolId": "{id}"}, "UserPool",
            gone_errors=gone_on("ResourceNotFoundException"), created="CreationDate",
        ),
        details=("userPoolTier",),
        console="https://{region}.console.aws.amazon.com/cognito/v2/idp/user-pools/{id}/overview?region={region}",
    ),
)  # fmt: skip
