"""AWS Secrets Manager secrets (keyed by ARN: a name may be reused after deletion)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

SECRETS = "secretsmanager.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::SecretsManager::Secret", config=True,
        id_pattern=r"arn:[\w-]+:secretsmanager:[\w-]+:\d+:secret:.+",
        calls=(
            created(
                SECRETS, "CreateSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
                name="responseElements.name|requestParameters.name", arn_path="responseElements.arn",
                tags="requestParameters.tags", note="keyed by the secret's ARN (its name may be reused after deletion)",
            ),
            deleted(
                SECRETS, "DeleteSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
                note="a secret scheduled for deletion counts as deleted",
            ),
            created(
                SECRETS, "RestoreSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
                name="responseElements.name", note="a restored secret is tracked afresh from the restore",
            ),
        ),
        arn=Arn("secretsmanager", "secret:.+"),
        check=one(
            "secretsmanager", "DescribeSecret", {"SecretId": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"), state="DeletedDate", gone_states=states("*"),
            created="CreatedDate",
        ),
    ),
)  # fmt: skip
