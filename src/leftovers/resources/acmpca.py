"""AWS Private CA certificate authorities (a general-purpose CA bills monthly until deleted)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

ACM_PCA = "acm-pca.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ACMPCA::CertificateAuthority", config=True,
        id_pattern=r"arn:[\w-]+:acm-pca:[\w-]+:\d+:certificate-authority/[0-9a-f-]{36}",
        calls=(
            created(
                ACM_PCA, "CreateCertificateAuthority", "AWS::ACMPCA::CertificateAuthority",
                "responseElements.certificateAuthorityArn", arn_path="responseElements.certificateAuthorityArn",
                tags="requestParameters.tags",
                details={  # usage mode decides the monthly fee (general purpose or short-lived certificates)
                    "usageMode": "requestParameters.usageMode",
                    "type": "requestParameters.certificateAuthorityType",
                },
                fixture="cloudtrail_acmpca_create_certificate_authority",
            ),
            deleted(  # schedules deletion; a CA pending deletion is no longer billed
                ACM_PCA, "DeleteCertificateAuthority", "AWS::ACMPCA::CertificateAuthority",
                "requestParameters.certificateAuthorityArn", fixture="cloudtrail_acmpca_delete_certificate_authority",
            ),
        ),
        arn=Arn("acm-pca", "certificate-authority/[0-9a-f-]{36}"),
        check=one(
            "acm-pca", "DescribeCertificateAuthority", {"CertificateAuthorityArn": "{id}"}, "CertificateAuthority",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETED"),
            created="CreatedAt",
        ),
        details=("usageMode", "type"),
    ),
)  # fmt: skip
