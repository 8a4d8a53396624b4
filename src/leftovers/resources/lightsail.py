"""Amazon Lightsail: instances, managed databases, load balancers, static IPs, block storage disks, buckets,
container services and content delivery distributions, each billed by the month while it exists (a static IP only
while it is attached to nothing).

Lightsail names each resource uniquely within a region and every call names it, so it is keyed by that name; its
ARNs carry a generated id instead, so none is declared. Lightsail tags its resources through its own API only (the
Resource Groups Tagging API does not list them).
"""

from __future__ import annotations

from collections.abc import Mapping

from leftovers.resources import Describe, ResourceType, TrailCall, created, deleted, gone_on, one
from leftovers.resources._calls import snake

LIGHTSAIL = "lightsail.amazonaws.com"
_NAME = r"[A-Za-z0-9][\w.-]*"
_CONSOLE = "https://lightsail.aws.amazon.com/ls/webapp/{region}/"


def _calls(
    rtype: str,
    param: str,
    creates: tuple[str, ...],
    delete: str,
    ids: str | None = None,
    details: Mapping[str, str] | None = None,
    tags: bool = True,
) -> tuple[TrailCall, ...]:
    """Rows for the calls that create (``creates``) and delete one kind of resource named by ``param``."""
    path = ids or f"requestParameters.{param}"
    extra = {"name": path, "tags": "requestParameters.tags" if tags else None, "details": details or {}}
    return (
        *(created(LIGHTSAIL, event, rtype, path, fixture=_fixture(event), **extra) for event in creates),
        deleted(LIGHTSAIL, delete, rtype, f"requestParameters.{param}", fixture=_fixture(delete)),
    )


def _fixture(event: str) -> str:
    return f"cloudtrail_lightsail_{snake(event)}"


def _get(operation: str, param: str, item: str) -> Describe:
    """A Get call that answers NotFoundException for a name that no longer exists."""
    return one(
        "lightsail", operation, {param: "{id}"}, item, gone_errors=gone_on("NotFoundException"), created="createdAt"
    )


TYPES = (
    ResourceType(
        "AWS::Lightsail::Instance", config=False, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::Instance", "instanceName", ("CreateInstances",), "DeleteInstance",
                     ids="requestParameters.instanceNames[]", details={"bundleId": "requestParameters.bundleId"}),
        check=_get("GetInstance", "instanceName", "instance"),
        console=_CONSOLE + "instances/{id}/connect",
    ),
    ResourceType(
        "AWS::Lightsail::Database", config=False, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::Database", "relationalDatabaseName", ("CreateRelationalDatabase",),
                     "DeleteRelationalDatabase",
                     details={"bundleId": "requestParameters.relationalDatabaseBundleId"}),
        check=_get("GetRelationalDatabase", "relationalDatabaseName", "relationalDatabase"),
        console=_CONSOLE + "databases/{id}/connect",
    ),
    ResourceType(
        "AWS::Lightsail::LoadBalancer", config=False, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::LoadBalancer", "loadBalancerName", ("CreateLoadBalancer",),
                     "DeleteLoadBalancer"),
        check=_get("GetLoadBalancer", "loadBalancerName", "loadBalancer"),
    ),
    ResourceType(
        "AWS::Lightsail::StaticIp", config=True, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::StaticIp", "staticIpName", ("AllocateStaticIp",), "ReleaseStaticIp",
                     tags=False),
        check=_get("GetStaticIp", "staticIpName", "staticIp"),
    ),
    ResourceType(
        "AWS::Lightsail::Disk", config=True, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::Disk", "diskName", ("CreateDisk",), "DeleteDisk",
                     details={"sizeInGb": "requestParameters.sizeInGb"}),
        check=_get("GetDisk", "diskName", "disk"),
    ),
    ResourceType(
        "AWS::Lightsail::Bucket", config=True, id_pattern=r"[a-z0-9][a-z0-9.-]*", tagging=False,
        calls=_calls("AWS::Lightsail::Bucket", "bucketName", ("CreateBucket",), "DeleteBucket",
                     details={"bundleId": "requestParameters.bundleId"}),
        check=_get("GetBuckets", "bucketName", "buckets[]"),
    ),
    ResourceType(
        "AWS::Lightsail::Container", config=False, id_pattern=r"[a-z0-9][a-z0-9-]*", tagging=False,
        calls=_calls("AWS::Lightsail::Container", "serviceName", ("CreateContainerService",),
                     "DeleteContainerService", details={"power": "requestParameters.power"}),
        check=_get("GetContainerServices", "serviceName", "containerServices[]"),
    ),
    ResourceType(
        "AWS::Lightsail::Distribution", config=False, id_pattern=_NAME, tagging=False,
        calls=_calls("AWS::Lightsail::Distribution", "distributionName", ("CreateDistribution",),
                     "DeleteDistribution", details={"bundleId": "requestParameters.bundleId"}),
        check=_get("GetDistributions", "distributionName", "distributions[]"),
    ),
)  # fmt: skip
