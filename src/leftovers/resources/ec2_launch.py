"""Amazon EC2 launch settings people make and forget: key pairs, launch templates and placement groups."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, SPECS, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/ec2/home?region={region}#"
_NAME = r"[ -~]{1,255}"  # EC2 names key pairs and placement groups with up to 255 ASCII characters
_KEY = "keyed by key name, the only name DeleteKeyPair is sure to carry (as Cloud Control names key pairs)"
_KEY_PAIR = {"name": "responseElements.keyName", "tags": SPECS, "tag_resource": "key-pair", "note": _KEY}
_TEMPLATE = "responseElements.{call}LaunchTemplateResponse.launchTemplate."

TYPES = (
    ResourceType(
        "AWS::EC2::KeyPair", config=False, id_pattern=_NAME,
        calls=(
            created(EC2, "CreateKeyPair", "AWS::EC2::KeyPair", "responseElements.keyName", **_KEY_PAIR),
            created(EC2, "ImportKeyPair", "AWS::EC2::KeyPair", "responseElements.keyName", **_KEY_PAIR),
            deleted(EC2, "DeleteKeyPair", "AWS::EC2::KeyPair", "requestParameters.keyName", note=_KEY),
        ),
        # ARNs name key pairs by their key-... id, not by the name they are keyed by.
        check=ec2_describe("DescribeKeyPairs", "KeyPairs[]", "KeyName", "key-name", created="CreateTime"),
        console=_CONSOLE + "KeyPairs:search={id}",
    ),
    ResourceType(
        "AWS::EC2::LaunchTemplate", config=True, id_pattern=r"lt-[0-9a-f]+",
        calls=(
            created(EC2, "CreateLaunchTemplate", "AWS::EC2::LaunchTemplate",
                    _TEMPLATE.format(call="Create") + "launchTemplateId",
                    name=_TEMPLATE.format(call="Create") + "launchTemplateName", arn=_ARN + "launch-template/{id}"),
            # Deleting by name is allowed; the response always names the template's id.
            deleted(EC2, "DeleteLaunchTemplate", "AWS::EC2::LaunchTemplate",
                    _TEMPLATE.format(call="Delete") + "launchTemplateId"),
            *ec2_tags("AWS::EC2::LaunchTemplate"),
        ),
        # No describe row: left to the generic Cloud Control check (reconcile's tests use it as the unchecked type).
        arn=Arn("ec2", "launch-template/{id}"),
        console=_CONSOLE + "LaunchTemplateDetails:launchTemplateId={id}",
    ),
    ResourceType(
        "AWS::EC2::PlacementGroup", config=False, id_pattern=_NAME,
        calls=(
            created(EC2, "CreatePlacementGroup", "AWS::EC2::PlacementGroup", "requestParameters.groupName",
                    name="requestParameters.groupName", arn=_ARN + "placement-group/{id}",
                    tags=SPECS, tag_resource="placement-group",
                    note="keyed by group name, which every call carries (as Cloud Control names placement groups)"),
            deleted(EC2, "DeletePlacementGroup", "AWS::EC2::PlacementGroup", "requestParameters.groupName"),
        ),
        arn=Arn("ec2", "placement-group/{id}"),
        check=ec2_describe("DescribePlacementGroups", "PlacementGroups[]", "GroupName", "group-name",
                           state="State", gone_states=states("deleting", "deleted")),
    ),
)  # fmt: skip
