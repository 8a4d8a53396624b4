"""AWS Network Firewall firewalls (keyed by ARN, as the API names them): an endpoint per AZ bills by the hour."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

FIREWALL = "network-firewall.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::NetworkFirewall::Firewall", config=True,
        id_pattern=r"arn:[\w-]+:network-firewall:[\w-]+:\d+:firewall/[A-Za-z0-9-]+",
        calls=(
            created(
                FIREWALL, "CreateFirewall", "AWS::NetworkFirewall::Firewall", "responseElements.firewall.firewallArn",
                name="responseElements.firewall.firewallName", arn_path="responseElements.firewall.firewallArn",
                tags="requestParameters.tags",
            ),
            deleted(
                FIREWALL, "DeleteFirewall", "AWS::NetworkFirewall::Firewall",
                "responseElements.firewall.firewallArn|requestParameters.firewallArn",
            ),
        ),
        arn=Arn("network-firewall", "firewall/[A-Za-z0-9-]+"),
        check=one(
            "network-firewall", "DescribeFirewall", {"FirewallArn": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="FirewallStatus.Status",
            gone_states=states("DELETING"),
        ),
        cost=pricing.flat("network_firewall_endpoint"),  # one endpoint: a floor, each AZ's endpoint bills
    ),
)  # fmt: skip
