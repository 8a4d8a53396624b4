"""The member stack's event patterns, split so global services are forwarded once, from us-east-1 only.

Global services (IAM, Route 53, CloudFront...) deliver their CloudTrail events to EventBridge in us-east-1, and AWS
Config records global resource types with ``awsRegion`` "global" in whichever regions include them. member.yaml
spells these patterns out (CloudFormation cannot import Python); tests hold the two equal.
"""

from __future__ import annotations

import copy
from typing import Any

from leftovers.adapters.sources.cloudtrail.pattern import cloudtrail_patterns, eventbridge_source
from leftovers.adapters.sources.cloudtrail.table import CALLS

GLOBAL_REGION = "us-east-1"
GLOBAL_SOURCES = frozenset({"aws.iam", "aws.route53", "aws.cloudfront", "aws.organizations", "aws.globalaccelerator"})
"""EventBridge sources of the global services: their events are forwarded from GLOBAL_REGION only."""
CONFIG_GLOBAL_REGION = "global"
"""The ``awsRegion`` of a Config item of a global resource type (IAM users, roles, policies...)."""
CONFIG_STATUSES = ["ResourceDiscovered", "ResourceDeleted", "ResourceDeletedNotRecorded", "OK"]


def member_cloudtrail_patterns() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The regional CloudTrail patterns (every region) and the global ones (GLOBAL_REGION only), each list shared
    out over as many patterns as EventBridge's size limit needs (one member rule each)."""
    is_global = [eventbridge_source(row.source) in GLOBAL_SOURCES for row in CALLS]
    regional = cloudtrail_patterns([row for row, g in zip(CALLS, is_global, strict=True) if not g])
    global_ = cloudtrail_patterns([row for row, g in zip(CALLS, is_global, strict=True) if g])
    return regional, global_


def config_pattern(region_matcher: list[Any]) -> dict[str, Any]:
    """The central stack's Config pattern, narrowed to configuration items whose ``awsRegion`` matches."""
    item = {"configurationItemStatus": CONFIG_STATUSES, "awsRegion": region_matcher}
    return {
        "source": ["aws.config"],
        "detail-type": ["Config Configuration Item Change"],
        "detail": {
            "messageType": ["ConfigurationItemChangeNotification", "OversizedConfigurationItemChangeNotification"],
            "$or": [{"configurationItem": item}, {"configurationItemSummary": copy.deepcopy(item)}],
        },
    }


def config_patterns() -> tuple[dict[str, Any], dict[str, Any]]:
    """The regional Config pattern (every region: no global item) and the global one (GLOBAL_REGION only)."""
    return config_pattern([{"anything-but": CONFIG_GLOBAL_REGION}]), config_pattern([CONFIG_GLOBAL_REGION])
