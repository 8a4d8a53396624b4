"""Amazon CloudFront distributions (global: CloudTrail records them, and reconcile asks about them, in us-east-1).

A distribution left enabled keeps serving, and billing for, whatever still points at it; it is deleted only after
being disabled, so a forgotten one is often a disabled one nobody finished.
"""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

CLOUDFRONT = "cloudfront.amazonaws.com"
_DISTRIBUTION = {
    "name": "responseElements.distribution.domainName",
    "arn_path": "responseElements.distribution.aRN",  # sic: CloudTrail camel-cases ARN so
}

TYPES = (
    ResourceType(
        "AWS::CloudFront::Distribution", config=True, id_pattern=r"E[A-Z0-9]+",
        calls=(
            created(CLOUDFRONT, "CreateDistribution", "AWS::CloudFront::Distribution",
                    "responseElements.distribution.id", **_DISTRIBUTION,
                    fixture="cloudtrail_cloudfront_create_distribution"),
            created(CLOUDFRONT, "CreateDistributionWithTags", "AWS::CloudFront::Distribution",
                    "responseElements.distribution.id", **_DISTRIBUTION,
                    tags="requestParameters.distributionConfigWithTags.tags.items",
                    fixture="cloudtrail_cloudfront_create_distribution_with_tags"),
            deleted(CLOUDFRONT, "DeleteDistribution", "AWS::CloudFront::Distribution", "requestParameters.id",
                    fixture="cloudtrail_cloudfront_delete_distribution"),
        ),
        arn=Arn("cloudfront", "distribution/{id}"),
        check=one("cloudfront", "GetDistribution", {"Id": "{id}"}, "Distribution",
                  gone_errors=gone_on("NoSuchDistribution")),
        console="https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/distributions/{id}",
    ),
)  # fmt: skip
