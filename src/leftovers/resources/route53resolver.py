"""Amazon Route 53 Resolver: endpoints, billed for each of their IP addresses by the hour, and forwarding rules."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

RESOLVER = "route53resolver.amazonaws.com"
_ARN = "arn:{partition}:route53resolver:{region}:{account}:"
_ENDPOINT = "responseElements.resolverEndpoint."

TYPES = (
    ResourceType(
        "AWS::Route53Resolver::ResolverEndpoint", config=True, id_pattern=r"rslvr-(?:in|out)-[0-9a-f]+",
        calls=(
            created(
                RESOLVER, "CreateResolverEndpoint", "AWS::Route53Resolver::ResolverEndpoint", _ENDPOINT + "id",
                name=_ENDPOINT + "name", arn_path=_ENDPOINT + "arn", tags="requestParameters.tags",
                details={"resolverEndpointType": _ENDPOINT + "resolverEndpointType",
                         "ipAddressCount": _ENDPOINT + "ipAddressCount"},
            ),
            deleted(RESOLVER, "DeleteResolverEndpoint", "AWS::Route53Resolver::ResolverEndpoint",
                    "requestParameters.resolverEndpointId"),
        ),
        arn=Arn("route53resolver", "resolver-endpoint/{id}"),
        check=one(
            "route53resolver", "GetResolverEndpoint", {"ResolverEndpointId": "{id}"}, "ResolverEndpoint",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETING"),
            created="CreationTime",
        ),
        # Each IP address is an elastic network interface billed by the hour (two at least).
        cost=pricing.nodes("route53_resolver_endpoint", "resolverEndpointType", "ipAddressCount"),
    ),
    ResourceType(
        "AWS::Route53Resolver::ResolverRule", config=True, id_pattern=r"rslvr-rr-[0-9a-f]+",
        calls=(
            created(
                RESOLVER, "CreateResolverRule", "AWS::Route53Resolver::ResolverRule",
                "responseElements.resolverRule.id", name="responseElements.resolverRule.name",
                arn_path="responseElements.resolverRule.arn", tags="requestParameters.tags",
            ),
            deleted(RESOLVER, "DeleteResolverRule", "AWS::Route53Resolver::ResolverRule",
                    "requestParameters.resolverRuleId"),
        ),
        arn=Arn("route53resolver", "resolver-rule/{id}"),
        check=one(
            "route53resolver", "GetResolverRule", {"ResolverRuleId": "{id}"}, "ResolverRule",
            gone_errors=gone_on("ResourceNotFoundException"), state="Status", gone_states=states("DELETING"),
        ),
    ),
)  # fmt: skip
