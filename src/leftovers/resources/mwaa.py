"""Amazon Managed Workflows for Apache Airflow (MWAA) environments: billed by the hour per environment class while
they exist, keyed by name as the MWAA API names them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

AIRFLOW = "airflow.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::MWAA::Environment", config=False, id_pattern=r"[A-Za-z][0-9A-Za-z_-]{0,79}",
        calls=(
            created(
                AIRFLOW, "CreateEnvironment", "AWS::MWAA::Environment", "requestParameters.name",
                name="requestParameters.name", arn_path="responseElements.arn", tags="requestParameters.tags",
                details={"environmentClass": "requestParameters.environmentClass",
                         "minWorkers": "requestParameters.minWorkers"},
                fixture="cloudtrail_mwaa_create_environment",
            ),
            deleted(AIRFLOW, "DeleteEnvironment", "AWS::MWAA::Environment", "requestParameters.name",
                    fixture="cloudtrail_mwaa_delete_environment"),
        ),
        arn=Arn("airflow", "environment/{id}"),
        check=one(
            "mwaa", "GetEnvironment", {"Name": "{id}"}, "Environment", gone_errors=gone_on("ResourceNotFoundException"),
            state="Status", gone_states=states("DELETING", "DELETED"), created="CreatedAt",
            permission="airflow:GetEnvironment",
        ),
        console="https://{region}.console.aws.amazon.com/mwaa/home?region={region}#environments/{id}",
    ),
)  # fmt: skip
