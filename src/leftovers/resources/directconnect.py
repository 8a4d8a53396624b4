"""AWS Direct Connect dedicated connections: billed by the port-hour from when the port is up (or 90 days after the
request, whichever comes first) until the connection is deleted, traffic or not."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, one, states

DIRECT_CONNECT = "directconnect.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::DirectConnect::Connection", config=False, id_pattern=r"dxcon-[0-9a-z]+",
        calls=(
            created(
                DIRECT_CONNECT, "CreateConnection", "AWS::DirectConnect::Connection", "responseElements.connectionId",
                name="responseElements.connectionName", tags="requestParameters.tags",
                arn="arn:{partition}:directconnect:{region}:{account}:dxcon/{id}",
                details={"bandwidth": "responseElements.bandwidth"},
                fixture="cloudtrail_directconnect_create_connection",
            ),
            deleted(DIRECT_CONNECT, "DeleteConnection", "AWS::DirectConnect::Connection",
                    "requestParameters.connectionId", fixture="cloudtrail_directconnect_delete_connection"),
        ),
        arn=Arn("directconnect", "dxcon/{id}"),
        check=one(
            "directconnect", "DescribeConnections", {"connectionId": "{id}"}, "connections[]",
            item_id="connectionId", state="connectionState", gone_states=states("deleting", "deleted", "rejected"),
        ),
        cost=pricing.nodes("direct_connect_port", "bandwidth"),
    ),
)  # fmt: skip
