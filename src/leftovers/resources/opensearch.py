"""Amazon OpenSearch Service domains, under both of its APIs (OpenSearch and the older Elasticsearch one)."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

ES = "es.amazonaws.com"  # OpenSearch Service keeps the Elasticsearch event source
_DOMAIN = "responseElements.domainStatus."
# Config's OpenSearch type (CloudFormation-shaped) keys domains by name; the older Elasticsearch type is believed
# to use DomainId (ACCOUNT/name), which the response carries.
_ES_NOTE = "keyed by DomainId (ACCOUNT/name) as the Elasticsearch API names domains; not checked against Config"
_NOT_FOUND = gone_on("ResourceNotFoundException")

TYPES = (
    ResourceType(
        "AWS::OpenSearch::Domain", config=True, id_pattern=r"[a-z][a-z0-9-]*",
        calls=(
            created(
                ES, "CreateDomain", "AWS::OpenSearch::Domain", _DOMAIN + "domainName|requestParameters.domainName",
                name=_DOMAIN + "domainName", arn_path=_DOMAIN + "aRN", tags="requestParameters.tagList",
                details={"instanceType": _DOMAIN + "clusterConfig.instanceType",
                         "instanceCount": _DOMAIN + "clusterConfig.instanceCount"},
                note="Config keys OpenSearch domains by name (its DomainName primary identifier)",
            ),
            deleted(ES, "DeleteDomain", "AWS::OpenSearch::Domain",
                    "requestParameters.domainName|" + _DOMAIN + "domainName"),
        ),
        arn=Arn("es", "domain/{id}"),
        check=one(
            "opensearch", "DescribeDomain", {"DomainName": "{id}"}, "DomainStatus", gone_errors=_NOT_FOUND,
            state="Deleted", gone_states=states("True"),
        ),
        cost=pricing.nodes("opensearch", "instanceType", "instanceCount"),
        details=("ClusterConfig.InstanceType", "ClusterConfig.InstanceCount"),
    ),
    ResourceType(
        "AWS::Elasticsearch::Domain", config=True, id_pattern=r"\d{12}/[a-z][a-z0-9-]*",
        calls=(
            created(
                ES, "CreateElasticsearchDomain", "AWS::Elasticsearch::Domain", _DOMAIN + "domainId",
                name=_DOMAIN + "domainName", arn_path=_DOMAIN + "aRN", tags="requestParameters.tagList",
                details={"instanceType": _DOMAIN + "elasticsearchClusterConfig.instanceType",
                         "instanceCount": _DOMAIN + "elasticsearchClusterConfig.instanceCount"},
                note=_ES_NOTE,
            ),
            deleted(ES, "DeleteElasticsearchDomain", "AWS::Elasticsearch::Domain", _DOMAIN + "domainId",
                    note=_ES_NOTE),
        ),
        check=one(
            "es", "DescribeElasticsearchDomain", {"DomainName": "{name}"}, "DomainStatus", id_regex=r"/(?P<name>.+)$",
            gone_errors=_NOT_FOUND, state="Deleted", gone_states=states("True"),
        ),
        cost=pricing.nodes("opensearch", "instanceType", "instanceCount", suffix=(".elasticsearch", ".search")),
        details=("elasticsearchClusterConfig.instanceType", "elasticsearchClusterConfig.instanceCount"),
    ),
)  # fmt: skip
