"""Amazon Managed Service for Apache Flink (Kinesis Data Analytics v2) applications, keyed by name."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

ANALYTICS = "kinesisanalytics.amazonaws.com"
_DETAIL = "responseElements.applicationDetail."

TYPES = (
    ResourceType(
        "AWS::KinesisAnalyticsV2::Application", config=True, id_pattern=r"[A-Za-z0-9_.-]+",
        calls=(
            created(
                ANALYTICS, "CreateApplication", "AWS::KinesisAnalyticsV2::Application", _DETAIL + "applicationName",
                name=_DETAIL + "applicationName", arn_path=_DETAIL + "applicationARN", tags="requestParameters.tags",
                when="responseElements.applicationDetail",
                note="the v1 API's CreateApplication (applicationSummary) is left unmapped",
                fixture="cloudtrail_kinesisanalytics_create_application",
            ),
            deleted(
                ANALYTICS, "DeleteApplication", "AWS::KinesisAnalyticsV2::Application",
                "requestParameters.applicationName", fixture="cloudtrail_kinesisanalytics_delete_application",
            ),
        ),
        arn=Arn("kinesisanalytics", "application/{id}"),
        check=one(
            "kinesisanalyticsv2", "DescribeApplication", {"ApplicationName": "{id}"}, "ApplicationDetail",
            gone_errors=gone_on("ResourceNotFoundException"), state="ApplicationStatus",
            gone_states=states("DELETING"), created="CreateTimestamp",
        ),
    ),
)  # fmt: skip
