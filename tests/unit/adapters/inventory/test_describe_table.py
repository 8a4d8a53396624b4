"""The describe table against botocore's own service models: every row names a real operation, real parameters
and the errors the service really models, and the costly types the issue names all have a row."""

from __future__ import annotations

import botocore.session
import pytest

from leftovers.adapters.inventory.describe_table import ROWS
from leftovers.adapters.sources.cloudtrail.table import covered_types
from leftovers.resources import all_types

SESSION = botocore.session.get_session()
# Missing-resource errors that are real but not in the models: S3 answers HEAD with a bare 404; SQS's query
# protocol code; CloudFormation and SageMaker use a generic validation error whose message says "not found".
UNMODELLED = {
    ("AWS::S3::Bucket", "404"),
    ("AWS::SQS::Queue", "AWS.SimpleQueueService.NonExistentQueue"),
    ("AWS::CloudFormation::Stack", "ValidationError"),
    ("AWS::SageMaker::Endpoint", "ValidationException"),
    ("AWS::SageMaker::NotebookInstance", "ValidationException"),
    # EC2's model declares no errors at all; these are its documented codes for an id it does not know.
    ("AWS::EC2::CapacityReservation", "InvalidCapacityReservationId.NotFound"),
    ("AWS::EC2::Host", "InvalidHostID.NotFound"),
    ("AWS::EC2::EC2Fleet", "InvalidFleetId.NotFound"),
    ("AWS::EC2::SpotFleet", "InvalidSpotFleetRequestId.NotFound"),
    ("AWS::EC2::IPAM", "InvalidIpamId.NotFound"),
    ("AWS::EC2::VerifiedAccessInstance", "InvalidVerifiedAccessInstanceId.NotFound"),
    ("AWS::EC2::VerifiedAccessGroup", "InvalidVerifiedAccessGroupId.NotFound"),
    ("AWS::EC2::VerifiedAccessEndpoint", "InvalidVerifiedAccessEndpointId.NotFound"),
}
COSTLY = {
    "AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::Snapshot", "AWS::EC2::Image", "AWS::EC2::EIP",
    "AWS::EC2::NatGateway", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::RDS::DBInstance",
    "AWS::RDS::DBCluster", "AWS::RDS::DBSnapshot", "AWS::S3::Bucket", "AWS::Lambda::Function",
    "AWS::DynamoDB::Table", "AWS::ECS::Cluster", "AWS::EKS::Cluster", "AWS::EKS::Nodegroup",
    "AWS::OpenSearch::Domain", "AWS::Redshift::Cluster", "AWS::SageMaker::Endpoint",
    "AWS::SageMaker::NotebookInstance", "AWS::ElastiCache::CacheCluster", "AWS::MSK::Cluster",
    "AWS::Kinesis::Stream", "AWS::SecretsManager::Secret", "AWS::KMS::Key", "AWS::Logs::LogGroup",
    "AWS::ECR::Repository", "AWS::EMR::Cluster",
}  # fmt: skip
# CloudTrail types without a describe row, and why (all but the first are asked about through Cloud Control).
NO_ROW = {
    "AWS::ECS::Service": "DescribeServices needs the cluster, which the service ARN may not carry",
    "AWS::EC2::ClientVpnTargetNetworkAssociation": "DescribeClientVpnTargetNetworks needs the endpoint id",
    "AWS::EC2::LaunchTemplate": "left to the generic check: reconcile's tests use it as the type with no row",
    "AWS::CloudHSM::Cluster": "DescribeClusters filters by a map of id lists, which a describe row cannot spell",
    "AWS::WAFv2::WebACL": "GetWebACL needs the name and scope too; the id is all DeleteWebACL names",
    "AWS::Detective::Graph": "Detective lists graphs but has no call about one graph",
}


def _operation(resource_type: str) -> botocore.model.OperationModel:
    row = ROWS[resource_type]
    return SESSION.get_service_model(row.service).operation_model(row.operation)


@pytest.mark.parametrize("resource_type", sorted(ROWS))
def test_row_names_real_parameters(resource_type: str) -> None:
    row = ROWS[resource_type]
    members = set(_operation(resource_type).input_shape.members)
    asked = set(row.params) | set(row.extra) | ({row.filters_param} if row.filter else set()) | {row.ids_param} - {None}
    assert asked <= members, f"{row.call_name} has no {asked - members}"
    assert row.batched or row.params, "a row either batches ids or names them per call"


@pytest.mark.parametrize("resource_type", sorted(ROWS))
def test_row_reads_a_real_output_field(resource_type: str) -> None:
    row = ROWS[resource_type]
    if row.items:
        first = row.items.split(".")[0].removesuffix("[]")
        assert first in _operation(resource_type).output_shape.members


@pytest.mark.parametrize("resource_type", sorted(t for t in ROWS if ROWS[t].gone_errors))
def test_gone_errors_are_the_services_own(resource_type: str) -> None:
    modelled = set()
    for shape in _operation(resource_type).error_shapes:
        modelled |= {shape.name, shape.metadata.get("error", {}).get("code")}
    for code in ROWS[resource_type].gone_errors:
        assert code in modelled or (resource_type, code) in UNMODELLED, f"{resource_type}: {code} is not modelled"


def test_every_costly_type_has_a_row() -> None:
    assert set(ROWS) >= COSTLY


def test_every_cloudtrail_type_is_checked_or_says_why_not() -> None:
    through_cloud_control = {t.type for t in all_types() if t.check is None and t.cloudcontrol_id is not None}
    assert set(covered_types()) - set(ROWS) == set(NO_ROW)
    assert set(NO_ROW) - through_cloud_control == {"AWS::ECS::Service"}


def test_batched_rows_match_items_to_ids() -> None:
    for resource_type, row in ROWS.items():
        if row.batched:
            assert row.item_id, resource_type
            assert 1 < row.batch <= 200, resource_type


def _shape_at(shape: botocore.model.Shape, path: str) -> botocore.model.Shape:
    for step in path.split(".") if path else []:
        if isinstance(shape, botocore.model.MapShape):
            return shape.value  # attribute maps (SQS, SNS) name their keys in documentation only
        assert isinstance(shape, botocore.model.StructureShape), step
        shape = shape.members[step.removesuffix("[]")]
        if step.endswith("[]"):
            assert isinstance(shape, botocore.model.ListShape), step
            shape = shape.member
    return shape


@pytest.mark.parametrize("resource_type", sorted(ROWS))
def test_item_fields_exist_in_the_answer(resource_type: str) -> None:
    row = ROWS[resource_type]
    item = _shape_at(_operation(resource_type).output_shape, row.items)
    if item.type_name == "list":  # a per-id call answering with a one-item list
        item = item.member
    for path in (row.item_id, row.state, row.created):
        if path:
            _shape_at(item, path)  # raises KeyError naming the missing field
