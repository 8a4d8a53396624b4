"""CloudTrail rows for load balancers, Auto Scaling, Lambda, containers, EMR and SageMaker."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail_table_base import TrailCall, created, deleted

ELB = "elasticloadbalancing.amazonaws.com"
ASG = "autoscaling.amazonaws.com"
LAMBDA = "lambda.amazonaws.com"
ECS = "ecs.amazonaws.com"
EKS = "eks.amazonaws.com"
EMR = "elasticmapreduce.amazonaws.com"
SAGEMAKER = "sagemaker.amazonaws.com"
_V2_LB = "responseElements.loadBalancers[]."

CALLS: tuple[TrailCall, ...] = (
    # v2 and classic load balancers share the event source and names; v2 calls carry ARNs, classic ones names.
    created(
        ELB, "CreateLoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", _V2_LB + "loadBalancerArn",
        name=_V2_LB + "loadBalancerName", arn_path=_V2_LB + "loadBalancerArn", tags="requestParameters.tags",
        details={"type": _V2_LB + "type"}, when="responseElements.loadBalancers",
        note="Config's resourceId for v2 load balancers is the ARN",
    ),
    created(
        ELB, "CreateLoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer", "requestParameters.loadBalancerName",
        name="requestParameters.loadBalancerName", tags="requestParameters.tags",
        arn="arn:{partition}:elasticloadbalancing:{region}:{account}:loadbalancer/{id}",
    ),
    deleted(
        ELB, "DeleteLoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", "requestParameters.loadBalancerArn",
        when="requestParameters.loadBalancerArn",
    ),
    deleted(ELB, "DeleteLoadBalancer", "AWS::ElasticLoadBalancing::LoadBalancer", "requestParameters.loadBalancerName"),
    created(
        ASG, "CreateAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup", "requestParameters.autoScalingGroupName",
        name="requestParameters.autoScalingGroupName", tags="requestParameters.tags",
        note="keyed by name; the Config parser keys its ARN-named groups by the name too (config.NAME_IN_ARN)",
    ),
    deleted(
        ASG, "DeleteAutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup", "requestParameters.autoScalingGroupName",
    ),
    created(
        LAMBDA, "CreateFunction20150331", "AWS::Lambda::Function",
        "responseElements.functionName|requestParameters.functionName", name="responseElements.functionName",
        arn_path="responseElements.functionArn", tags="requestParameters.tags",
        details={"runtime": "responseElements.runtime", "memorySize": "responseElements.memorySize"},
    ),
    deleted(
        LAMBDA, "DeleteFunction20150331", "AWS::Lambda::Function", "requestParameters.functionName",
        id_regex=r"function:([^:]+)", skip_if="requestParameters.qualifier",
        note="the function may be named by ARN; a call with a qualifier deletes one version only",
    ),
    created(
        ECS, "CreateCluster", "AWS::ECS::Cluster", "responseElements.cluster.clusterName",
        name="responseElements.cluster.clusterName", arn_path="responseElements.cluster.clusterArn",
        tags="requestParameters.tags",
    ),
    deleted(ECS, "DeleteCluster", "AWS::ECS::Cluster", "responseElements.cluster.clusterName"),
    created(
        ECS, "CreateService", "AWS::ECS::Service", "responseElements.service.serviceArn",
        name="responseElements.service.serviceName", arn_path="responseElements.service.serviceArn",
        tags="requestParameters.tags",
    ),
    deleted(ECS, "DeleteService", "AWS::ECS::Service", "responseElements.service.serviceArn"),
    created(
        EKS, "CreateCluster", "AWS::EKS::Cluster", "responseElements.cluster.name",
        name="responseElements.cluster.name", arn_path="responseElements.cluster.arn", tags="requestParameters.tags",
    ),
    deleted(EKS, "DeleteCluster", "AWS::EKS::Cluster", "responseElements.cluster.name|requestParameters.name"),
    created(
        EKS, "CreateNodegroup", "AWS::EKS::Nodegroup", "responseElements.nodegroup.nodegroupArn",
        name="responseElements.nodegroup.nodegroupName", arn_path="responseElements.nodegroup.nodegroupArn",
        tags="requestParameters.tags", details={"instanceType": "responseElements.nodegroup.instanceTypes[]"},
        note="node group names repeat across clusters: the ARN is the stable id",
    ),
    deleted(EKS, "DeleteNodegroup", "AWS::EKS::Nodegroup", "responseElements.nodegroup.nodegroupArn"),
    created(
        EMR, "RunJobFlow", "AWS::EMR::Cluster", "responseElements.jobFlowId", name="requestParameters.name",
        arn_path="responseElements.clusterArn", tags="requestParameters.tags",
        details={
            "instanceCount": "requestParameters.instances.instanceCount",
            "instanceType": "requestParameters.instances.masterInstanceType",
        },
        note="not an AWS Config type: tracked through CloudTrail only",
    ),
    deleted(EMR, "TerminateJobFlows", "AWS::EMR::Cluster", "requestParameters.jobFlowIds[]"),
    created(
        SAGEMAKER, "CreateEndpoint", "AWS::SageMaker::Endpoint", "requestParameters.endpointName",
        name="requestParameters.endpointName", arn_path="responseElements.endpointArn", tags="requestParameters.tags",
        note="not an AWS Config type (Config records endpoint configs only): tracked through CloudTrail only",
    ),
    deleted(SAGEMAKER, "DeleteEndpoint", "AWS::SageMaker::Endpoint", "requestParameters.endpointName"),
    created(
        SAGEMAKER, "CreateNotebookInstance", "AWS::SageMaker::NotebookInstance",
        "requestParameters.notebookInstanceName", name="requestParameters.notebookInstanceName",
        arn_path="responseElements.notebookInstanceArn", tags="requestParameters.tags",
        details={
            "instanceType": "requestParameters.instanceType",
            "volumeSizeInGB": "requestParameters.volumeSizeInGB",
        },
    ),
    deleted(
        SAGEMAKER, "DeleteNotebookInstance", "AWS::SageMaker::NotebookInstance",
        "requestParameters.notebookInstanceName",
    ),
)
