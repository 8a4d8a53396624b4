"""AWS Elastic Beanstalk applications and environments (an environment runs EC2 instances and often a load balancer)."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, states

EB = "elasticbeanstalk.amazonaws.com"
_CONSOLE = "https://{region}.console.aws.amazon.com/elasticbeanstalk/home?region={region}#/"

TYPES = (
    ResourceType(
        "AWS::ElasticBeanstalk::Application", config=True, id_pattern=r"[^/]{1,100}",
        calls=(
            created(
                EB, "CreateApplication", "AWS::ElasticBeanstalk::Application",
                "responseElements.application.applicationName|requestParameters.applicationName",
                name="requestParameters.applicationName", arn_path="responseElements.application.applicationArn",
                tags="requestParameters.tags", fixture="cloudtrail_elasticbeanstalk_create_application",
            ),
            deleted(EB, "DeleteApplication", "AWS::ElasticBeanstalk::Application", "requestParameters.applicationName",
                    fixture="cloudtrail_elasticbeanstalk_delete_application"),
        ),
        arn=Arn("elasticbeanstalk", "application/{id}"),
        check=Describe(
            "elasticbeanstalk", "DescribeApplications", "Applications[]", item_id="ApplicationName",
            ids_param="ApplicationNames", batch=100, created="DateCreated",
        ),
        console=_CONSOLE + "application/overview?applicationName={id}",
    ),
    ResourceType(
        # Config keys environments by their id (e-...); every call carries it, names are reused after termination.
        "AWS::ElasticBeanstalk::Environment", config=True, id_pattern=r"e-[a-z0-9]+",
        calls=(
            created(
                EB, "CreateEnvironment", "AWS::ElasticBeanstalk::Environment", "responseElements.environmentId",
                name="responseElements.environmentName", arn_path="responseElements.environmentArn",
                tags="requestParameters.tags", fixture="cloudtrail_elasticbeanstalk_create_environment",
            ),
            deleted(EB, "TerminateEnvironment", "AWS::ElasticBeanstalk::Environment",
                    "responseElements.environmentId|requestParameters.environmentId",
                    fixture="cloudtrail_elasticbeanstalk_terminate_environment"),
        ),
        check=Describe(  # terminated environments stay listed for an hour, as "Terminated"
            "elasticbeanstalk", "DescribeEnvironments", "Environments[]", item_id="EnvironmentId",
            ids_param="EnvironmentIds", batch=100, state="Status", gone_states=states("Terminating", "Terminated"),
            created="DateCreated",
        ),
        console=_CONSOLE + "environment/dashboard?environmentId={id}",
    ),
)  # fmt: skip
