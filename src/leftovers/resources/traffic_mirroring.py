"""VPC Traffic Mirroring (EC2 API): sessions, billed for every hour a network interface is mirrored, and the targets
and filters they use."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, TrailCall, created, deleted, ec2_describe
from leftovers.resources.ec2 import EC2, ec2_tags

_ARN = "arn:{partition}:ec2:{region}:{account}:"
_CONSOLE = "https://{region}.console.aws.amazon.com/vpcconsole/home?region={region}#"


def _calls(noun: str, arn_part: str) -> tuple[TrailCall, ...]:
    """Create, delete and EC2 tag rows: the create response wraps the new resource, the delete response names its id."""
    rtype, member, key = f"AWS::EC2::{noun}", noun[:1].lower() + noun[1:], f"{noun[:1].lower()}{noun[1:]}Id"
    return (
        created(EC2, f"Create{noun}", rtype, f"responseElements.Create{noun}Response.{member}.{key}",
                arn=_ARN + arn_part + "/{id}"),
        deleted(EC2, f"Delete{noun}", rtype, f"responseElements.Delete{noun}Response.{key}"
                f"|requestParameters.Delete{noun}Request.{noun}Id"),
        *ec2_tags(rtype),
    )  # fmt: skip


TYPES = (
    ResourceType(
        "AWS::EC2::TrafficMirrorSession", config=True, id_pattern=r"tms-[0-9a-f]+",
        calls=_calls("TrafficMirrorSession", "traffic-mirror-session"),
        arn=Arn("ec2", "traffic-mirror-session/{id}"),
        check=ec2_describe("DescribeTrafficMirrorSessions", "TrafficMirrorSessions[]", "TrafficMirrorSessionId",
                           "traffic-mirror-session-id"),
        cost=pricing.flat("traffic_mirror_session"),  # per mirrored interface-hour: one session mirrors one ENI
        console=_CONSOLE + "TrafficMirrorSessionDetails:trafficMirrorSessionId={id}",
    ),
    ResourceType(
        "AWS::EC2::TrafficMirrorTarget", config=True, id_pattern=r"tmt-[0-9a-f]+",
        calls=_calls("TrafficMirrorTarget", "traffic-mirror-target"),
        arn=Arn("ec2", "traffic-mirror-target/{id}"),
        check=ec2_describe("DescribeTrafficMirrorTargets", "TrafficMirrorTargets[]", "TrafficMirrorTargetId",
                           "traffic-mirror-target-id"),
    ),
    ResourceType(
        "AWS::EC2::TrafficMirrorFilter", config=True, id_pattern=r"tmf-[0-9a-f]+",
        calls=_calls("TrafficMirrorFilter", "traffic-mirror-filter"),
        arn=Arn("ec2", "traffic-mirror-filter/{id}"),
        check=ec2_describe("DescribeTrafficMirrorFilters", "TrafficMirrorFilters[]", "TrafficMirrorFilterId",
                           "traffic-mirror-filter-id"),
    ),
)  # fmt: skip
