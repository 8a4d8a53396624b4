"""Amazon ECR repositories."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

ECR = "ecr.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ECR::Repository", config=True, id_pattern=r"[a-z0-9][a-z0-9._/-]*",
        calls=(
            created(
                ECR, "CreateRepository", "AWS::ECR::Repository", "requestParameters.repositoryName",
                name="requestParameters.repositoryName", arn_path="responseElements.repository.repositoryArn",
                tags="requestParameters.tags",
            ),
            deleted(ECR, "DeleteRepository", "AWS::ECR::Repository", "requestParameters.repositoryName"),
        ),
        arn=Arn("ecr", "repository/{id}"),
        check=one(
            "ecr", "DescribeRepositories", {"repositoryNames": ("{id}",)}, "repositories[]",
            gone_errors=gone_on("RepositoryNotFoundException"), created="createdAt",
        ),
    ),
)  # fmt: skip
