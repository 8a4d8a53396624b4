"""AWS Glue Data Catalog databases and ML transforms (FindMatches), keyed as Config keys them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted
from leftovers.resources.glue import GLUE, NAME, get

TYPES = (
    ResourceType(
        "AWS::Glue::Database", config=True, id_pattern=NAME,
        calls=(
            created(
                GLUE, "CreateDatabase", "AWS::Glue::Database", "requestParameters.databaseInput.name",
                name="requestParameters.databaseInput.name", tags="requestParameters.tags",
                arn="arn:{partition}:glue:{region}:{account}:database/{id}",
                note="keyed by name in the account's default catalog",
                fixture="cloudtrail_glue_create_database",
            ),
            deleted(GLUE, "DeleteDatabase", "AWS::Glue::Database", "requestParameters.name",
                    fixture="cloudtrail_glue_delete_database"),
        ),
        arn=Arn("glue", "database/{id}"),
        check=get("GetDatabase", "Name", "Database", "CreateTime"),
    ),
    ResourceType(
        "AWS::Glue::MLTransform", config=True, id_pattern=r"tfm-[0-9a-f]+",
        calls=(
            created(
                GLUE, "CreateMLTransform", "AWS::Glue::MLTransform", "responseElements.transformId",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:glue:{region}:{account}:mlTransform/{id}",
                details={"workerType": "requestParameters.workerType",
                         "numberOfWorkers": "requestParameters.numberOfWorkers"},
            ),
            deleted(GLUE, "DeleteMLTransform", "AWS::Glue::MLTransform",
                    "responseElements.transformId|requestParameters.transformId"),
        ),
        arn=Arn("glue", "mlTransform/{id}"),
        check=get("GetMLTransform", "TransformId", "", "CreatedOn"),
    ),
)  # fmt: skip
