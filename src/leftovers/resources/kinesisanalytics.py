"""Amazon Managed Service for Apache Flink (Kinesis Data Analytics v2) applications, keyed by name as Config does.

v1 (SQL) applications share the event source and event names; a v2 CreateApplication alone names a runtime.
"""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

KINESISANALYTICS = "kinesisanalytics.amazonaws.com"

TYPES = (
    ResourceType(
        "AWS::KinesisAnalyticsV2::Application", config=True, id_pattern=r"[A-Za-z0-9_.-]+",
        calls=(
            created(
                KINESISANALYTICS, "CreateApplication", "AWS::KinesisAnalyticsV2::Application",
                "requestParameters.applicationName", name="requestParameters.applicationName",
                arn_path="responseElements.applicationDetail.applicationARN", tags="requestParameters.tags",
                when="requestParameters.runtimeEnvironment",
                details={"runtimeEnvironment": "requestParameters.runtimeEnvironment"},
                fixture="cloudtrail_kinesisanalytics_create_application",
            ),
            deleted(
                KINESISANALYTICS, "DeleteApplication", "AWS::KinesisAnalyticsV2::Application",
                "requestParameters.applicationName",
                note="a v1 application's deletion reads the same; its name then matches no v2 record",
                fixture="cloudtrail_kinesisanalytics_delete_application",
            ),
        ),
        arn=Arn("kinesisanalytics", "application/{id}"),
        check=one(
            "kinesisanalyticsv2", "DescribeApplication", {"ApplicationName": "{id}"}, "ApplicationDetail",
            gone_errors=gone_on("ResourceNotFoundException"), state="ApplicationStatus",
            gone_states=states("DELETING"), created="CreateTimestamp",
            permission="kinesisanalytics:DescribeApplication",
        ),
        details=("RuntimeEnvironment",),
    ),
)  # fmt: skip
