"""Amazon VPC addressing (EC2 API): DHCP option sets and IP Address Managers (the advanced tier bills every active
IP address it manages, by the hour)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, gone_on, one, states
from leftovers.resources.ec2 import EC2, SPECS, ec2_tags

_IPAM = "responseElements.{call}IpamResponse.ipam."

TYPES = (
    ResourceType(
        "AWS::EC2::DHCPOptions", config=True, id_pattern=r"dopt-[0-9a-f]+",
        calls=(
            created(EC2, "CreateDhcpOptions", "AWS::EC2::DHCPOptions", "responseElements.dhcpOptions.dhcpOptionsId",
                    arn="arn:{partition}:ec2:{region}:{account}:dhcp-options/{id}", tags=SPECS,
                    tag_resource="dhcp-options"),
            deleted(EC2, "DeleteDhcpOptions", "AWS::EC2::DHCPOptions", "requestParameters.dhcpOptionsId"),
            *ec2_tags("AWS::EC2::DHCPOptions"),
        ),
        arn=Arn("ec2", "dhcp-options/{id}"),
        check=ec2_describe("DescribeDhcpOptions", "DhcpOptions[]", "DhcpOptionsId", "dhcp-options-id"),
    ),
    # An IPAM's ARN carries no region (it manages several); its id alone keys it.
    ResourceType(
        "AWS::EC2::IPAM", config=True, id_pattern=r"ipam-[0-9a-f]+",
        calls=(
            created(EC2, "CreateIpam", "AWS::EC2::IPAM", _IPAM.format(call="Create") + "ipamId",
                    arn_path=_IPAM.format(call="Create") + "ipamArn",
                    details={"tier": _IPAM.format(call="Create") + "tier"}),
            deleted(EC2, "DeleteIpam", "AWS::EC2::IPAM", _IPAM.format(call="Delete") + "ipamId"
                    "|requestParameters.DeleteIpamRequest.IpamId"),
            *ec2_tags("AWS::EC2::IPAM"),
        ),
        arn=Arn("ec2", "ipam/{id}"), details=("tier",),
        check=one("ec2", "DescribeIpams", {"IpamIds": ("{id}",)}, "Ipams[]", item_id="IpamId",
                  gone_errors=gone_on("InvalidIpamId.NotFound"), state="State",
                  gone_states=states("delete-in-progress", "delete-complete")),
    ),
)  # fmt: skip
