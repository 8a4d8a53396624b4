"""Cloud Control checks and lists the types without a describe row (botocore's Stubber: moto has no Cloud Control).

Responses are shaped like the Cloud Control API reference: GetResource answers ``TypeName`` and a
``ResourceDescription`` (``Identifier``, ``Properties`` as a JSON string); ListResources pages ``ResourceDescriptions``.
"""

from __future__ import annotations

import json

from leftovers.adapters.inventory import AwsInventory
from leftovers.adapters.inventory.cloudcontrol import CloudControlListing
from leftovers.core.inventory import Presence
from leftovers.core.model import Resource, ResourceKey
from tests.unit.adapters.inventory.stubs import ACCOUNT, REGION, stubbed

ROUTE_TABLE, ACL, ENDPOINT_CONFIG = "AWS::EC2::RouteTable", "AWS::EC2::NetworkAcl", "AWS::SageMaker::EndpointConfig"
INVENTORY = "AWS::SSM::ManagedInstanceInventory"  # a type AWS Config records that Cloud Control cannot read


def rec(resource_type: str, resource_id: str) -> Resource:
    return Resource(ResourceKey(ACCOUNT, REGION, resource_type, resource_id))


def described(resource_type: str, identifier: str, **properties: str) -> dict[str, object]:
    return {"TypeName": resource_type,
            "ResourceDescription": {"Identifier": identifier, "Properties": json.dumps(properties)}}  # fmt: skip


def test_found_is_there_not_found_is_gone_and_an_unsupported_type_is_unknown() -> None:
    here, gone, odd = rec(ROUTE_TABLE, "rtb-0a1b2c"), rec(ACL, "acl-0d1e2f"), rec(INVENTORY, "mi-0a1b2c3d4e5f60718")
    with stubbed() as stubs:
        cc = stubs.stub("cloudcontrol")
        cc.add_response("get_resource", described(ROUTE_TABLE, "rtb-0a1b2c", RouteTableId="rtb-0a1b2c", VpcId="vpc-1"),
                        {"TypeName": ROUTE_TABLE, "Identifier": "rtb-0a1b2c"})  # fmt: skip
        cc.add_client_error("get_resource", "ResourceNotFoundException", "AWS::EC2::NetworkAcl Handler returned "
                            "status FAILED: The networkAcl ID 'acl-0d1e2f' does not exist (HandlerErrorCode: NotFound)",
                            expected_params={"TypeName": ACL, "Identifier": "acl-0d1e2f"})  # fmt: skip
        cc.add_client_error("get_resource", "UnsupportedActionException", "Resource type AWS::SSM::"
                            "ManagedInstanceInventory does not support READ action")  # fmt: skip
        verdicts = AwsInventory(stubs.inventory_clients(), use_tagging=False).check([here, gone, odd])

    assert (verdicts[here.key].presence, verdicts[here.key].reason) == (Presence.EXISTS, "cloudcontrol:GetResource")
    assert (verdicts[gone.key].presence, verdicts[gone.key].reason) == (
        Presence.GONE, "not found by cloudcontrol:GetResource")  # fmt: skip
    assert verdicts[odd.key].presence is Presence.UNKNOWN
    assert verdicts[odd.key].reason == f"Cloud Control cannot read {INVENTORY} (UnsupportedActionException)"


def test_an_undeclared_type_found_is_there_but_not_found_is_never_gone() -> None:
    """Config keys some types by another id than Cloud Control's primary identifier: absence proves nothing."""
    user, other = rec("AWS::IAM::User", "AIDAEXAMPLE1"), rec("AWS::IAM::User", "AIDAEXAMPLE2")
    with stubbed() as stubs:
        cc = stubs.stub("cloudcontrol")
        cc.add_response("get_resource", described("AWS::IAM::User", "AIDAEXAMPLE1"))
        cc.add_client_error("get_resource", "ResourceNotFoundException", "not found")
        verdicts = AwsInventory(stubs.inventory_clients(), use_tagging=False).check([user, other])

    assert verdicts[user.key].presence is Presence.EXISTS
    assert verdicts[other.key].presence is Presence.UNKNOWN
    assert verdicts[other.key].reason == "Cloud Control knows no AWS::IAM::User under this id"


def test_a_denied_call_is_unknown_and_a_type_cloud_control_cannot_name_is_not_asked() -> None:
    table, config = rec(ROUTE_TABLE, "rtb-0a1b2c"), rec(ENDPOINT_CONFIG, "llm-config")
    with stubbed() as stubs:
        stubs.stub("cloudcontrol").add_client_error("get_resource", "AccessDeniedException", "no")
        verdicts = AwsInventory(stubs.inventory_clients(), use_tagging=False).check([table, config])
    assert verdicts[table.key].reason == "access denied (cloudcontrol:GetResource)"
    assert verdicts[config.key].reason == "no check for this type"


def test_the_listing_pages_through_list_resources_and_keys_by_identifier() -> None:
    with stubbed() as stubs:
        cc = stubs.stub("cloudcontrol")
        cc.add_response("list_resources", {"TypeName": ROUTE_TABLE, "NextToken": "t1",
                        "ResourceDescriptions": [{"Identifier": "rtb-1", "Properties": "{}"}]},
                        {"TypeName": ROUTE_TABLE})  # fmt: skip
        cc.add_response("list_resources", {"TypeName": ROUTE_TABLE,
                        "ResourceDescriptions": [{"Identifier": "rtb-2", "Properties": "{}"}]},
                        {"TypeName": ROUTE_TABLE, "NextToken": "t1"})  # fmt: skip
        cc.add_client_error("list_resources", "UnsupportedActionException", "no LIST", expected_params={
            "TypeName": ENDPOINT_CONFIG})  # fmt: skip
        listing = CloudControlListing(stubs.inventory_clients(), REGION, [ROUTE_TABLE, ENDPOINT_CONFIG])
        found = list(listing.list())

    assert [f.key.resource_id for f in found] == ["rtb-1", "rtb-2"]
    assert {f.key.resource_type for f in found} == {ROUTE_TABLE}
    assert listing.unsupported == [ENDPOINT_CONFIG]
