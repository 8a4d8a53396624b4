"""AWS Cloud WAN and Network Manager: global networks and core networks (each core network edge bills by the hour).

Network Manager's API lives in us-west-2, so CloudTrail records every call (and Leftovers every network) there.
"""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, TrailCall, created, deleted, gone_on, one, states
from leftovers.resources._calls import snake

NETWORK_MANAGER = "networkmanager.amazonaws.com"


def _calls(noun: str) -> tuple[TrailCall, TrailCall]:
    """Create and delete rows: both responses hold the whole network under its lower-camel noun."""
    rtype, member = f"AWS::NetworkManager::{noun}", noun[:1].lower() + noun[1:]
    return (
        created(NETWORK_MANAGER, f"Create{noun}", rtype, f"responseElements.{member}.{member}Id",
                arn_path=f"responseElements.{member}.{member}Arn", tags="requestParameters.tags",
                fixture=f"cloudtrail_networkmanager_create_{snake(noun)}"),
        deleted(NETWORK_MANAGER, f"Delete{noun}", rtype, f"requestParameters.{member}Id",
                fixture=f"cloudtrail_networkmanager_delete_{snake(noun)}"),
    )  # fmt: skip


TYPES = (
    ResourceType(
        "AWS::NetworkManager::GlobalNetwork", config=True, id_pattern=r"global-network-[0-9a-z]+",
        calls=_calls("GlobalNetwork"),
        arn=Arn("networkmanager", "global-network/{id}"),
        check=Describe("networkmanager", "DescribeGlobalNetworks", "GlobalNetworks[]", item_id="GlobalNetworkId",
                       ids_param="GlobalNetworkIds", batch=10, state="State", gone_states=states("DELETING"),
                       created="CreatedAt"),
    ),
    ResourceType(
        "AWS::NetworkManager::CoreNetwork", config=False, id_pattern=r"core-network-[0-9a-z]+",
        calls=_calls("CoreNetwork"),
        arn=Arn("networkmanager", "core-network/{id}"),
        check=one("networkmanager", "GetCoreNetwork", {"CoreNetworkId": "{id}"}, "CoreNetwork",
                  gone_errors=gone_on("ResourceNotFoundException"), state="State", gone_states=states("DELETING"),
                  created="CreatedAt"),
    ),
)  # fmt: skip
