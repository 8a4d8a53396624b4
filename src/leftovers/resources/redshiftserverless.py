"""Amazon Redshift Serverless workgroups (keyed by name, as DeleteWorkgroup names them)."""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one, states

SERVERLESS = "redshift-serverless.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::RedshiftServerless::Workgroup", config=False, id_pattern=r"[a-z0-9-]{3,64}",
        calls=(
            created(
                SERVERLESS, "CreateWorkgroup", "AWS::RedshiftServerless::Workgroup",
                "responseElements.workgroup.workgroupName|requestParameters.workgroupName",
                name="responseElements.workgroup.workgroupName", arn_path="responseElements.workgroup.workgroupArn",
                tags="requestParameters.tags", details={"baseCapacity": "responseElements.workgroup.baseCapacity"},
            ),
            deleted(
                SERVERLESS, "DeleteWorkgroup", "AWS::RedshiftServerless::Workgroup", "requestParameters.workgroupName",
            ),
        ),
        check=one(
            "redshift-serverless", "GetWorkgroup", {"workgroupName": "{id}"}, "workgroup",
            gone_errors=gone_on("ResourceNotFoundException"), state="status", gone_states=states("DELETING"),
            created="creationDate",
        ),
    ),
)  # fmt: skip
