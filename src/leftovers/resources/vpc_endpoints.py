"""Amazon VPC endpoints and endpoint services (PrivateLink), and VPC flow logs (EC2 API).

An interface endpoint bills by the hour in every Availability Zone it has a subnet in; a flow log bills for what it
delivers. Both are deleted by calls that take a list of ids, which CloudTrail renders as ``{"tag": n, "content": id}``
items and whose responses name only the ids that failed.
"""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, ec2_describe, states
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"
_ENDPOINT = "responseElements.CreateVpcEndpointResponse.vpcEndpoint."
# A partly failed call is left to reconcile: which of its ids went is not said, only which did not.
_PARTLY_FAILED = "responseElements.{call}Response.unsuccessful.item"
_ONLY_IF_ALL = "ignored when any id failed (the response lists those only): reconcile settles the batch"

TYPES = (
    ResourceType(
        "AWS::EC2::VPCEndpoint", config=True, id_pattern=r"vpce-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpcEndpoint", "AWS::EC2::VPCEndpoint", _ENDPOINT + "vpcEndpointId",
                    arn=_ARN + "vpc-endpoint/{id}", details={"vpcEndpointType": _ENDPOINT + "vpcEndpointType"}),
            deleted(EC2, "DeleteVpcEndpoints", "AWS::EC2::VPCEndpoint",
                    "requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId[].content",
                    skip_if=_PARTLY_FAILED.format(call="DeleteVpcEndpoints"), note=_ONLY_IF_ALL),
            *ec2_tags("AWS::EC2::VPCEndpoint"),
        ),
        arn=Arn("ec2", "vpc-endpoint/{id}"),
        check=ec2_describe(
            "DescribeVpcEndpoints", "VpcEndpoints[]", "VpcEndpointId", "vpc-endpoint-id", state="State",
            gone_states=states("deleting", "deleted", "rejected", "failed", "expired",
                               "Deleting", "Deleted", "Rejected", "Failed", "Expired"),
            created="CreationTimestamp",
        ),
        # A floor for interface endpoints: one zone's endpoint-hour; gateway endpoints cost nothing.
        cost=pricing.vpc_endpoint, details=("vpcEndpointType",),
        console=_CONSOLE + "EndpointDetails:vpcEndpointId={id}",
    ),
    ResourceType(
        "AWS::EC2::VPCEndpointService", config=True, id_pattern=r"vpce-svc-[0-9a-f]+",
        calls=(
            created(EC2, "CreateVpcEndpointServiceConfiguration", "AWS::EC2::VPCEndpointService",
                    "responseElements.CreateVpcEndpointServiceConfigurationResponse.serviceConfiguration.serviceId",
                    name="responseElements.CreateVpcEndpointServiceConfigurationResponse.serviceConfiguration"
                    ".serviceName", arn=_ARN + "vpc-endpoint-service/{id}"),
            deleted(EC2, "DeleteVpcEndpointServiceConfigurations", "AWS::EC2::VPCEndpointService",
                    "requestParameters.DeleteVpcEndpointServiceConfigurationsRequest.ServiceId[].content",
                    skip_if=_PARTLY_FAILED.format(call="DeleteVpcEndpointServiceConfigurations"), note=_ONLY_IF_ALL),
            *ec2_tags("AWS::EC2::VPCEndpointService"),
        ),
        arn=Arn("ec2", "vpc-endpoint-service/{id}"),
        check=ec2_describe(
            "DescribeVpcEndpointServiceConfigurations", "ServiceConfigurations[]", "ServiceId", "service-id",
            state="ServiceState", gone_states=states("Deleting", "Deleted", "Failed", "deleting", "deleted", "failed"),
        ),
    ),
    ResourceType(
        "AWS::EC2::FlowLog", config=True, id_pattern=r"fl-[0-9a-f]+",
        calls=(
            created(EC2, "CreateFlowLogs", "AWS::EC2::FlowLog",
                    "responseElements.CreateFlowLogsResponse.flowLogIdSet.item[]", arn=_ARN + "vpc-flow-log/{id}",
                    note="one change per flow log (one per resource the call names)"),
            deleted(EC2, "DeleteFlowLogs", "AWS::EC2::FlowLog",
                    "requestParameters.DeleteFlowLogsRequest.FlowLogId[].content",
                    skip_if=_PARTLY_FAILED.format(call="DeleteFlowLogs"), note=_ONLY_IF_ALL),
            *ec2_tags("AWS::EC2::FlowLog"),
        ),
        arn=Arn("ec2", "vpc-flow-log/{id}"),
        check=ec2_describe("DescribeFlowLogs", "FlowLogs[]", "FlowLogId", "flow-log-id", filters_param="Filter",
                           created="CreationTime"),
    ),
)  # fmt: skip
