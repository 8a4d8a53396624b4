"""CloudTrail rows for messaging, keys, secrets, APIs, workflows, stacks and DNS zones."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail_table_base import TrailCall, created, deleted

SQS = "sqs.amazonaws.com"
SNS = "sns.amazonaws.com"
KMS = "kms.amazonaws.com"
SECRETS = "secretsmanager.amazonaws.com"
STATES = "states.amazonaws.com"
APIGATEWAY = "apigateway.amazonaws.com"
CLOUDFORMATION = "cloudformation.amazonaws.com"
ROUTE53 = "route53.amazonaws.com"
_KEY_ID = r":key/(.+)$"  # the key may be named by ARN; Config keys it by the bare key id
_STACK_NAME = r":stack/([^/]+)/"
_ZONE_ID = r"hostedzone/(.+)$"

CALLS: tuple[TrailCall, ...] = (
    created(
        SQS, "CreateQueue", "AWS::SQS::Queue", "responseElements.queueUrl", name="requestParameters.queueName",
        arn="arn:{partition}:sqs:{region}:{account}:{name}", tags="requestParameters.tags",
        note="keyed by queue URL, as the SQS API names queues",
    ),
    deleted(SQS, "DeleteQueue", "AWS::SQS::Queue", "requestParameters.queueUrl"),
    created(
        SNS, "CreateTopic", "AWS::SNS::Topic", "responseElements.topicArn", name="requestParameters.name",
        arn_path="responseElements.topicArn", tags="requestParameters.tags",
    ),
    deleted(SNS, "DeleteTopic", "AWS::SNS::Topic", "requestParameters.topicArn"),
    created(
        KMS, "CreateKey", "AWS::KMS::Key", "responseElements.keyMetadata.keyId",
        arn_path="responseElements.keyMetadata.arn", tags="requestParameters.tags",
    ),
    deleted(
        KMS, "ScheduleKeyDeletion", "AWS::KMS::Key", "responseElements.keyId|requestParameters.keyId", id_regex=_KEY_ID,
        note="a key scheduled for deletion no longer bills: it counts as deleted",
    ),
    created(
        KMS, "CancelKeyDeletion", "AWS::KMS::Key", "responseElements.keyId|requestParameters.keyId", id_regex=_KEY_ID,
        note="a cancelled deletion brings the key back; it is tracked afresh from the cancellation",
    ),
    created(
        SECRETS, "CreateSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
        name="responseElements.name|requestParameters.name", arn_path="responseElements.arn",
        tags="requestParameters.tags", note="keyed by the secret's ARN (its name may be reused after deletion)",
    ),
    deleted(
        SECRETS, "DeleteSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
        note="a secret scheduled for deletion counts as deleted",
    ),
    created(
        SECRETS, "RestoreSecret", "AWS::SecretsManager::Secret", "responseElements.arn",
        name="responseElements.name", note="a restored secret is tracked afresh from the restore",
    ),
    created(
        STATES, "CreateStateMachine", "AWS::StepFunctions::StateMachine", "responseElements.stateMachineArn",
        name="requestParameters.name", arn_path="responseElements.stateMachineArn", tags="requestParameters.tags",
    ),
    deleted(STATES, "DeleteStateMachine", "AWS::StepFunctions::StateMachine", "requestParameters.stateMachineArn"),
    created(
        APIGATEWAY, "CreateRestApi", "AWS::ApiGateway::RestApi", "responseElements.id",
        name="responseElements.name|requestParameters.name", arn="arn:{partition}:apigateway:{region}::/restapis/{id}",
        tags="requestParameters.tags",
    ),
    deleted(APIGATEWAY, "DeleteRestApi", "AWS::ApiGateway::RestApi", "requestParameters.restApiId"),
    created(
        APIGATEWAY, "CreateApi", "AWS::ApiGatewayV2::Api", "responseElements.apiId",
        name="responseElements.name|requestParameters.name", arn="arn:{partition}:apigateway:{region}::/apis/{id}",
        tags="requestParameters.tags",
    ),
    deleted(APIGATEWAY, "DeleteApi", "AWS::ApiGatewayV2::Api", "requestParameters.apiId"),
    created(
        CLOUDFORMATION, "CreateStack", "AWS::CloudFormation::Stack", "requestParameters.stackName",
        name="requestParameters.stackName", arn_path="responseElements.stackId", tags="requestParameters.tags",
        note="keyed by stack name, as DeleteStack names it; the Config parser maps its stack ARN ids to the name",
    ),
    deleted(
        CLOUDFORMATION, "DeleteStack", "AWS::CloudFormation::Stack", "requestParameters.stackName",
        id_regex=_STACK_NAME,
    ),
    created(
        ROUTE53, "CreateHostedZone", "AWS::Route53::HostedZone", "responseElements.hostedZone.id",
        name="requestParameters.name", id_regex=_ZONE_ID, arn="arn:{partition}:route53:::hostedzone/{id}",
    ),
    deleted(ROUTE53, "DeleteHostedZone", "AWS::Route53::HostedZone", "requestParameters.id", id_regex=_ZONE_ID),
)
