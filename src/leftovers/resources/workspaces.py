"""Amazon WorkSpaces desktops and pools (AlwaysOn ones bill monthly, AutoStop ones their storage plus hours)."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, gone_on, one, states

WORKSPACES = "workspaces.amazonaws.com"
_PENDING = "responseElements.pendingRequests[]"

TYPES = (
    ResourceType(
        "AWS::WorkSpaces::Workspace", config=True, id_pattern=r"ws-[0-9a-z]+",
        calls=(
            created(  # one call makes many; the ones AWS refused are under failedRequests, not here
                WORKSPACES, "CreateWorkspaces", "AWS::WorkSpaces::Workspace", f"{_PENDING}.workspaceId",
                name=f"{_PENDING}.userName", arn="arn:{partition}:workspaces:{region}:{account}:workspace/{id}",
                details={
                    "runningMode": f"{_PENDING}.workspaceProperties.runningMode",
                    "computeTypeName": f"{_PENDING}.workspaceProperties.computeTypeName",
                    "bundleId": f"{_PENDING}.bundleId",
                },
                when="responseElements.pendingRequests",  # a call whose every request failed made nothing
                fixture="cloudtrail_workspaces_create_workspaces",
            ),
            deleted(
                WORKSPACES, "TerminateWorkspaces", "AWS::WorkSpaces::Workspace",
                "requestParameters.terminateWorkspaceRequests[].workspaceId",
                skip_if="responseElements.failedRequests",
                note="a call in which some terminations failed names no failed id: it is left to reconcile",
                fixture="cloudtrail_workspaces_terminate_workspaces",
            ),
        ),
        arn=Arn("workspaces", "workspace/{id}"),
        check=Describe(
            "workspaces", "DescribeWorkspaces", "Workspaces[]", item_id="WorkspaceId", ids_param="WorkspaceIds",
            batch=25, state="State", gone_states=states("TERMINATING", "TERMINATED"),
        ),
        details=("runningMode", "computeTypeName", "bundleId"),
    ),
    ResourceType(
        "AWS::WorkSpaces::WorkspacesPool", config=False, id_pattern=r"wspool-[0-9a-z]+",
        calls=(
            created(
                WORKSPACES, "CreateWorkspacesPool", "AWS::WorkSpaces::WorkspacesPool",
                "responseElements.workspacesPool.poolId", name="responseElements.workspacesPool.poolName",
                arn_path="responseElements.workspacesPool.poolArn", tags="requestParameters.tags",
                details={
                    "runningMode": "responseElements.workspacesPool.runningMode",
                    "desiredUserSessions": "requestParameters.capacity.desiredUserSessions",
                    "bundleId": "requestParameters.bundleId",
                },
                fixture="cloudtrail_workspaces_create_workspaces_pool",
            ),
            deleted(WORKSPACES, "TerminateWorkspacesPool", "AWS::WorkSpaces::WorkspacesPool",
                    "requestParameters.poolId", fixture="cloudtrail_workspaces_terminate_workspaces_pool"),
        ),
        arn=Arn("workspaces", "workspacespool/{id}"),
        check=one(
            "workspaces", "DescribeWorkspacesPools", {"PoolIds": ("{id}",)}, "WorkspacesPools[]", item_id="PoolId",
            gone_errors=gone_on("ResourceNotFoundException"), state="State", gone_states=states("DELETING"),
            created="CreatedAt",
        ),
        details=("runningMode", "desiredUserSessions", "bundleId"),
    ),
)  # fmt: skip
