"""AWS Elastic Beanstalk environments (keyed by environment id, which their ARN does not carry: not adopted from the
tagging API): the instances and load balancer they run bill."""

from __future__ import annotations

from leftovers.resources import Describe, ResourceType, created, deleted, states

BEANSTALK = "elasticbeanstalk.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::ElasticBeanstalk::Environment", config=True, id_pattern=r"e-[a-z0-9]+",
        calls=(
            created(
                BEANSTALK, "CreateEnvironment", "AWS::ElasticBeanstalk::Environment", "responseElements.environmentId",
                name="responseElements.environmentName", arn_path="responseElements.environmentArn",
                tags="requestParameters.tags",
            ),
            deleted(
                BEANSTALK, "TerminateEnvironment", "AWS::ElasticBeanstalk::Environment",
                "responseElements.environmentId|requestParameters.environmentId",
            ),
        ),
        # A terminated environment stays listed for about an hour, as Terminated.
        check=Describe(
            "elasticbeanstalk", "DescribeEnvironments", "Environments[]", item_id="EnvironmentId",
            ids_param="EnvironmentIds", batch=100, state="Status", gone_states=states("Terminating", "Terminated"),
            created="DateCreated",
        ),
    ),
)  # fmt: skip
