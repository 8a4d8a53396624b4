"""AWS Glue development endpoints (billed per DPU-hour while provisioned), jobs, crawlers and triggers (a
scheduled one keeps starting paid runs), each keyed by its name as Config and the Glue API name them."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, gone_on, one

GLUE = "glue.amazonaws.com"
NAME = r"\S(?:.*\S)?"  # Glue names are any single-line text
NOT_FOUND = gone_on("EntityNotFoundException")


def get(operation: str, param: str, items: str, created_at: str | None = None) -> Describe:
    """A Glue Get* call by name, whose EntityNotFoundException means gone."""
    return one("glue", operation, {param: "{id}"}, items, gone_errors=NOT_FOUND, created=created_at)


TYPES = (
    ResourceType(
        "AWS::Glue::DevEndpoint", config=False, id_pattern=r"[\w-]+",
        calls=(
            created(
                GLUE, "CreateDevEndpoint", "AWS::Glue::DevEndpoint",
                "responseElements.endpointName|requestParameters.endpointName",
                name="requestParameters.endpointName", tags="requestParameters.tags",
                arn="arn:{partition}:glue:{region}:{account}:devEndpoint/{id}",
                details={  # DPUs billed: NumberOfNodes (default 5), or the workers of WorkerType
                    "numberOfNodes": "responseElements.numberOfNodes",
                    "workerType": "responseElements.workerType",
                    "numberOfWorkers": "responseElements.numberOfWorkers",
                },
            ),
            deleted(GLUE, "DeleteDevEndpoint", "AWS::Glue::DevEndpoint", "requestParameters.endpointName"),
        ),
        arn=Arn("glue", "devEndpoint/{id}"),
        check=get("GetDevEndpoint", "EndpointName", "DevEndpoint", "CreatedTimestamp"),
    ),
    ResourceType(
        "AWS::Glue::Job", config=True, id_pattern=NAME,
        calls=(
            created(
                GLUE, "CreateJob", "AWS::Glue::Job", "responseElements.name|requestParameters.name",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:glue:{region}:{account}:job/{id}",
                details={"workerType": "requestParameters.workerType",
                         "numberOfWorkers": "requestParameters.numberOfWorkers"},
                fixture="cloudtrail_glue_create_job",
            ),
            deleted(GLUE, "DeleteJob", "AWS::Glue::Job", "requestParameters.jobName|responseElements.jobName",
                    fixture="cloudtrail_glue_delete_job"),
        ),
        arn=Arn("glue", "job/{id}"),
        check=get("GetJob", "JobName", "Job", "CreatedOn"),
        details=("WorkerType", "NumberOfWorkers"),
    ),
    ResourceType(
        "AWS::Glue::Crawler", config=False, id_pattern=NAME,
        calls=(
            created(
                GLUE, "CreateCrawler", "AWS::Glue::Crawler", "requestParameters.name", name="requestParameters.name",
                tags="requestParameters.tags", arn="arn:{partition}:glue:{region}:{account}:crawler/{id}",
                fixture="cloudtrail_glue_create_crawler",
            ),
            deleted(GLUE, "DeleteCrawler", "AWS::Glue::Crawler", "requestParameters.name",
                    fixture="cloudtrail_glue_delete_crawler"),
        ),
        arn=Arn("glue", "crawler/{id}"),
        check=get("GetCrawler", "Name", "Crawler", "CreationTime"),
    ),
    ResourceType(
        "AWS::Glue::Trigger", config=False, id_pattern=NAME,
        calls=(
            created(
                GLUE, "CreateTrigger", "AWS::Glue::Trigger", "responseElements.name|requestParameters.name",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:glue:{region}:{account}:trigger/{id}",
                fixture="cloudtrail_glue_create_trigger",
            ),
            deleted(GLUE, "DeleteTrigger", "AWS::Glue::Trigger", "requestParameters.name|responseElements.name",
                    fixture="cloudtrail_glue_delete_trigger"),
        ),
        arn=Arn("glue", "trigger/{id}"),
        check=get("GetTrigger", "Name", "Trigger"),
    ),
)  # fmt: skip
