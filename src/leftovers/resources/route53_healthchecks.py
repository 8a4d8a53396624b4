"""Amazon Route 53 health checks (global: CloudTrail records them, and reconcile asks about them, in us-east-1).

Each one bills by the month and keeps probing its endpoint from every checker region long after the endpoint is gone.
"""

from __future__ import annotations

from leftovers.resources import ResourceType, created, deleted, gone_on, one
from leftovers.resources.route53 import ROUTE53

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        "AWS::Route53::HealthCheck", config=False, id_pattern=_UUID,
        calls=(
            created(ROUTE53, "CreateHealthCheck", "AWS::Route53::HealthCheck", "responseElements.healthCheck.id",
                    name="requestParameters.healthCheckConfig.fullyQualifiedDomainName",
                    arn="arn:{partition}:route53:::healthcheck/{id}"),
            deleted(ROUTE53, "DeleteHealthCheck", "AWS::Route53::HealthCheck", "requestParameters.healthCheckId"),
        ),
        # Like hosted zones, no ARN shape: Route 53 ARNs carry no region to key a health check by.
        check=one("route53", "GetHealthCheck", {"HealthCheckId": "{id}"}, "HealthCheck",
                  gone_errors=gone_on("NoSuchHealthCheck")),
        console="https://console.aws.amazon.com/route53/healthchecks/home#/details/{id}",
    ),
)  # fmt: skip
