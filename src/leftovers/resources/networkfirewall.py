"""AWS Network Firewall: firewalls (billed per endpoint-hour, one endpoint per Availability Zone), their policies and
rule groups, keyed by ARN as the Network Firewall API names them."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, TrailCall, created, deleted, gone_on, one, states
from leftovers.resources._calls import snake

NETWORK_FIREWALL = "network-firewall.amazonaws.com"
_ID = r"arn:[\w-]+:network-firewall:[\w-]+:\d+:{resource}/.+"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"
_NOTE = "keyed by ARN, which both responses carry even when the call named the resource by name"


def _calls(rtype: str, noun: str, response: str, arn_field: str, name_field: str) -> tuple[TrailCall, TrailCall]:
    """The create and delete rows of one kind: both responses hold the whole resource under ``response``."""
    return (
        created(NETWORK_FIREWALL, f"Create{noun}", rtype, f"responseElements.{response}.{arn_field}",
                name=f"responseElements.{response}.{name_field}", tags="requestParameters.tags", note=_NOTE,
                fixture=f"cloudtrail_network_firewall_create_{snake(noun)}"),
        deleted(NETWORK_FIREWALL, f"Delete{noun}", rtype,
                f"responseElements.{response}.{arn_field}|requestParameters.{arn_field}",
                fixture=f"cloudtrail_network_firewall_delete_{snake(noun)}"),
    )  # fmt: skip


TYPES = (
    ResourceType(
        "AWS::NetworkFirewall::Firewall", config=True, id_pattern=_ID.format(resource="firewall"),
        calls=_calls("AWS::NetworkFirewall::Firewall", "Firewall", "firewall", "firewallArn", "firewallName"),
        arn=Arn("network-firewall", "firewall/.+"),
        check=one(
            "network-firewall", "DescribeFirewall", {"FirewallArn": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="FirewallStatus.Status",
            gone_states=states("DELETING"),
        ),
        # A floor: one endpoint-hour; a firewall in N zones bills N of them.
        cost=pricing.flat("network_firewall_endpoint"),
        console=_CONSOLE + "NetworkFirewallDetails:arn={id}",
    ),
    ResourceType(
        "AWS::NetworkFirewall::FirewallPolicy", config=True, id_pattern=_ID.format(resource="firewall-policy"),
        calls=_calls("AWS::NetworkFirewall::FirewallPolicy", "FirewallPolicy", "firewallPolicyResponse",
                     "firewallPolicyArn", "firewallPolicyName"),
        arn=Arn("network-firewall", "firewall-policy/.+"),
        check=one(
            "network-firewall", "DescribeFirewallPolicy", {"FirewallPolicyArn": "{id}"}, "FirewallPolicyResponse",
            gone_errors=gone_on("ResourceNotFoundException"), state="FirewallPolicyStatus",
            gone_states=states("DELETING"),
        ),
    ),
    ResourceType(
        "AWS::NetworkFirewall::RuleGroup", config=True,
        id_pattern=_ID.format(resource="state(?:ful|less)-rulegroup"),
        calls=_calls("AWS::NetworkFirewall::RuleGroup", "RuleGroup", "ruleGroupResponse", "ruleGroupArn",
                     "ruleGroupName"),
        arn=Arn("network-firewall", "state(?:ful|less)-rulegroup/.+"),
        check=one(
            "network-firewall", "DescribeRuleGroup", {"RuleGroupArn": "{id}"}, "RuleGroupResponse",
            gone_errors=gone_on("ResourceNotFoundException"), state="RuleGroupStatus", gone_states=states("DELETING"),
        ),
    ),
)  # fmt: skip
