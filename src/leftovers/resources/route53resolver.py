"""Amazon Route 53 Resolver endpoints: each IP address (a network interface) bills by the hour."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

RESOLVER = "route53resolver.amazonaws.com"
_ENDPOINT = "responseElements.resolverEndpoint."

TYPES = (
    ResourceType(
        "AWS::Route53Resolver::ResolverEndpoint", config=True, id_pattern=r"rslvr-(?:in|out)-[0-9a-f]+",
        calls=(
            created(
                RESOLVER, "CreateResolverEndpoint", "AWS::Route53Resolver::ResolverEndpoint", _ENDPOINT + "id",
                name=_ENDPOINT + "name", arn_path=_ENDPOINT + "arn", tags="requestParameters.tags",
                details={"ipAddressCount": _ENDPOINT + "ipAddressCount"},
            ),
            deleted(
                RESOLVER, "DeleteResolverEndpoint", "AWS::Route53Resolver::ResolverEndpoint",
                "requestParameters.resolverEndpointId",
            ),
        ),
        arn=Arn("route53resolver", "resolver-endpoint/{id}"),
        check=one(
            "route53resolver", "GetResolverEndpoint", {"ResolverEndpointId": "{id}"}, "ResolverEndpoint",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETING"),
            created="CreationTime",
        ),
        cost=pricing.per_count("resolver_endpoint_ip", "ipAddressCount"),
    ),
)  # fmt: skip
