"""Monthly estimates: arithmetic on a small table, then the bundled table on real-format items."""

from __future__ import annotations

from typing import Any

import pytest

from leftovers.adapters.price_file import bundled_prices
from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.adapters.sources.config import parse_config_event
from leftovers.core.pricing import PriceTable
from tests.support.events import load_event

TABLE = PriceTable(
    as_of="test",
    source="test",
    hourly={
        "flat": {"nat_gateway": 0.05, "public_ipv4": 0.01, "eks_cluster": 0.1, "classic_load_balancer": 0.02},
        "load_balancer": {"application": 0.02},
        "ec2": {"t3.micro": 0.01},
        "rds_mysql": {"db.t3.micro": 0.02},
        "rds_postgres": {"db.t3.micro": 0.03},
        "opensearch": {"t3.small.search": 0.04},
        "elasticache": {"cache.t3.micro": 0.02},
        "redshift": {"dc2.large": 0.25},
        "sagemaker_hosting": {"ml.m5.large": 0.1},
        "sagemaker_notebook": {"ml.t3.medium": 0.05},
    },
    gb_month={"ebs": {"gp3": 0.08}, "ebs_snapshot": {"standard": 0.05}, "rds": {"gp2": 0.1, "io1": 0.2}},
)


@pytest.mark.parametrize(
    ("resource_type", "details", "expected"),
    [
        ("AWS::EC2::NatGateway", {}, 36.5),  # 0.05 x 730
        ("AWS::EC2::EIP", {"publicIp": "54.250.10.21"}, 7.3),
        ("AWS::EKS::Cluster", {}, 73.0),
        ("AWS::ElasticLoadBalancing::LoadBalancer", {}, 14.6),
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", {"type": "application"}, 14.6),
        ("AWS::EC2::Instance", {"instanceType": "t3.micro"}, 7.3),
        ("AWS::EC2::Volume", {"size": 100, "volumeType": "gp3"}, 8.0),
        ("AWS::EC2::Snapshot", {"size": 10}, 0.5),
        ("AWS::EC2::Snapshot", {"fullSnapshotSizeInBytes": 2 * 2**30}, 0.1),
        ("AWS::RDS::DBInstance", {"dBInstanceClass": "db.t3.micro", "allocatedStorage": 20}, 16.6),  # 14.6 + 2
        ("AWS::RDS::DBInstance", {"dBInstanceClass": "db.t3.micro", "engine": "postgres"}, 21.9),
        ("AWS::RDS::DBInstance", {"dBInstanceClass": "db.t3.micro", "engine": "mariadb", "multiAZ": True}, 29.2),
        (
            "AWS::RDS::DBInstance",
            {"dBInstanceClass": "db.t3.micro", "allocatedStorage": 10, "storageType": "io1"},
            16.6,
        ),
        ("AWS::OpenSearch::Domain", {"instanceType": "t3.small.search", "instanceCount": 3}, 87.6),
        ("AWS::Elasticsearch::Domain", {"instanceType": "t3.small.elasticsearch"}, 29.2),
        ("AWS::ElastiCache::CacheCluster", {"cacheNodeType": "cache.t3.micro", "numCacheNodes": 2}, 29.2),
        ("AWS::Redshift::Cluster", {"nodeType": "dc2.large", "numberOfNodes": 2}, 365.0),
        ("AWS::SageMaker::Endpoint", {"instanceType": "ml.m5.large", "instanceCount": 2}, 146.0),
        ("AWS::SageMaker::NotebookInstance", {"instanceType": "ml.t3.medium"}, 36.5),
    ],
)
def test_estimates(resource_type: str, details: dict[str, Any], expected: float) -> None:
    assert TABLE.monthly_cost_usd(resource_type, details) == expected


@pytest.mark.parametrize(
    ("resource_type", "details"),
    [
        ("AWS::S3::Bucket", {}),  # no price for the type
        ("AWS::Lambda::Function", {"memorySize": 128}),
        ("AWS::EC2::Instance", {}),  # the item does not say the type
        ("AWS::EC2::Instance", {"instanceType": "x99.huge"}),  # not in the table
        ("AWS::EC2::Volume", {"size": 100}),  # type unknown: gp2 and gp3 differ
        ("AWS::EC2::Volume", {"volumeType": "gp3"}),
        ("AWS::EC2::Volume", {"volumeType": "gp3", "size": "lots"}),
        ("AWS::EC2::Snapshot", {}),
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", {}),
        ("AWS::RDS::DBInstance", {"dBInstanceClass": "db.t3.micro", "engine": "sqlserver-ex"}),
        ("AWS::RDS::DBInstance", {"dBInstanceClass": "db.r6g.large", "engine": "aurora-postgresql"}),
        ("AWS::ElastiCache::CacheCluster", {"cacheNodeType": "cache.t3.micro", "numCacheNodes": -1}),
        ("AWS::EC2::EndpointConfig", {"instanceType": "t3.micro"}),
    ],
)
def test_unknown_is_none_never_a_guess(resource_type: str, details: dict[str, Any]) -> None:
    assert TABLE.monthly_cost_usd(resource_type, details) is None


def test_the_bundled_table_is_dated_and_sourced() -> None:
    prices = bundled_prices()
    assert prices.as_of
    assert "aws.amazon.com" in prices.source
    assert prices.region == "us-east-1"
    assert prices.hours_per_month == 730
    assert len(prices.hourly["ec2"]) >= 24


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("config_discovered_nat_gateway", 32.85),  # 0.045 x 730
        ("config_discovered_eip", 3.65),  # public IPv4: 0.005 x 730
        ("config_discovered_ec2_instance", 60.74),  # t3.large 0.0832 x 730 = 60.736
        ("config_discovered_ebs_volume", 2.4),  # 30 GB gp3 x 0.08
        ("config_discovered_rds_instance", 49.75),  # db.t4g.medium 0.065 x 730 + 20 GB x 0.115
        ("config_discovered_opensearch_domain", 26.28),  # t3.small.search 0.036 x 730
        ("config_discovered_sagemaker_notebook", 36.5),  # ml.t3.medium 0.05 x 730
        ("config_discovered_s3_bucket", None),
        ("config_discovered_lambda_function", None),
    ],
)
def test_bundled_prices_on_real_items(fixture: str, expected: float | None) -> None:
    (change,) = parse_config_event(load_event(fixture)).changes
    assert bundled_prices().monthly_cost_usd(change.key.resource_type, change.details or {}) == expected


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        # the networking types' figures are in tests/unit/resources/test_network_costs.py
        ("cloudtrail_mq_create_broker", None),  # no MQ prices in the table: unknown, never guessed
        ("cloudtrail_aoss_create_collection", 350.4),  # standby replicas: 2 x (0.5 + 0.5) OCU x 0.24 x 730
        ("cloudtrail_create_db_instance_multi_az", 351.5),  # (0.225 x 730 + 100 GB x 0.115) x 2
    ],
)
def test_bundled_prices_on_cloudtrail_creations(fixture: str, expected: float | None) -> None:
    (change,) = parse_cloudtrail_event(load_event(fixture)).changes
    assert bundled_prices().monthly_cost_usd(change.key.resource_type, change.details or {}) == expected


def test_a_gateway_endpoint_is_free_and_an_unknown_kind_unpriced() -> None:
    assert bundled_prices().monthly_cost_usd("AWS::EC2::VPCEndpoint", {"vpcEndpointType": "Gateway"}) == 0.0
    assert bundled_prices().monthly_cost_usd("AWS::EC2::VPCEndpoint", {}) is None
