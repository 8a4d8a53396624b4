"""Amazon SageMaker endpoints and notebook instances (ARNs lower-case the name: not adoptable by ARN)."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import ResourceType, created, deleted, gone_on, one, states

SAGEMAKER = "sagemaker.amazonaws.com"

# SageMaker answers a missing resource with a generic ValidationException: the message tells.
TYPES = (
    ResourceType(
        "AWS::SageMaker::Endpoint", config=False, id_pattern=r"[A-Za-z0-9](?:-*[A-Za-z0-9])*",
        calls=(
            created(
                SAGEMAKER, "CreateEndpoint", "AWS::SageMaker::Endpoint", "requestParameters.endpointName",
                name="requestParameters.endpointName", arn_path="responseElements.endpointArn",
                tags="requestParameters.tags",
                note="AWS Config records endpoint configs only: tracked through CloudTrail",
            ),
            deleted(SAGEMAKER, "DeleteEndpoint", "AWS::SageMaker::Endpoint", "requestParameters.endpointName"),
        ),
        check=one(
            "sagemaker", "DescribeEndpoint", {"EndpointName": "{id}"}, "",
            gone_errors=gone_on("ValidationException", message="could not find"), state="EndpointStatus",
            gone_states=states("Deleting"), created="CreationTime",
        ),
        cost=pricing.nodes("sagemaker_hosting", "instanceType", "instanceCount"),
    ),
    ResourceType(
        "AWS::SageMaker::NotebookInstance", config=False, id_pattern=r"[A-Za-z0-9](?:-*[A-Za-z0-9])*",
        calls=(
            created(
                SAGEMAKER, "CreateNotebookInstance", "AWS::SageMaker::NotebookInstance",
                "requestParameters.notebookInstanceName", name="requestParameters.notebookInstanceName",
                arn_path="responseElements.notebookInstanceArn", tags="requestParameters.tags",
                details={
                    "instanceType": "requestParameters.instanceType",
                    "volumeSizeInGB": "requestParameters.volumeSizeInGB",
                },
            ),
            deleted(
                SAGEMAKER, "DeleteNotebookInstance", "AWS::SageMaker::NotebookInstance",
                "requestParameters.notebookInstanceName",
            ),
        ),
        check=one(
            "sagemaker", "DescribeNotebookInstance", {"NotebookInstanceName": "{id}"}, "",
            gone_errors=gone_on("ValidationException", message="RecordNotFound|does not exist"),
            state="NotebookInstanceStatus", gone_states=states("Deleting"), created="CreationTime",
        ),
        cost=pricing.nodes("sagemaker_notebook", "instanceType"), details=("InstanceType", "VolumeSizeInGB"),
    ),
    ResourceType(
        "AWS::SageMaker::EndpointConfig", config=False, id_pattern=r".+",
        details=("ProductionVariants.0.InstanceType", "ProductionVariants.0.InitialInstanceCount"),
        cloudcontrol_id=None,  # Cloud Control names it by its ARN, which lower-cases the name: not built from the id
    ),
)  # fmt: skip
