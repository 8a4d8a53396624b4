"""Amazon Redshift Serverless workgroups (compute), namespaces and snapshots (storage), keyed by name as the API
names them.

Their ARNs carry a generated uuid instead of the name, so they declare no ARN shape (not adopted by ARN).
"""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one, states

SERVERLESS = "redshift-serverless.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")

TYPES = (
    ResourceType(
        "AWS::RedshiftServerless::Workgroup", config=False, id_pattern=r"[a-z0-9-]{3,64}",
        calls=(
            created(
                SERVERLESS, "CreateWorkgroup", "AWS::RedshiftServerless::Workgroup", "requestParameters.workgroupName",
                name="requestParameters.workgroupName", arn_path="responseElements.workgroup.workgroupArn",
                tags="requestParameters.tags",
                details={"baseCapacity": "responseElements.workgroup.baseCapacity|requestParameters.baseCapacity"},
                fixture="cloudtrail_redshift_serverless_create_workgroup",
            ),
            deleted(SERVERLESS, "DeleteWorkgroup", "AWS::RedshiftServerless::Workgroup",
                    "requestParameters.workgroupName", fixture="cloudtrail_redshift_serverless_delete_workgroup"),
        ),
        check=one(
            "redshift-serverless", "GetWorkgroup", {"workgroupName": "{id}"}, "workgroup", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"), created="creationDate",
        ),
    ),
    ResourceType(
        "AWS::RedshiftServerless::Namespace", config=False, id_pattern=r"[a-z0-9-]{3,64}",
        calls=(
            created(
                SERVERLESS, "CreateNamespace", "AWS::RedshiftServerless::Namespace", "requestParameters.namespaceName",
                name="requestParameters.namespaceName", arn_path="responseElements.namespace.namespaceArn",
                tags="requestParameters.tags", fixture="cloudtrail_redshift_serverless_create_namespace",
            ),
            deleted(SERVERLESS, "DeleteNamespace", "AWS::RedshiftServerless::Namespace",
                    "requestParameters.namespaceName", fixture="cloudtrail_redshift_serverless_delete_namespace"),
        ),
        check=one(
            "redshift-serverless", "GetNamespace", {"namespaceName": "{id}"}, "namespace", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"), created="creationDate",
        ),
    ),
    ResourceType(
        # Manual snapshots are kept (and billed by the GB-month) until deleted or their retention ends.
        "AWS::RedshiftServerless::Snapshot", config=False, id_pattern=r"[A-Za-z0-9-]{1,255}",
        calls=(
            created(
                SERVERLESS, "CreateSnapshot", "AWS::RedshiftServerless::Snapshot", "requestParameters.snapshotName",
                name="requestParameters.snapshotName", arn_path="responseElements.snapshot.snapshotArn",
                tags="requestParameters.tags", fixture="cloudtrail_redshift_serverless_create_snapshot",
            ),
            deleted(SERVERLESS, "DeleteSnapshot", "AWS::RedshiftServerless::Snapshot", "requestParameters.snapshotName",
                    fixture="cloudtrail_redshift_serverless_delete_snapshot"),
        ),
        check=one(
            "redshift-serverless", "GetSnapshot", {"snapshotName": "{id}"}, "snapshot", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETED"), created="snapshotCreateTime",
        ),
    ),
)  # fmt: skip
