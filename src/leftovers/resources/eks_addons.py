"""Amazon EKS Fargate profiles and add-ons, keyed by ARN as node groups are (their names repeat across clusters)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

EKS = "eks.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")
_BY_ARN = "names repeat across clusters: the ARN is the stable id"

TYPES = (
    ResourceType(
        "AWS::EKS::FargateProfile", config=True, id_pattern=r"arn:[\w-]+:eks:[\w-]+:\d+:fargateprofile/.+",
        calls=(
            created(
                EKS, "CreateFargateProfile", "AWS::EKS::FargateProfile",
                "responseElements.fargateProfile.fargateProfileArn",
                name="responseElements.fargateProfile.fargateProfileName",
                arn_path="responseElements.fargateProfile.fargateProfileArn", tags="requestParameters.tags",
                note=_BY_ARN, fixture="cloudtrail_eks_create_fargate_profile",
            ),
            deleted(
                EKS, "DeleteFargateProfile", "AWS::EKS::FargateProfile",
                "responseElements.fargateProfile.fargateProfileArn", fixture="cloudtrail_eks_delete_fargate_profile",
            ),
        ),
        arn=Arn("eks", "fargateprofile/.+"),
        check=one(
            "eks", "DescribeFargateProfile", {"clusterName": "{cluster}", "fargateProfileName": "{profile}"},
            "fargateProfile", id_regex=r":fargateprofile/(?P<cluster>[^/]+)/(?P<profile>[^/]+)/",
            gone_errors=_NOT_FOUND, state="status", gone_states=states("DELETING"), created="createdAt",
        ),
    ),
    ResourceType(
        "AWS::EKS::Addon", config=True, id_pattern=r"arn:[\w-]+:eks:[\w-]+:\d+:addon/.+",
        calls=(
            created(
                EKS, "CreateAddon", "AWS::EKS::Addon", "responseElements.addon.addonArn",
                name="responseElements.addon.addonName", arn_path="responseElements.addon.addonArn",
                tags="requestParameters.tags", note=_BY_ARN, fixture="cloudtrail_eks_create_addon",
            ),
            deleted(EKS, "DeleteAddon", "AWS::EKS::Addon", "responseElements.addon.addonArn",
                    fixture="cloudtrail_eks_delete_addon"),
        ),
        arn=Arn("eks", "addon/.+"),
        check=one(
            "eks", "DescribeAddon", {"clusterName": "{cluster}", "addonName": "{addon}"}, "addon",
            id_regex=r":addon/(?P<cluster>[^/]+)/(?P<addon>[^/]+)/", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING"), created="createdAt",
        ),
    ),
)  # fmt: skip
