"""What a forgotten networking or capacity resource costs, from its real CloudTrail creation event and the bundled
price table: the figures the digest shows for the types the networking/EC2 service modules declare."""

from __future__ import annotations

import pytest

from leftovers.adapters.price_file import bundled_prices
from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from tests.support.events import load_event

# fixture -> monthly USD (730 hours) at the bundled us-east-1 list prices
MONTHLY = {
    "cloudtrail_create_vpn_connection": 36.50,  # $0.05 a connection-hour
    "cloudtrail_associate_client_vpn_target_network": 73.00,  # $0.10 an association-hour
    "cloudtrail_create_transit_gateway_vpc_attachment": 36.50,  # $0.05 an attachment-hour
    "cloudtrail_create_transit_gateway_peering_attachment": 36.50,
    "cloudtrail_network_firewall_create_firewall": 288.35,  # $0.395 an endpoint-hour, one endpoint at least
    "cloudtrail_create_resolver_endpoint": 273.75,  # three IP addresses at $0.125 an hour each
    "cloudtrail_create_accelerator": 18.25,  # $0.025 an hour fixed fee
    "cloudtrail_vpc_lattice_create_service": 18.25,  # $0.025 a service-hour
    "cloudtrail_directconnect_create_connection": 1642.50,  # a 10 Gbps dedicated port at $2.25 an hour
    "cloudtrail_create_capacity_reservation": 560.64,  # four m5.xlarge at $0.192, used or not
    "cloudtrail_create_traffic_mirror_session": 10.95,  # $0.015 a mirrored interface-hour
    "cloudtrail_create_vpc_endpoint": 7.30,  # an interface endpoint: $0.01 an hour in one zone at least
    "cloudtrail_create_verified_access_endpoint": 197.10,  # $0.27 an application-hour
}


@pytest.mark.parametrize(("fixture", "monthly"), MONTHLY.items())
def test_a_forgotten_resource_is_priced_from_its_creation_event(fixture: str, monthly: float) -> None:
    (change,) = parse_cloudtrail_event(load_event(fixture)).changes
    assert bundled_prices().monthly_cost_usd(change.key.resource_type, change.details or {}) == monthly


def test_an_endpoint_type_the_table_does_not_list_is_not_priced() -> None:
    (change,) = parse_cloudtrail_event(load_event("cloudtrail_create_resolver_endpoint")).changes
    details = {**(change.details or {}), "resolverEndpointType": "SOMETHING_NEW"}
    assert bundled_prices().monthly_cost_usd(change.key.resource_type, details) is None
