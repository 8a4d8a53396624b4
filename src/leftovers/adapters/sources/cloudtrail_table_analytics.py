"""CloudTrail rows for caches, warehouses, search and streams: ElastiCache, Redshift, OpenSearch, Kinesis, MSK."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail_table_base import TrailCall, created, deleted

ELASTICACHE = "elasticache.amazonaws.com"
REDSHIFT = "redshift.amazonaws.com"
ES = "es.amazonaws.com"  # OpenSearch Service keeps the Elasticsearch event source
KINESIS = "kinesis.amazonaws.com"
FIREHOSE = "firehose.amazonaws.com"
KAFKA = "kafka.amazonaws.com"
_DOMAIN = "responseElements.domainStatus."
# Config's OpenSearch type (CloudFormation-shaped) keys domains by name; the older Elasticsearch type is believed
# to use DomainId (ACCOUNT/name), which the response carries.
_ES_NOTE = "keyed by DomainId (ACCOUNT/name) as the Elasticsearch API names domains; not checked against Config"
_MSK = {
    "name": "responseElements.clusterName|requestParameters.clusterName",
    "arn_path": "responseElements.clusterArn",
    "tags": "requestParameters.tags",
    "note": "keyed by cluster ARN, as the MSK API names clusters",
}

CALLS: tuple[TrailCall, ...] = (
    created(
        ELASTICACHE, "CreateCacheCluster", "AWS::ElastiCache::CacheCluster", "responseElements.cacheClusterId",
        name="responseElements.cacheClusterId", arn_path="responseElements.aRN", tags="requestParameters.tags",
        details={"cacheNodeType": "responseElements.cacheNodeType", "numCacheNodes": "responseElements.numCacheNodes"},
        note="AWS Config does not record cache clusters: tracked through CloudTrail only",
    ),
    deleted(ELASTICACHE, "DeleteCacheCluster", "AWS::ElastiCache::CacheCluster", "requestParameters.cacheClusterId"),
    created(
        ELASTICACHE, "CreateReplicationGroup", "AWS::ElastiCache::ReplicationGroup",
        "responseElements.replicationGroupId", name="responseElements.replicationGroupId",
        arn_path="responseElements.aRN", tags="requestParameters.tags",
        details={"cacheNodeType": "responseElements.cacheNodeType"},
    ),
    deleted(
        ELASTICACHE, "DeleteReplicationGroup", "AWS::ElastiCache::ReplicationGroup",
        "requestParameters.replicationGroupId",
    ),
    created(
        REDSHIFT, "CreateCluster", "AWS::Redshift::Cluster",
        "responseElements.clusterIdentifier|requestParameters.clusterIdentifier",
        name="responseElements.clusterIdentifier", tags="requestParameters.tags",
        arn="arn:{partition}:redshift:{region}:{account}:cluster:{id}",
        details={"nodeType": "responseElements.nodeType", "numberOfNodes": "responseElements.numberOfNodes"},
    ),
    deleted(REDSHIFT, "DeleteCluster", "AWS::Redshift::Cluster", "requestParameters.clusterIdentifier"),
    created(
        ES, "CreateDomain", "AWS::OpenSearch::Domain", _DOMAIN + "domainName|requestParameters.domainName",
        name=_DOMAIN + "domainName",
        arn_path=_DOMAIN + "aRN", tags="requestParameters.tagList",
        details={"instanceType": _DOMAIN + "clusterConfig.instanceType",
                 "instanceCount": _DOMAIN + "clusterConfig.instanceCount"},
        note="Config keys OpenSearch domains by name (its DomainName primary identifier)",
    ),
    deleted(ES, "DeleteDomain", "AWS::OpenSearch::Domain", "requestParameters.domainName|" + _DOMAIN + "domainName"),
    created(
        ES, "CreateElasticsearchDomain", "AWS::Elasticsearch::Domain", _DOMAIN + "domainId",
        name=_DOMAIN + "domainName", arn_path=_DOMAIN + "aRN", tags="requestParameters.tagList",
        details={"instanceType": _DOMAIN + "elasticsearchClusterConfig.instanceType",
                 "instanceCount": _DOMAIN + "elasticsearchClusterConfig.instanceCount"},
        note=_ES_NOTE,
    ),
    deleted(ES, "DeleteElasticsearchDomain", "AWS::Elasticsearch::Domain", _DOMAIN + "domainId", note=_ES_NOTE),
    created(
        KINESIS, "CreateStream", "AWS::Kinesis::Stream", "requestParameters.streamName",
        name="requestParameters.streamName", arn="arn:{partition}:kinesis:{region}:{account}:stream/{id}",
        tags="requestParameters.tags", details={"shardCount": "requestParameters.shardCount"},
    ),
    deleted(
        KINESIS, "DeleteStream", "AWS::Kinesis::Stream", "requestParameters.streamName|requestParameters.streamARN",
        id_regex=r":stream/(.+)$", note="newer SDKs name the stream by ARN: its name is taken out of it",
    ),
    created(
        FIREHOSE, "CreateDeliveryStream", "AWS::KinesisFirehose::DeliveryStream",
        "requestParameters.deliveryStreamName", name="requestParameters.deliveryStreamName",
        arn_path="responseElements.deliveryStreamARN", tags="requestParameters.tags",
    ),
    deleted(
        FIREHOSE, "DeleteDeliveryStream", "AWS::KinesisFirehose::DeliveryStream",
        "requestParameters.deliveryStreamName",
    ),
    created(KAFKA, "CreateClusterV2", "AWS::MSK::Cluster", "responseElements.clusterArn", **_MSK),
    created(
        KAFKA, "CreateCluster", "AWS::MSK::Cluster", "responseElements.clusterArn",
        details={"instanceType": "requestParameters.brokerNodeGroupInfo.instanceType"}, **_MSK,
    ),
    deleted(KAFKA, "DeleteCluster", "AWS::MSK::Cluster", "requestParameters.clusterArn"),
)
