"""AWS CloudHSM clusters (each HSM in one bills by the hour)."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted

CLOUDHSM = "cloudhsm.amazonaws.com"  # CloudTrail's source for CloudHSM v2 too

TYPES = (
    ResourceType(
        # No describe row: DescribeClusters filters by a map of lists, which a describe row cannot spell.
        "AWS::CloudHSM::Cluster", config=False, id_pattern=r"cluster-[a-z0-9]+",
        calls=(
            created(
                CLOUDHSM, "CreateCluster", "AWS::CloudHSM::Cluster", "responseElements.cluster.clusterId",
                arn="arn:{partition}:cloudhsm:{region}:{account}:cluster/{id}", tags="requestParameters.tagList",
                details={"hsmType": "responseElements.cluster.hsmType"},
                fixture="cloudtrail_cloudhsm_create_cluster",
            ),
            deleted(
                CLOUDHSM, "DeleteCluster", "AWS::CloudHSM::Cluster",
                "responseElements.cluster.clusterId|requestParameters.clusterId",
                fixture="cloudtrail_cloudhsm_delete_cluster",
            ),
        ),
        arn=Arn("cloudhsm", "cluster/{id}"),
        details=("hsmType",),
    ),
)  # fmt: skip
