"""AWS CodeBuild projects and reserved-capacity fleets."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted

CODEBUILD = "codebuild.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::CodeBuild::Project", config=True, id_pattern=r"[A-Za-z0-9][A-Za-z0-9_-]{1,254}",
        calls=(
            created(
                CODEBUILD, "CreateProject", "AWS::CodeBuild::Project", "responseElements.project.name",
                name="responseElements.project.name", arn_path="responseElements.project.arn",
                tags="requestParameters.tags",
                details={"computeType": "requestParameters.environment.computeType"},
                note="keyed by project name (unique per account and region), which DeleteProject names",
                fixture="cloudtrail_codebuild_create_project",
            ),
            deleted(CODEBUILD, "DeleteProject", "AWS::CodeBuild::Project", "requestParameters.name",
                    fixture="cloudtrail_codebuild_delete_project"),
        ),
        arn=Arn("codebuild", "project/{id}"),
        check=Describe(  # leaves unknown names out (in projectsNotFound)
            "codebuild", "BatchGetProjects", "projects[]", item_id="name", ids_param="names", batch=100,
            created="created",
        ),
        details=("computeType",),
        console="https://{region}.console.aws.amazon.com/codesuite/codebuild/projects/{id}?region={region}",
    ),
    ResourceType(
        # A reserved-capacity fleet bills its base capacity by the minute, busy or idle.
        "AWS::CodeBuild::Fleet", config=False, id_pattern=r"arn:[\w-]+:codebuild:[\w-]+:\d+:fleet/.+",
        calls=(
            created(
                CODEBUILD, "CreateFleet", "AWS::CodeBuild::Fleet", "responseElements.fleet.arn",
                name="responseElements.fleet.name", arn_path="responseElements.fleet.arn",
                tags="requestParameters.tags",
                details={
                    "computeType": "responseElements.fleet.computeType",
                    "baseCapacity": "responseElements.fleet.baseCapacity",
                },
                note="keyed by ARN, which DeleteFleet names", fixture="cloudtrail_codebuild_create_fleet",
            ),
            deleted(CODEBUILD, "DeleteFleet", "AWS::CodeBuild::Fleet", "requestParameters.arn",
                    fixture="cloudtrail_codebuild_delete_fleet"),
        ),
        arn=Arn("codebuild", "fleet/.+"),
        check=Describe(  # takes names or ARNs; leaves unknown ones out (in fleetsNotFound)
            "codebuild", "BatchGetFleets", "fleets[]", item_id="arn", ids_param="names", batch=100,
            created="created",
        ),
        details=("computeType", "baseCapacity"),
    ),
)  # fmt: skip
