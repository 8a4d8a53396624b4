"""Amazon Personalize campaigns: billed per provisioned TPS-hour (at least one) while they exist, keyed by ARN as
CloudFormation and the API name them."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

PERSONALIZE = "personalize.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Personalize::Campaign", config=False, id_pattern=r"arn:[\w-]+:personalize:[\w-]+:\d+:campaign/[\w-]+",
        calls=(
            created(
                PERSONALIZE, "CreateCampaign", "AWS::Personalize::Campaign", "responseElements.campaignArn",
                name="requestParameters.name", arn_path="responseElements.campaignArn", tags="requestParameters.tags",
                details={"minProvisionedTPS": "requestParameters.minProvisionedTPS"},
                fixture="cloudtrail_personalize_create_campaign",
            ),
            deleted(PERSONALIZE, "DeleteCampaign", "AWS::Personalize::Campaign", "requestParameters.campaignArn",
                    fixture="cloudtrail_personalize_delete_campaign"),
        ),
        arn=Arn("personalize", r"campaign/[\w-]+"),
        check=one(
            "personalize", "DescribeCampaign", {"campaignArn": "{id}"}, "campaign",
            gone_errors=gone_on("ResourceNotFoundException"), state="status",
            gone_states=states("DELETE PENDING", "DELETE IN_PROGRESS"), created="creationDateTime",
        ),
    ),
)  # fmt: skip
