"""Amazon CloudWatch alarms, dashboards (monthly each) and metric streams (billed per metric update, all day)."""

from __future__ import annotations

from leftovers.resources import Arn, Describe, ResourceType, created, deleted, gone_on, one

MONITORING = "monitoring.amazonaws.com"
_CONSOLE = "https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#"

TYPES = (
    ResourceType(
        "AWS::CloudWatch::Alarm", config=True, id_pattern=r"[^\x00-\x1f]{1,255}",
        calls=(
            created(
                MONITORING, "PutMetricAlarm", "AWS::CloudWatch::Alarm", "requestParameters.alarmName",
                name="requestParameters.alarmName", arn="arn:{partition}:cloudwatch:{region}:{account}:alarm:{id}",
                tags="requestParameters.tags",
                note="PutMetricAlarm also updates an alarm in place: a repeat is the same alarm again",
                fixture="cloudtrail_cloudwatch_put_metric_alarm",
            ),
            deleted(MONITORING, "DeleteAlarms", "AWS::CloudWatch::Alarm", "requestParameters.alarmNames[]",
                    fixture="cloudtrail_cloudwatch_delete_alarms"),
        ),
        # No ARN shape: composite alarms share it, and DescribeAlarms answers them under another key, so one
        # adopted from the tagging API would be called gone.
        check=Describe(  # unknown names are simply left out
            "cloudwatch", "DescribeAlarms", "MetricAlarms[]", item_id="AlarmName", ids_param="AlarmNames", batch=100,
        ),
        console=_CONSOLE + "alarmsV2:alarm/{id}",
    ),
    ResourceType(
        # Dashboards are global: their ARN has no region.
        "AWS::CloudWatch::Dashboard", config=False, id_pattern=r"[A-Za-z0-9_-]{1,255}",
        calls=(
            created(
                MONITORING, "PutDashboard", "AWS::CloudWatch::Dashboard", "requestParameters.dashboardName",
                name="requestParameters.dashboardName",
                arn="arn:{partition}:cloudwatch::{account}:dashboard/{id}", tags="requestParameters.tags",
                note="PutDashboard also replaces a dashboard's body: a repeat is the same dashboard again",
                fixture="cloudtrail_cloudwatch_put_dashboard",
            ),
            deleted(MONITORING, "DeleteDashboards", "AWS::CloudWatch::Dashboard",
                    "requestParameters.dashboardNames[]", fixture="cloudtrail_cloudwatch_delete_dashboards"),
        ),
        arn=Arn("cloudwatch", "dashboard/{id}"),
        check=one(
            "cloudwatch", "GetDashboard", {"DashboardName": "{id}"}, "", gone_errors=gone_on("ResourceNotFound"),
        ),
        console=_CONSOLE + "dashboards/dashboard/{id}",
    ),
    ResourceType(
        "AWS::CloudWatch::MetricStream", config=True, id_pattern=r"[A-Za-z0-9_-]{1,255}",
        calls=(
            created(
                MONITORING, "PutMetricStream", "AWS::CloudWatch::MetricStream", "requestParameters.name",
                name="requestParameters.name", arn_path="responseElements.arn", tags="requestParameters.tags",
                note="PutMetricStream also updates a stream in place: a repeat is the same stream again",
                fixture="cloudtrail_cloudwatch_put_metric_stream",
            ),
            deleted(MONITORING, "DeleteMetricStream", "AWS::CloudWatch::MetricStream", "requestParameters.name",
                    fixture="cloudtrail_cloudwatch_delete_metric_stream"),
        ),
        arn=Arn("cloudwatch", "metric-stream/{id}"),
        check=one(
            "cloudwatch", "GetMetricStream", {"Name": "{id}"}, "", gone_errors=gone_on("ResourceNotFoundException"),
            created="CreationDate",
        ),
    ),
)  # fmt: skip
