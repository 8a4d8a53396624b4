"""Amazon SageMaker Studio domains and managed MLflow tracking servers.

A domain is keyed by its id (d-...), as Config and the API name it; a tracking server by its name. SageMaker ARNs
lower-case names, so only the domain (whose id is lower-case) declares an ARN shape.
"""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states
from leftovers.resources.sagemaker import SAGEMAKER

_NOT_FOUND = gone_on("ResourceNotFound")
_NAME = r"[A-Za-z0-9](?:-*[A-Za-z0-9])*"

TYPES = (
    ResourceType(
        # The domain's EFS home volume and the apps its users leave running bill while it exists.
        "AWS::SageMaker::Domain", config=True, id_pattern=r"d-[a-z0-9]+",
        calls=(
            created(
                SAGEMAKER, "CreateDomain", "AWS::SageMaker::Domain",
                "responseElements.domainId|responseElements.domainArn", id_regex=r"domain/(d-[a-z0-9]+)$",
                name="requestParameters.domainName", arn_path="responseElements.domainArn",
                tags="requestParameters.tags",
                note="older responses carry only the domain ARN: the id is taken from its last part",
                fixture="cloudtrail_sagemaker_create_domain",
            ),
            deleted(SAGEMAKER, "DeleteDomain", "AWS::SageMaker::Domain", "requestParameters.domainId",
                    fixture="cloudtrail_sagemaker_delete_domain"),
        ),
        arn=Arn("sagemaker", "domain/{id}"),
        check=one(
            "sagemaker", "DescribeDomain", {"DomainId": "{id}"}, "", gone_errors=_NOT_FOUND, state="Status",
            gone_states=states("Deleting"), created="CreationTime",
        ),
        console="https://{region}.console.aws.amazon.com/sagemaker/home?region={region}#/studio/{id}",
    ),
    ResourceType(
        "AWS::SageMaker::MlflowTrackingServer", config=True, id_pattern=_NAME,
        calls=(
            created(
                SAGEMAKER, "CreateMlflowTrackingServer", "AWS::SageMaker::MlflowTrackingServer",
                "requestParameters.trackingServerName", name="requestParameters.trackingServerName",
                arn_path="responseElements.trackingServerArn", tags="requestParameters.tags",
                details={"trackingServerSize": "requestParameters.trackingServerSize"},  # Small/Medium/Large, hourly
            ),
            deleted(
                SAGEMAKER, "DeleteMlflowTrackingServer", "AWS::SageMaker::MlflowTrackingServer",
                "requestParameters.trackingServerName",
            ),
        ),
        check=one(
            "sagemaker", "DescribeMlflowTrackingServer", {"TrackingServerName": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="TrackingServerStatus", gone_states=states("Deleting"), created="CreationTime",
        ),
        details=("TrackingServerSize",),
    ),
)  # fmt: skip
