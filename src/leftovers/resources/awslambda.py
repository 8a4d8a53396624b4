"""AWS Lambda functions."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, tagged

LAMBDA = "lambda.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::Lambda::Function", config=True, id_pattern=r"[A-Za-z0-9_-]+",
        calls=(
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
            tagged(LAMBDA, "TagResource20170331v2", "AWS::Lambda::Function", "requestParameters.resource",
                   tags="requestParameters.tags"),
            tagged(LAMBDA, "UntagResource20170331v2", "AWS::Lambda::Function", "requestParameters.resource",
                   untags="requestParameters.tagKeys[]"),
        ),
        arn=Arn("lambda", "function:{id}"),
        check=one(  # not GetFunction: that also hands out a download link to the code
            "lambda", "GetFunctionConfiguration", {"FunctionName": "{id}"}, "",
            gone_errors=gone_on("ResourceNotFoundException"),
        ),
        details=("runtime", "memorySize"),
        console="https://{region}.console.aws.amazon.com/lambda/home?region={region}#/functions/{id}",
    ),
)  # fmt: skip
