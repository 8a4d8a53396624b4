"""AWS KMS keys (a key scheduled for deletion no longer bills: it counts as deleted)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KMS = "kms.amazonaws.com"
_KEY_ID = r":key/(.+)$"  # the key may be named by ARN; Config keys it by the bare key id

TYPES = (
    ResourceType(
        "AWS::KMS::Key", config=True, id_pattern=r"(?:mrk-)?[0-9a-f-]{32,36}",
        calls=(
            created(
                KMS, "CreateKey", "AWS::KMS::Key", "responseElements.keyMetadata.keyId",
                arn_path="responseElements.keyMetadata.arn", tags="requestParameters.tags",
            ),
            deleted(
                KMS, "ScheduleKeyDeletion", "AWS::KMS::Key", "responseElements.keyId|requestParameters.keyId",
                id_regex=_KEY_ID, note="a key scheduled for deletion no longer bills: it counts as deleted",
            ),
            created(
                KMS, "CancelKeyDeletion", "AWS::KMS::Key", "responseElements.keyId|requestParameters.keyId",
                id_regex=_KEY_ID,
                note="a cancelled deletion brings the key back; it is tracked afresh from the cancellation",
            ),
        ),
        arn=Arn("kms", r"key/{id}"),
        check=one(
            "kms", "DescribeKey", {"KeyId": "{id}"}, "KeyMetadata", gone_errors=gone_on("NotFoundException"),
            state="KeyState", gone_states=states("PendingDeletion", "PendingReplicaDeletion"), created="CreationDate",
        ),
        details=("keyManager",),
    ),
)  # fmt: skip
