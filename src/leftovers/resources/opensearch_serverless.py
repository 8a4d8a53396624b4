"""Amazon OpenSearch Serverless collections and VPC endpoints (keyed by their ids, as Config and the API name them)."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

AOSS = "aoss.amazonaws.com"


def _batch_get(operation: str, items: str) -> Describe:
    """A BatchGet* call: ids it does not know come back in its error list, so a missing item means gone."""
    return Describe(
        "opensearchserverless",
        operation,
        items,
        item_id="id",
        ids_param="ids",
        batch=100,
        state="status",
        gone_states=states("DELETING"),
        created="createdDate",
        permission=f"aoss:{operation}",
    )


TYPES = (
    ResourceType(
        # An account pays at least 2 OCUs (1 without standby replicas) while any collection exists, idle or not.
        "AWS::OpenSearchServerless::Collection", config=True, id_pattern=r"[a-z0-9]{3,40}",
        calls=(
            created(
                AOSS, "CreateCollection", "AWS::OpenSearchServerless::Collection",
                "responseElements.createCollectionDetail.id", name="requestParameters.name",
                arn_path="responseElements.createCollectionDetail.arn", tags="requestParameters.tags",
                details={"type": "requestParameters.type", "standbyReplicas": "requestParameters.standbyReplicas"},
                fixture="cloudtrail_aoss_create_collection",
            ),
            deleted(
                AOSS, "DeleteCollection", "AWS::OpenSearchServerless::Collection",
                "responseElements.deleteCollectionDetail.id|requestParameters.id",
                fixture="cloudtrail_aoss_delete_collection",
            ),
        ),
        arn=Arn("aoss", "collection/{id}"),
        check=_batch_get("BatchGetCollection", "collectionDetails[]"),
        cost=pricing.opensearch_serverless, details=("Type", "StandbyReplicas"),
    ),
    ResourceType(
        "AWS::OpenSearchServerless::VpcEndpoint", config=True, id_pattern=r"vpce-[0-9a-z]+",
        calls=(
            created(
                AOSS, "CreateVpcEndpoint", "AWS::OpenSearchServerless::VpcEndpoint",
                "responseElements.createVpcEndpointDetail.id", name="requestParameters.name",
                fixture="cloudtrail_aoss_create_vpc_endpoint",
            ),
            deleted(
                AOSS, "DeleteVpcEndpoint", "AWS::OpenSearchServerless::VpcEndpoint",
                "responseElements.deleteVpcEndpointDetail.id|requestParameters.id",
                fixture="cloudtrail_aoss_delete_vpc_endpoint",
            ),
        ),
        check=_batch_get("BatchGetVpcEndpoint", "vpcEndpointDetails[]"), tagging=False,
    ),
)  # fmt: skip
