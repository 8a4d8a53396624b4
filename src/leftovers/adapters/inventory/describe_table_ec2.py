"""Describe rows for EC2, storage and databases (EC2, S3, DynamoDB, RDS, EFS, FSx, ECR, log groups)."""

from __future__ import annotations

from leftovers.adapters.inventory.describe_row import Describe, ec2, gone_on, one, states

ROWS: dict[str, Describe] = {
    # A terminated instance stays listed for about an hour; shutting-down no longer runs up instance hours.
    "AWS::EC2::Instance": ec2(
        "DescribeInstances", "Reservations[].Instances[]", "InstanceId", "instance-id",
        state="State.Name", gone_states=states("shutting-down", "terminated"), created="LaunchTime",
    ),
    "AWS::EC2::Volume": ec2(
        "DescribeVolumes", "Volumes[]", "VolumeId", "volume-id",
        state="State", gone_states=states("deleting", "deleted"), created="CreateTime",
    ),
    "AWS::EC2::Snapshot": ec2(
        "DescribeSnapshots", "Snapshots[]", "SnapshotId", "snapshot-id", extra={"OwnerIds": ["self"]},
        created="StartTime",
    ),
    "AWS::EC2::Image": ec2(
        "DescribeImages", "Images[]", "ImageId", "image-id", extra={"Owners": ["self"]},
        state="State", gone_states=states("deregistered"), created="CreationDate",
    ),
    "AWS::EC2::EIP": ec2("DescribeAddresses", "Addresses[]", "AllocationId", "allocation-id"),
    "AWS::EC2::NatGateway": ec2(
        "DescribeNatGateways", "NatGateways[]", "NatGatewayId", "nat-gateway-id", filters_param="Filter",
        state="State", gone_states=states("deleting", "deleted", "failed"), created="CreateTime",
    ),
    "AWS::EC2::VPC": ec2("DescribeVpcs", "Vpcs[]", "VpcId", "vpc-id"),
    "AWS::EC2::Subnet": ec2("DescribeSubnets", "Subnets[]", "SubnetId", "subnet-id"),
    "AWS::EC2::SecurityGroup": ec2("DescribeSecurityGroups", "SecurityGroups[]", "GroupId", "group-id"),
    "AWS::EC2::InternetGateway": ec2(
        "DescribeInternetGateways", "InternetGateways[]", "InternetGatewayId", "internet-gateway-id",
    ),
    "AWS::EC2::NetworkInterface": ec2(
        "DescribeNetworkInterfaces", "NetworkInterfaces[]", "NetworkInterfaceId", "network-interface-id",
    ),
    "AWS::EC2::TransitGateway": ec2(
        "DescribeTransitGateways", "TransitGateways[]", "TransitGatewayId", "transit-gateway-id",
        state="State", gone_states=states("deleting", "deleted"), created="CreationTime",
    ),
    # HeadBucket answers 404 for a bucket that does not exist and 403 for one owned by someone else.
    "AWS::S3::Bucket": one(
        "s3", "HeadBucket", {"Bucket": "{id}"}, "", gone_errors=gone_on("404", "NoSuchBucket"),
        permission="s3:ListBucket",
    ),
    "AWS::DynamoDB::Table": one(
        "dynamodb", "DescribeTable", {"TableName": "{id}"}, "Table", gone_errors=gone_on("ResourceNotFoundException"),
        state="TableStatus", gone_states=states("DELETING"), created="CreationDateTime",
    ),
    "AWS::RDS::DBInstance": Describe(
        "rds", "DescribeDBInstances", "DBInstances[]", item_id="DbiResourceId", filter="dbi-resource-id",
        batch=100, state="DBInstanceStatus", gone_states=states("deleting"), created="InstanceCreateTime",
    ),
    "AWS::RDS::DBCluster": Describe(
        "rds", "DescribeDBClusters", "DBClusters[]", item_id="DbClusterResourceId",
        filter="db-cluster-resource-id", batch=100, state="Status", gone_states=states("deleting"),
        created="ClusterCreateTime",
    ),
    "AWS::RDS::DBSnapshot": one(
        "rds", "DescribeDBSnapshots", {"DBSnapshotIdentifier": "{id}"}, "DBSnapshots[]",
        gone_errors=gone_on("DBSnapshotNotFound"), state="Status", gone_states=states("deleting"),
        created="SnapshotCreateTime",
    ),
    "AWS::RDS::DBClusterSnapshot": one(
        "rds", "DescribeDBClusterSnapshots", {"DBClusterSnapshotIdentifier": "{id}"}, "DBClusterSnapshots[]",
        gone_errors=gone_on("DBClusterSnapshotNotFoundFault"), state="Status", gone_states=states("deleting"),
        created="SnapshotCreateTime",
    ),
    "AWS::EFS::FileSystem": one(
        "efs", "DescribeFileSystems", {"FileSystemId": "{id}"}, "FileSystems[]",
        gone_errors=gone_on("FileSystemNotFound"), state="LifeCycleState", gone_states=states("deleting", "deleted"),
        created="CreationTime",
    ),
    "AWS::FSx::FileSystem": one(
        "fsx", "DescribeFileSystems", {"FileSystemIds": ("{id}",)}, "FileSystems[]",
        gone_errors=gone_on("FileSystemNotFound"), state="Lifecycle", gone_states=states("DELETING"),
        created="CreationTime",
    ),
    "AWS::ECR::Repository": one(
        "ecr", "DescribeRepositories", {"repositoryNames": ("{id}",)}, "repositories[]",
        gone_errors=gone_on("RepositoryNotFoundException"), created="createdAt",
    ),
    # A prefix search: the exact name is picked out of the answer by ``item_id``.
    "AWS::Logs::LogGroup": one(
        "logs", "DescribeLogGroups", {"logGroupNamePrefix": "{id}"}, "logGroups[]", item_id="logGroupName",
        created="creationTime",
    ),
}  # fmt: skip
