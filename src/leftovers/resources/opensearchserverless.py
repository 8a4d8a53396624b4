"""Amazon OpenSearch Serverless collections: the account's first ones hold indexing and search capacity (OCUs) by
the hour even when idle."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

AOSS = "aoss.amazonaws.com"
_CREATED = "responseElements.createCollectionDetail."

TYPES = (
    ResourceType(
        "AWS::OpenSearchServerless::Collection", config=True, id_pattern=r"[a-z0-9]{3,40}",
        calls=(
            created(
                AOSS, "CreateCollection", "AWS::OpenSearchServerless::Collection", _CREATED + "id",
                name=_CREATED + "name", arn_path=_CREATED + "arn", tags="requestParameters.tags",
                details={"standbyReplicas": _CREATED + "standbyReplicas"},
            ),
            deleted(
                AOSS, "DeleteCollection", "AWS::OpenSearchServerless::Collection",
                "responseElements.deleteCollectionDetail.id|requestParameters.id",
            ),
        ),
        arn=Arn("aoss", "collection/{id}"),
        # BatchGetCollection leaves unknown ids out of collectionDetails (and names them in collectionErrorDetails).
        check=Describe(
            "opensearchserverless", "BatchGetCollection", "collectionDetails[]", item_id="id", ids_param="ids",
            batch=100, state="status", gone_states=states("DELETING"), created="createdDate",
        ),
        cost=pricing.opensearch_serverless,
    ),
)  # fmt: skip
