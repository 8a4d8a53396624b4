"""Elastic Load Balancing: application, network and gateway load balancers (v2) and classic ones."""

from __future__ import annotations

from leftovers.core import pricing
from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one

ELB = "elasticloadbalancing.amazonaws.com"
_V2_LB = "responseElements.loadBalancers[]."

# v2 and classic load balancers share the event source and names; v2 calls carry ARNs, classic ones names.
TYPES = (
    ResourceType(
        "AWS::ElasticLoadBalancingV2::LoadBalancer", config=True,
        id_pattern=r"arn:[\w-]+:elasticloadbalancing:[\w-]+:\d+:loadbalancer/(?:app|net|gwy)/.+",
        calls=(
            created(
                ELB, "CreateLoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", _V2_LB + "loadBalancerArn",
                name=_V2_LB + "loadBalancerName", arn_path=_V2_LB + "loadBalancerArn", tags="requestParameters.tags",
                details={"type": _V2_LB + "type"}, when="responseElements.loadBalancers",
                note="Config's resourceId for v2 load balancers is the ARN",
                fixture="cloudtrail_elbv2_create_load_balancer",
            ),
            deleted(
                ELB, "DeleteLoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer",
                "requestParameters.loadBalancerArn", when="requestParameters.loadBalancerArn",
                fixture="cloudtrail_elbv2_delete_load_balancer",
            ),
        ),
        arn=Arn("elasticloadbalancing", r"loadbalancer/(?:app|net|gwy)/.+"),
        check=one(
            "elbv2", "DescribeLoadBalancers", {"LoadBalancerArns": ("{id}",)}, "LoadBalancers[]",
            gone_errors=gone_on("LoadBalancerNotFound"), created="CreatedTime",
        ),
        cost=pricing.load_balancer, details=("type",),
    ),
    ResourceType(
        "AWS::ElasticLoadBalancing::LoadBalancer", config=True, id_pattern=r"[A-Za-z0-9-]+",
        calls=(
            created(
                ELB, "CreateLoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer",
                "requestParameters.loadBalancerName", name="requestParameters.loadBalancerName",
                tags="requestParameters.tags",
                arn="arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/{id}",
                fixture="cloudtrail_elb_create_load_balancer",
            ),
            deleted(
                ELB, "DeleteLoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer",
                "requestParameters.loadBalancerName", fixture="cloudtrail_elb_delete_load_balancer",
            ),
        ),
        arn=Arn("elasticloadbalancing", "loadbalancer/{id}"),
        check=one(
            "elb", "DescribeLoadBalancers", {"LoadBalancerNames": ("{id}",)}, "LoadBalancerDescriptions[]",
            gone_errors=gone_on("LoadBalancerNotFound"), created="CreatedTime",
        ),
        cost=pricing.flat("classic_load_balancer"),
    ),
)  # fmt: skip
