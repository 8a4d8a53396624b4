"""Amazon OpenSearch Ingestion pipelines: billed per OCU-hour (at least MinUnits) while they run."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

OSIS = "osis.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::OSIS::Pipeline", config=False, id_pattern=r"[a-z][a-z0-9-]{2,27}",
        calls=(
            created(
                OSIS, "CreatePipeline", "AWS::OSIS::Pipeline", "requestParameters.pipelineName",
                name="requestParameters.pipelineName", arn_path="responseElements.pipeline.pipelineArn",
                tags="requestParameters.tags", details={"minUnits": "requestParameters.minUnits"},
                note="keyed by name: DeletePipeline carries no ARN (CloudFormation's identifier)",
                fixture="cloudtrail_osis_create_pipeline",
            ),
            deleted(OSIS, "DeletePipeline", "AWS::OSIS::Pipeline", "requestParameters.pipelineName",
                    fixture="cloudtrail_osis_delete_pipeline"),
        ),
        arn=Arn("osis", "pipeline/{id}"),
        check=one(
            "osis", "GetPipeline", {"PipelineName": "{id}"}, "Pipeline",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETING"),
            created="CreatedAt",
        ),
    ),
)  # fmt: skip
