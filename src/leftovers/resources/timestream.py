"""Amazon Timestream for InfluxDB instances and clusters (billed by the hour while they exist), keyed by the id the
service generates, as CloudFormation names them.

LiveAnalytics databases are left out: they cost nothing themselves, and checking one needs two IAM actions
(DescribeDatabase and the endpoint discovery's DescribeEndpoints) where a describe row names one."""

from __future__ import annotations

from leftovers.resources import Arn, ResourceType, created, deleted, gone_on, one, states

INFLUXDB = "timestream-influxdb.amazonaws.com"
_NOT_FOUND = gone_on("ResourceNotFoundException")
_INFLUX_ID = r"[a-z0-9]{3,64}"

TYPES = (
    ResourceType(
        "AWS::Timestream::InfluxDBInstance", config=False, id_pattern=_INFLUX_ID,
        calls=(
            created(
                INFLUXDB, "CreateDbInstance", "AWS::Timestream::InfluxDBInstance", "responseElements.id",
                name="requestParameters.name", arn_path="responseElements.arn", tags="requestParameters.tags",
                details={
                    "dbInstanceType": "requestParameters.dbInstanceType",
                    "allocatedStorage": "requestParameters.allocatedStorage",
                    "deploymentType": "requestParameters.deploymentType",  # WITH_MULTIAZ_STANDBY: two instances
                },
                fixture="cloudtrail_influxdb_create_db_instance",
            ),
            deleted(
                INFLUXDB, "DeleteDbInstance", "AWS::Timestream::InfluxDBInstance",
                "responseElements.id|requestParameters.identifier", fixture="cloudtrail_influxdb_delete_db_instance",
            ),
        ),
        arn=Arn("timestream-influxdb", "db-instance/{id}"),
        check=one(
            "timestream-influxdb", "GetDbInstance", {"identifier": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING", "DELETED"),
        ),
    ),
    ResourceType(
        "AWS::Timestream::InfluxDBCluster", config=False, id_pattern=_INFLUX_ID,
        calls=(
            created(
                INFLUXDB, "CreateDbCluster", "AWS::Timestream::InfluxDBCluster", "responseElements.dbClusterId",
                name="requestParameters.name", tags="requestParameters.tags",
                arn="arn:{partition}:timestream-influxdb:{region}:{account}:db-cluster/{id}",
                details={"dbInstanceType": "requestParameters.dbInstanceType",
                         "allocatedStorage": "requestParameters.allocatedStorage"},
                fixture="cloudtrail_influxdb_create_db_cluster",
            ),
            deleted(INFLUXDB, "DeleteDbCluster", "AWS::Timestream::InfluxDBCluster", "requestParameters.dbClusterId",
                    fixture="cloudtrail_influxdb_delete_db_cluster"),
        ),
        arn=Arn("timestream-influxdb", "db-cluster/{id}"),
        check=one(
            "timestream-influxdb", "GetDbCluster", {"dbClusterId": "{id}"}, "", gone_errors=_NOT_FOUND,
            state="status", gone_states=states("DELETING", "DELETED"),
        ),
    ),
)  # fmt: skip
