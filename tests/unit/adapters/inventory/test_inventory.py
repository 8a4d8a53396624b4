"""The inventory chain: the describe call decides first, then Config, then the tagging API; nobody says GONE
without evidence, and an undecided record keeps the first reason given."""

from __future__ import annotations

from datetime import UTC, datetime

from leftovers.adapters.inventory import AwsInventory
from leftovers.adapters.inventory.tagging import TaggingListing
from leftovers.core.inventory import Presence
from leftovers.core.model import Resource, ResourceKey
from leftovers.resources import key_of
from tests.unit.adapters.inventory.stubs import ACCOUNT, REGION, stubbed

T = datetime(2025, 3, 14, tzinfo=UTC)


def rec(resource_type: str, resource_id: str, arn: str | None = None, account: str = ACCOUNT) -> Resource:
    return Resource(ResourceKey(account, REGION, resource_type, resource_id), arn=arn)


def test_other_accounts_and_unknown_types_are_unknown_with_reasons() -> None:
    foreign = rec("AWS::EC2::Volume", "vol-1", account="210987654321")
    user = rec("AWS::IAM::User", "AIDAEXAMPLE")
    with stubbed() as stubs:
        stubs.stub("cloudcontrol").add_client_error("get_resource", "TypeNotFoundException", "no such type")
        verdicts = AwsInventory(stubs.inventory_clients(), use_tagging=False).check([foreign, user])
    assert verdicts[foreign.key].presence is Presence.UNKNOWN
    assert "another account" in str(verdicts[foreign.key].reason)
    assert verdicts[user.key].reason == "Cloud Control cannot read AWS::IAM::User (TypeNotFoundException)"


def test_tagging_confirms_existence_after_a_denied_describe_but_never_deletion() -> None:
    arn = "arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-1"
    here, absent = rec("AWS::EC2::Volume", "vol-1", arn), rec("AWS::EC2::Volume", "vol-2", arn.replace("-1", "-2"))
    with stubbed() as stubs:
        stubs.stub("ec2").add_client_error("describe_volumes", "UnauthorizedOperation", "not authorized")
        stubs.stub("resourcegroupstaggingapi").add_response(
            "get_resources",
            {"ResourceTagMappingList": [{"ResourceARN": arn, "Tags": []}]},
            {"ResourceARNList": [here.arn, absent.arn]},
        )
        verdicts = AwsInventory(stubs.inventory_clients()).check([here, absent])
    assert verdicts[here.key].presence is Presence.EXISTS
    assert verdicts[absent.key].presence is Presence.UNKNOWN
    assert verdicts[absent.key].reason == "access denied (ec2:DescribeVolumes)"


def test_config_current_item_history_deletion_and_never_recorded() -> None:
    role_here, role_gone, role_never = (rec("AWS::IAM::Policy", i) for i in ("ANPA1", "ANPA2", "ANPA3"))
    item = {
        "resourceType": "AWS::IAM::Policy", "resourceId": "ANPA1", "configurationItemStatus": "OK",
        "resourceCreationTime": T,
    }  # fmt: skip
    with stubbed() as stubs:
        config = stubs.stub("config")
        config.add_response("batch_get_resource_config", {"baseConfigurationItems": [item]})
        config.add_response(
            "get_resource_config_history",
            {"configurationItems": [{"configurationItemStatus": "ResourceDeleted"}]},
            {"resourceType": "AWS::IAM::Policy", "resourceId": "ANPA2", "limit": 1},
        )
        config.add_client_error("get_resource_config_history", "ResourceNotDiscoveredException", "not discovered")
        stubs.stub("cloudcontrol").add_client_error("get_resource", "ResourceNotFoundException", "not found")
        verdicts = AwsInventory(stubs.inventory_clients(), use_config=True, use_tagging=False).check(
            [role_here, role_gone, role_never]
        )
    assert verdicts[role_here.key].presence is Presence.EXISTS
    assert verdicts[role_here.key].created_at == T
    assert verdicts[role_gone.key].presence is Presence.GONE
    assert verdicts[role_never.key].presence is Presence.UNKNOWN
    assert verdicts[role_never.key].reason == "Config never recorded it"


def test_config_unprocessed_keys_are_asked_again() -> None:
    policy = rec("AWS::IAM::Policy", "ANPA1")
    key = {"resourceType": "AWS::IAM::Policy", "resourceId": "ANPA1"}
    with stubbed() as stubs:
        config = stubs.stub("config")
        config.add_response("batch_get_resource_config", {"unprocessedResourceKeys": [key]})
        config.add_response(
            "batch_get_resource_config",
            {"baseConfigurationItems": [{**key, "configurationItemStatus": "ResourceDiscovered"}]},
            {"resourceKeys": [key]},
        )
        verdicts = AwsInventory(stubs.inventory_clients(), use_config=True, use_tagging=False).check([policy])
    assert verdicts[policy.key].presence is Presence.EXISTS


def test_tagging_listing_maps_arns_to_the_sources_keys_and_counts_the_rest() -> None:
    page = {
        "ResourceTagMappingList": [
            {"ResourceARN": "arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-0abc", "Tags": [
                {"Key": "Name", "Value": "scratch"}]},
            {"ResourceARN": "arn:aws:s3:::demo-bucket", "Tags": []},
            {"ResourceARN": "arn:aws:rds:ap-northeast-1:123456789012:db:orders", "Tags": []},
        ]
    }  # fmt: skip
    with stubbed() as stubs:
        stubs.stub("resourcegroupstaggingapi").add_response("get_resources", page, {"ResourcesPerPage": 100})
        listing = TaggingListing(stubs.inventory_clients(), REGION)
        found = list(listing.list())
    assert [(f.key.resource_type, f.key.resource_id, f.name) for f in found] == [
        ("AWS::EC2::Volume", "vol-0abc", "scratch"),
        ("AWS::S3::Bucket", "demo-bucket", None),
    ]
    assert found[1].key.account == ACCOUNT
    assert found[1].key.region == REGION
    assert listing.unmapped == 1  # RDS instances are keyed by DbiResourceId, which the ARN does not carry


def test_arns_give_config_ids() -> None:
    def key(arn: str) -> tuple[str, str] | None:
        found = key_of(arn, ACCOUNT, REGION)
        return None if found is None else (found.resource_type, found.resource_id)

    assert key("arn:aws:lambda:ap-northeast-1:123456789012:function:resize") == ("AWS::Lambda::Function", "resize")
    assert key("arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/lambda/resize:*") == (
        "AWS::Logs::LogGroup", "/aws/lambda/resize")  # fmt: skip
    lb = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188"
    assert key(lb) == ("AWS::ElasticLoadBalancingV2::LoadBalancer", lb)
    assert key("arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/classic-web") == (
        "AWS::ElasticLoadBalancing::LoadBalancer", "classic-web")  # fmt: skip
    assert key("arn:aws:apigateway:ap-northeast-1::/restapis/a1b2c3") == ("AWS::ApiGateway::RestApi", "a1b2c3")
    assert key("arn:aws:rds:ap-northeast-1:123456789012:cluster-snapshot:nightly") == (
        "AWS::RDS::DBClusterSnapshot", "nightly")  # fmt: skip
    assert key("arn:aws:s3:::bucket/object-key") is None
