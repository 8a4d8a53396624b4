"""Amazon Kendra indexes (billed by the hour per edition from creation) and Kendra Intelligent Ranking rescore
execution plans (billed per capacity unit-hour), keyed by the ids the APIs give them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KENDRA = "kendra.amazonaws.com"
RANKING = "kendra-ranking.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        "AWS::Kendra::Index", config=True, id_pattern=_UUID,
        calls=(
            created(
                KENDRA, "CreateIndex", "AWS::Kendra::Index", "responseElements.id", name="requestParameters.name",
                tags="requestParameters.tags", arn="arn:{partition}:kendra:{region}:{account}:index/{id}",
                details={"edition": "requestParameters.edition"},  # Developer, Enterprise or Gen AI Enterprise
                fixture="cloudtrail_kendra_create_index",
            ),
            deleted(KENDRA, "DeleteIndex", "AWS::Kendra::Index", "requestParameters.id",
                    fixture="cloudtrail_kendra_delete_index"),
        ),
        arn=Arn("kendra", "index/{id}"),
        check=one(
            "kendra", "DescribeIndex", {"Id": "{id}"}, "", gone_errors=_NOT_FOUND, state="Status",
            gone_states=states("DELETING"), created="CreatedAt",
        ),
        details=("Edition",),
    ),
    ResourceType(
        "AWS::KendraRanking::ExecutionPlan", config=False, id_pattern=_UUID,
        calls=(
            created(
                RANKING, "CreateRescoreExecutionPlan", "AWS::KendraRanking::ExecutionPlan", "responseElements.id",
                name="requestParameters.name", arn_path="responseElements.arn", tags="requestParameters.tags",
                details={"rescoreCapacityUnits": "requestParameters.capacityUnits.rescoreCapacityUnits"},
            ),
            deleted(RANKING, "DeleteRescoreExecutionPlan", "AWS::KendraRanking::ExecutionPlan",
                    "requestParameters.id"),
        ),
        arn=Arn("kendra-ranking", "rescore-execution-plan/{id}"),
        check=one(
            "kendra-ranking", "DescribeRescoreExecutionPlan", {"Id": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="Status", gone_states=states("DELETING"), created="CreatedAt",
        ),
    ),
)  # fmt: skip
