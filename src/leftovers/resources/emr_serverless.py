"""Amazon EMR Serverless applications (pre-initialized capacity bills while the application is started), keyed by
application id as Config and the API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EMR_SERVERLESS = "emr-serverless.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::EMRServerless::Application", config=True, id_pattern=r"[0-9a-z]{16}",
        calls=(
            created(
                EMR_SERVERLESS, "CreateApplication", "AWS::EMRServerless::Application",
                "responseElements.applicationId", name="requestParameters.name", arn_path="responseElements.arn",
                tags="requestParameters.tags", details={"type": "requestParameters.type"},
                fixture="cloudtrail_emr_serverless_create_application",
            ),
            deleted(EMR_SERVERLESS, "DeleteApplication", "AWS::EMRServerless::Application",
                    "requestParameters.applicationId", fixture="cloudtrail_emr_serverless_delete_application"),
        ),
        arn=Arn("emr-serverless", "/applications/{id}"),
        check=one(
            "emr-serverless", "GetApplication", {"applicationId": "{id}"}, "application",
            gone_errors=gone_on("ResourceNotFoundException"), state="state", gone_states=states("TERMINATED"),
            created="createdAt",
        ),
        details=("Type",),
    ),
)  # fmt: skip
