"""AWS IAM roles (global; Config keys them by RoleId, the API asks by name)."""

from __future__ import annotations

from leftovers.resources import ResourceType, gone_on, one

TYPES = (
    ResourceType(
        "AWS::IAM::Role", config=True, id_pattern=r"AROA[A-Z0-9]+",
        check=one(  # the API asks by name, so the id is compared too
            "iam", "GetRole", {"RoleName": "{name}"}, "Role", item_id="RoleId", gone_errors=gone_on("NoSuchEntity"),
            created="CreateDate",
        ),
        details=("path",),
    ),
)  # fmt: skip
