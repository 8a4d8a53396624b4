"""Amazon Route 53 hosted zones (global: asked about in us-east-1)."""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one

ROUTE53 = "route53.amazonaws.com"
_ZONE_ID = r"hostedzone/(.+)$"

TYPES = (
    ResourceType(
        "AWS::Route53::HostedZone", config=True, id_pattern=r"Z[A-Z0-9]+",
        calls=(
            created(
                ROUTE53, "CreateHostedZone", "AWS::Route53::HostedZone", "responseElements.hostedZone.id",
                name="requestParameters.name", id_regex=_ZONE_ID, arn="arn:{partition}:route53:::hostedzone/{id}",
            ),
            deleted(ROUTE53, "DeleteHostedZone", "AWS::Route53::HostedZone", "requestParameters.id",
                    id_regex=_ZONE_ID),
        ),
        check=one("route53", "GetHostedZone", {"Id": "{id}"}, "HostedZone", gone_errors=gone_on("NoSuchHostedZone")),
    ),
)  # fmt: skip
