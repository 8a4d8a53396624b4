"""AWS CodePipeline pipelines (a V1 pipeline bills monthly while active)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

CODEPIPELINE = "codepipeline.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::CodePipeline::Pipeline", config=True, id_pattern=r"[A-Za-z0-9.@_-]{1,100}",
        calls=(
            created(
                CODEPIPELINE, "CreatePipeline", "AWS::CodePipeline::Pipeline",
                "responseElements.pipeline.name|requestParameters.pipeline.name",
                name="requestParameters.pipeline.name", arn="arn:{partition}:codepipeline:{region}:{account}:{id}",
                tags="requestParameters.tags",
                details={"pipelineType": "requestParameters.pipeline.pipelineType"},
                fixture="cloudtrail_codepipeline_create_pipeline",
            ),
            deleted(CODEPIPELINE, "DeletePipeline", "AWS::CodePipeline::Pipeline", "requestParameters.name",
                    fixture="cloudtrail_codepipeline_delete_pipeline"),
        ),
        arn=Arn("codepipeline", "{id}"),
        check=one(
            "codepipeline", "GetPipeline", {"name": "{id}"}, "pipeline",
            gone_errors=gone_on("PipelineNotFoundException"),
        ),
        details=("pipelineType",),
        console="https://{region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/{id}/view?region={region}",
    ),
)  # fmt: skip
