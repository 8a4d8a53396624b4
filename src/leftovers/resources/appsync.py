"""AWS AppSync GraphQL APIs and their caches (a cache bills by the hour for its instance type)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

APPSYNC = "appsync.amazonaws.com"
_NOT_FOUND = gone_on("NotFoundException")

TYPES = (
    ResourceType(
        "AWS::AppSync::GraphQLApi", config=True, id_pattern=r"[a-z0-9]{26}",
        calls=(
            created(
                APPSYNC, "CreateGraphqlApi", "AWS::AppSync::GraphQLApi", "responseElements.graphqlApi.apiId",
                name="responseElements.graphqlApi.name", arn_path="responseElements.graphqlApi.arn",
                tags="requestParameters.tags", fixture="cloudtrail_appsync_create_graphql_api",
            ),
            deleted(APPSYNC, "DeleteGraphqlApi", "AWS::AppSync::GraphQLApi", "requestParameters.apiId",
                    fixture="cloudtrail_appsync_delete_graphql_api"),
        ),
        arn=Arn("appsync", "apis/{id}"),
        check=one("appsync", "GetGraphqlApi", {"apiId": "{id}"}, "graphqlApi", gone_errors=_NOT_FOUND),
        console="https://{region}.console.aws.amazon.com/appsync/home?region={region}#/{id}/v1/home",
    ),
    ResourceType(
        # One cache per API: keyed by the API's id, which is all the cache calls name.
        "AWS::AppSync::ApiCache", config=True, id_pattern=r"[a-z0-9]{26}",
        calls=(
            created(
                APPSYNC, "CreateApiCache", "AWS::AppSync::ApiCache", "requestParameters.apiId",
                details={"type": "requestParameters.type"}, fixture="cloudtrail_appsync_create_api_cache",
            ),
            deleted(APPSYNC, "DeleteApiCache", "AWS::AppSync::ApiCache", "requestParameters.apiId",
                    fixture="cloudtrail_appsync_delete_api_cache"),
        ),
        check=one(
            "appsync", "GetApiCache", {"apiId": "{id}"}, "apiCache", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"),
        ),
        tagging=False, details=("type",),
    ),
)  # fmt: skip
