"""The describe table: resource type -> how to ask its service whether a resource still exists.

One row per type, data rather than branches (as the CloudTrail call table). The ids are AWS Config's, the same the
sources store. A status listed in ``gone_states`` counts as gone because the resource no longer bills (an EMR
cluster TERMINATED, a KMS key PendingDeletion, a stack DELETE_COMPLETE).
"""

from __future__ import annotations

from leftovers.adapters.inventory import describe_table_ec2
from leftovers.adapters.inventory.describe_row import Describe, gone_on, one, states

_NOT_FOUND = "ResourceNotFoundException"
_DELETING = states("DELETING")

OTHER_ROWS: dict[str, Describe] = {
    "AWS::Lambda::Function": one(  # not GetFunction: that also hands out a download link to the code
        "lambda", "GetFunctionConfiguration", {"FunctionName": "{id}"}, "", gone_errors=gone_on(_NOT_FOUND),
    ),
    "AWS::SQS::Queue": one(
        "sqs", "GetQueueAttributes", {"QueueUrl": "{id}", "AttributeNames": ("CreatedTimestamp",)}, "Attributes",
        gone_errors=gone_on("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"),
        created="CreatedTimestamp",
    ),
    "AWS::SNS::Topic": one("sns", "GetTopicAttributes", {"TopicArn": "{id}"}, "Attributes",
                           gone_errors=gone_on("NotFound", "NotFoundException")),
    "AWS::KMS::Key": one(
        "kms", "DescribeKey", {"KeyId": "{id}"}, "KeyMetadata", gone_errors=gone_on("NotFoundException"),
        state="KeyState", gone_states=states("PendingDeletion", "PendingReplicaDeletion"), created="CreationDate",
    ),
    "AWS::SecretsManager::Secret": one(
        "secretsmanager", "DescribeSecret", {"SecretId": "{id}"}, "", gone_errors=gone_on(_NOT_FOUND),
        state="DeletedDate", gone_states=states("*"), created="CreatedDate",
    ),
    "AWS::StepFunctions::StateMachine": one(
        "stepfunctions", "DescribeStateMachine", {"stateMachineArn": "{id}"}, "",
        gone_errors=gone_on("StateMachineDoesNotExist"), state="status", gone_states=_DELETING,
        created="creationDate",
    ),
    "AWS::ApiGateway::RestApi": one("apigateway", "GetRestApi", {"restApiId": "{id}"}, "",
                                    gone_errors=gone_on("NotFoundException"), created="createdDate",
                                    permission="apigateway:GET"),
    "AWS::ApiGatewayV2::Api": one("apigatewayv2", "GetApi", {"ApiId": "{id}"}, "",
                                  gone_errors=gone_on("NotFoundException"), created="CreatedDate",
                                  permission="apigateway:GET"),
    "AWS::CloudFormation::Stack": one(
        "cloudformation", "DescribeStacks", {"StackName": "{id}"}, "Stacks[]",
        gone_errors=gone_on("ValidationError", message="does not exist"), state="StackStatus",
        gone_states=states("DELETE_IN_PROGRESS", "DELETE_COMPLETE"), created="CreationTime",
    ),
    "AWS::Route53::HostedZone": one("route53", "GetHostedZone", {"Id": "{id}"}, "HostedZone",
                                    gone_errors=gone_on("NoSuchHostedZone")),
    "AWS::IAM::Role": one(  # Config keys roles by RoleId; the API asks by name, so the id is compared too
        "iam", "GetRole", {"RoleName": "{name}"}, "Role", item_id="RoleId", gone_errors=gone_on("NoSuchEntity"),
        created="CreateDate",
    ),
    "AWS::ElastiCache::CacheCluster": one(
        "elasticache", "DescribeCacheClusters", {"CacheClusterId": "{id}"}, "CacheClusters[]",
        gone_errors=gone_on("CacheClusterNotFound"), state="CacheClusterStatus",
        gone_states=states("deleting", "deleted"), created="CacheClusterCreateTime",
    ),
    "AWS::ElastiCache::ReplicationGroup": one(
        "elasticache", "DescribeReplicationGroups", {"ReplicationGroupId": "{id}"}, "ReplicationGroups[]",
        gone_errors=gone_on("ReplicationGroupNotFoundFault"), state="Status", gone_states=states("deleting"),
        created="ReplicationGroupCreateTime",
    ),
    "AWS::Redshift::Cluster": one(
        "redshift", "DescribeClusters", {"ClusterIdentifier": "{id}"}, "Clusters[]",
        gone_errors=gone_on("ClusterNotFound", "ClusterNotFoundFault"), state="ClusterStatus",
        gone_states=states("deleting"), created="ClusterCreateTime",
    ),
    "AWS::OpenSearch::Domain": one(
        "opensearch", "DescribeDomain", {"DomainName": "{id}"}, "DomainStatus", gone_errors=gone_on(_NOT_FOUND),
        state="Deleted", gone_states=states("True"),
    ),
    "AWS::Elasticsearch::Domain": one(
        "es", "DescribeElasticsearchDomain", {"DomainName": "{name}"}, "DomainStatus", id_regex=r"/(?P<name>.+)$",
        gone_errors=gone_on(_NOT_FOUND), state="Deleted", gone_states=states("True"),
    ),
    "AWS::Kinesis::Stream": one(
        "kinesis", "DescribeStreamSummary", {"StreamName": "{id}"}, "StreamDescriptionSummary",
        gone_errors=gone_on(_NOT_FOUND), state="StreamStatus", gone_states=_DELETING,
        created="StreamCreationTimestamp",
    ),
    "AWS::KinesisFirehose::DeliveryStream": one(
        "firehose", "DescribeDeliveryStream", {"DeliveryStreamName": "{id}"}, "DeliveryStreamDescription",
        gone_errors=gone_on(_NOT_FOUND), state="DeliveryStreamStatus", gone_states=_DELETING,
        created="CreateTimestamp",
    ),
    "AWS::MSK::Cluster": one(
        "kafka", "DescribeClusterV2", {"ClusterArn": "{id}"}, "ClusterInfo", gone_errors=gone_on("NotFoundException"),
        state="State", gone_states=_DELETING, created="CreationTime",
    ),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": one(
        "elbv2", "DescribeLoadBalancers", {"LoadBalancerArns": ("{id}",)}, "LoadBalancers[]",
        gone_errors=gone_on("LoadBalancerNotFound"), created="CreatedTime",
    ),
    "AWS::ElasticLoadBalancing::LoadBalancer": one(
        "elb", "DescribeLoadBalancers", {"LoadBalancerNames": ("{id}",)}, "LoadBalancerDescriptions[]",
        gone_errors=gone_on("LoadBalancerNotFound"), created="CreatedTime",
    ),
    "AWS::AutoScaling::AutoScalingGroup": Describe(
        "autoscaling", "DescribeAutoScalingGroups", "AutoScalingGroups[]", item_id="AutoScalingGroupName",
        ids_param="AutoScalingGroupNames", batch=50, state="Status", gone_states=states("Delete in progress"),
        created="CreatedTime",
    ),
    "AWS::ECS::Cluster": Describe(
        "ecs", "DescribeClusters", "clusters[]", item_id="clusterName", ids_param="clusters", batch=100,
        state="status", gone_states=states("INACTIVE"),
    ),
    "AWS::EKS::Cluster": one(
        "eks", "DescribeCluster", {"name": "{id}"}, "cluster", gone_errors=gone_on(_NOT_FOUND),
        state="status", gone_states=_DELETING, created="createdAt",
    ),
    "AWS::EKS::Nodegroup": one(
        "eks", "DescribeNodegroup", {"clusterName": "{cluster}", "nodegroupName": "{group}"}, "nodegroup",
        id_regex=r":nodegroup/(?P<cluster>[^/]+)/(?P<group>[^/]+)/", gone_errors=gone_on(_NOT_FOUND),
        state="status", gone_states=_DELETING, created="createdAt",
    ),
    "AWS::EMR::Cluster": one(
        "emr", "DescribeCluster", {"ClusterId": "{id}"}, "Cluster", gone_errors=gone_on("InvalidRequestException"),
        state="Status.State", gone_states=states("TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"),
        created="Status.Timeline.CreationDateTime",
    ),
    # SageMaker answers a missing resource with a generic ValidationException: the message tells.
    "AWS::SageMaker::Endpoint": one(
        "sagemaker", "DescribeEndpoint", {"EndpointName": "{id}"}, "",
        gone_errors=gone_on("ValidationException", message="could not find"), state="EndpointStatus",
        gone_states=states("Deleting"), created="CreationTime",
    ),
    "AWS::SageMaker::NotebookInstance": one(
        "sagemaker", "DescribeNotebookInstance", {"NotebookInstanceName": "{id}"}, "",
        gone_errors=gone_on("ValidationException", message="RecordNotFound|does not exist"),
        state="NotebookInstanceStatus", gone_states=states("Deleting"), created="CreationTime",
    ),
}  # fmt: skip

ROWS: dict[str, Describe] = {**describe_table_ec2.ROWS, **OTHER_ROWS}
