"""ARN -> resource key, for listings that give ARNs only (the tagging API): one row per ARN shape.

A row's ``id`` group is AWS Config's resourceId for the type; a row without one keys the resource by its whole ARN
(as Config and the sources do for those types). Types whose Config id is not in the ARN (RDS instances and
clusters, keyed by their resource id; SageMaker, whose ARNs lower-case the name) have no row: they are not adopted.
"""

from __future__ import annotations

import re

from leftovers.core.model import ResourceKey

_ARN = r"arn:[\w-]+:{service}:(?P<region>[\w-]*):(?P<account>\d*):"


def _row(service: str, resource: str, resource_type: str) -> tuple[re.Pattern[str], str]:
    return re.compile(_ARN.format(service=service) + resource + "$"), resource_type


ROWS: tuple[tuple[re.Pattern[str], str], ...] = (
    _row("ec2", r"instance/(?P<id>i-\w+)", "AWS::EC2::Instance"),
    _row("ec2", r"volume/(?P<id>vol-\w+)", "AWS::EC2::Volume"),
    _row("ec2", r"snapshot/(?P<id>snap-\w+)", "AWS::EC2::Snapshot"),
    _row("ec2", r"image/(?P<id>ami-\w+)", "AWS::EC2::Image"),
    _row("ec2", r"elastic-ip/(?P<id>eipalloc-\w+)", "AWS::EC2::EIP"),
    _row("ec2", r"natgateway/(?P<id>nat-\w+)", "AWS::EC2::NatGateway"),
    _row("ec2", r"vpc/(?P<id>vpc-\w+)", "AWS::EC2::VPC"),
    _row("ec2", r"subnet/(?P<id>subnet-\w+)", "AWS::EC2::Subnet"),
    _row("ec2", r"security-group/(?P<id>sg-\w+)", "AWS::EC2::SecurityGroup"),
    _row("ec2", r"internet-gateway/(?P<id>igw-\w+)", "AWS::EC2::InternetGateway"),
    _row("ec2", r"transit-gateway/(?P<id>tgw-\w+)", "AWS::EC2::TransitGateway"),
    _row("s3", r"(?P<id>[^/:]+)", "AWS::S3::Bucket"),
    _row("lambda", r"function:(?P<id>[^:]+)", "AWS::Lambda::Function"),
    _row("dynamodb", r"table/(?P<id>[^/]+)", "AWS::DynamoDB::Table"),
    _row("logs", r"log-group:(?P<id>.+?)(?::\*)?", "AWS::Logs::LogGroup"),
    _row("sns", r"[^:/]+", "AWS::SNS::Topic"),
    _row("states", r"stateMachine:[^:]+", "AWS::StepFunctions::StateMachine"),
    _row("kms", r"key/(?P<id>[\w-]+)", "AWS::KMS::Key"),
    _row("secretsmanager", r"secret:.+", "AWS::SecretsManager::Secret"),
    _row("elasticloadbalancing", r"loadbalancer/(?:app|net|gwy)/.+", "AWS::ElasticLoadBalancingV2::LoadBalancer"),
    _row("elasticloadbalancing", r"loadbalancer/(?P<id>[^/]+)", "AWS::ElasticLoadBalancing::LoadBalancer"),
    _row("elasticmapreduce", r"cluster/(?P<id>j-\w+)", "AWS::EMR::Cluster"),
    _row("elasticache", r"cluster:(?P<id>.+)", "AWS::ElastiCache::CacheCluster"),
    _row("elasticache", r"replicationgroup:(?P<id>.+)", "AWS::ElastiCache::ReplicationGroup"),
    _row("ecr", r"repository/(?P<id>.+)", "AWS::ECR::Repository"),
    _row("kinesis", r"stream/(?P<id>.+)", "AWS::Kinesis::Stream"),
    _row("firehose", r"deliverystream/(?P<id>.+)", "AWS::KinesisFirehose::DeliveryStream"),
    _row("redshift", r"cluster:(?P<id>.+)", "AWS::Redshift::Cluster"),
    _row("es", r"domain/(?P<id>.+)", "AWS::OpenSearch::Domain"),
    _row("eks", r"cluster/(?P<id>.+)", "AWS::EKS::Cluster"),
    _row("eks", r"nodegroup/.+", "AWS::EKS::Nodegroup"),
    _row("ecs", r"cluster/(?P<id>.+)", "AWS::ECS::Cluster"),
    _row("kafka", r"cluster/.+", "AWS::MSK::Cluster"),
    _row("rds", r"snapshot:(?P<id>.+)", "AWS::RDS::DBSnapshot"),
    _row("rds", r"cluster-snapshot:(?P<id>.+)", "AWS::RDS::DBClusterSnapshot"),
    _row("cloudformation", r"stack/(?P<id>[^/]+)/.+", "AWS::CloudFormation::Stack"),
    _row("apigateway", r"/restapis/(?P<id>\w+)", "AWS::ApiGateway::RestApi"),
    _row("elasticfilesystem", r"file-system/(?P<id>fs-\w+)", "AWS::EFS::FileSystem"),
    _row("fsx", r"file-system/(?P<id>fs-\w+)", "AWS::FSx::FileSystem"),
)


def key_of(arn: str, account: str, region: str) -> ResourceKey | None:
    """The resource key an ARN names, or ``None`` for an ARN shape without a row; empty ARN parts are filled in."""
    for pattern, resource_type in ROWS:
        hit = pattern.match(arn)
        if hit is None:
            continue
        groups = hit.groupdict()
        resource_id = groups.get("id") or arn
        return ResourceKey(groups["account"] or account, groups["region"] or region, resource_type, resource_id)
    return None
