"""Amazon S3 buckets."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, tagged

S3 = "s3.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::S3::Bucket", config=True, id_pattern=r"[a-z0-9][a-z0-9.-]+",
        calls=(
            created(S3, "CreateBucket", "AWS::S3::Bucket", "requestParameters.bucketName",
                    name="requestParameters.bucketName", arn="arn:{partition}:s3:::{id}"),
            deleted(S3, "DeleteBucket", "AWS::S3::Bucket", "requestParameters.bucketName"),
            tagged(S3, "PutBucketTagging", "AWS::S3::Bucket", "requestParameters.bucketName",
                   tags="requestParameters.Tagging.TagSet.Tag[]", replaces_tags=True),
            tagged(S3, "DeleteBucketTagging", "AWS::S3::Bucket", "requestParameters.bucketName", replaces_tags=True),
        ),
        arn=Arn("s3", r"{id}"),
        # HeadBucket answers 404 for a bucket that does not exist and 403 for one owned by someone else.
        check=one(
            "s3", "HeadBucket", {"Bucket": "{id}"}, "", gone_errors=gone_on("404", "NoSuchBucket"),
            permission="s3:ListBucket",
        ),
        console="https://s3.console.aws.amazon.com/s3/buckets/{id}",
    ),
)  # fmt: skip
