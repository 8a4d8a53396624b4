"""AWS WAF (v2) web ACLs (each bills monthly, plus per rule)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted

WAFV2 = "wafv2.amazonaws.com"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

TYPES = (
    ResourceType(
        # No describe row: GetWebACL needs the name and scope as well as the id, and DeleteWebACL's id is all both
        # calls share. CloudTrail lower-cases a member's first letter: the summary's ARN is "aRN" (RDS: "dBInstance").
        "AWS::WAFv2::WebACL", config=True, id_pattern=_UUID,
        calls=(
            created(
                WAFV2, "CreateWebACL", "AWS::WAFv2::WebACL", "responseElements.summary.id",
                name="responseElements.summary.name", arn_path="responseElements.summary.aRN",
                tags="requestParameters.tags", details={"scope": "requestParameters.scope"},
                fixture="cloudtrail_wafv2_create_web_acl",
            ),
            deleted(WAFV2, "DeleteWebACL", "AWS::WAFv2::WebACL", "requestParameters.id",
                    fixture="cloudtrail_wafv2_delete_web_acl"),
        ),
        arn=Arn("wafv2", "(?:regional|global)/webacl/[^/]+/{id}"),
        details=("scope",),
    ),
)  # fmt: skip
