"""The describe engine on stubbed clients: batches, pages, states that count as gone, errors that do or do not."""

from __future__ import annotations

from datetime import UTC, datetime

from leftovers.adapters.inventory.describe import DescribeChecker, as_time
from leftovers.core.inventory import Presence
from leftovers.core.model import Resource, ResourceKey
from tests.unit.adapters.inventory.stubs import ACCOUNT, REGION, stubbed

T = datetime(2025, 3, 14, 0, 12, tzinfo=UTC)


def rec(resource_type: str, resource_id: str, name: str | None = None) -> Resource:
    return Resource(ResourceKey(ACCOUNT, REGION, resource_type, resource_id), name=name)


def test_batched_filter_call_with_pages_states_and_absent_ids() -> None:
    records = [rec("AWS::EC2::Volume", v) for v in ("vol-1", "vol-2", "vol-3", "vol-4")]
    with stubbed() as stubs:
        ec2 = stubs.stub("ec2")
        ask = {"Filters": [{"Name": "volume-id", "Values": ["vol-1", "vol-2", "vol-3", "vol-4"]}]}
        ec2.add_response(
            "describe_volumes",
            {"Volumes": [{"VolumeId": "vol-1", "State": "in-use", "CreateTime": T}], "NextToken": "page2"},
            ask,
        )
        ec2.add_response(
            "describe_volumes", {"Volumes": [{"VolumeId": "vol-2", "State": "deleting"}]}, {**ask, "NextToken": "page2"}
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check(records)
    presence = {k.resource_id: v.presence for k, v in verdicts.items()}
    assert presence == {
        "vol-1": Presence.EXISTS,
        "vol-2": Presence.GONE,
        "vol-3": Presence.GONE,
        "vol-4": Presence.GONE,
    }
    assert verdicts[records[0].key].created_at == T
    assert verdicts[records[1].key].reason == "deleting (ec2:DescribeVolumes)"


def test_batches_are_cut_at_the_rows_size() -> None:
    records = [rec("AWS::EC2::Snapshot", f"snap-{i}") for i in range(150)]
    with stubbed() as stubs:
        ec2 = stubs.stub("ec2")
        for part in (records[:100], records[100:]):
            ids = [r.key.resource_id for r in part]
            answer = {"Snapshots": [{"SnapshotId": i} for i in ids]}
            ec2.add_response(
                "describe_snapshots",
                answer,
                {"Filters": [{"Name": "snapshot-id", "Values": ids}], "OwnerIds": ["self"]},
            )
        verdicts = DescribeChecker(stubs.inventory_clients()).check(records)
    assert {v.presence for v in verdicts.values()} == {Presence.EXISTS}


def test_access_denied_leaves_the_whole_batch_unknown() -> None:
    records = [rec("AWS::EC2::Instance", "i-1"), rec("AWS::EC2::Instance", "i-2")]
    with stubbed() as stubs:
        stubs.stub("ec2").add_client_error("describe_instances", "UnauthorizedOperation", "You are not authorized")
        verdicts = DescribeChecker(stubs.inventory_clients()).check(records)
    assert {v.presence for v in verdicts.values()} == {Presence.UNKNOWN}
    assert {v.reason for v in verdicts.values()} == {"access denied (ec2:DescribeInstances)"}


def test_throttled_after_retries_is_unknown_not_gone() -> None:
    with stubbed() as stubs:
        stubs.stub("lambda").add_client_error("get_function_configuration", "TooManyRequestsException", "Rate exceeded")
        verdict = DescribeChecker(stubs.inventory_clients()).check([rec("AWS::Lambda::Function", "fn")])
    assert verdict[rec("AWS::Lambda::Function", "fn").key].presence is Presence.UNKNOWN
    assert "throttled" in str(verdict[rec("AWS::Lambda::Function", "fn").key].reason)


def test_a_not_found_error_is_gone_only_when_its_message_says_so() -> None:
    found, other = rec("AWS::SageMaker::Endpoint", "ep-gone"), rec("AWS::SageMaker::Endpoint", "ep-bad")
    with stubbed() as stubs:
        sagemaker = stubs.stub("sagemaker")
        message = 'Could not find endpoint "arn:aws:sagemaker:ap-northeast-1:123456789012:endpoint/ep-gone".'
        sagemaker.add_client_error("describe_endpoint", "ValidationException", message)
        sagemaker.add_client_error("describe_endpoint", "ValidationException", "1 validation error detected")
        verdicts = DescribeChecker(stubs.inventory_clients()).check([found, other])
    assert verdicts[found.key].presence is Presence.GONE
    assert verdicts[other.key].presence is Presence.UNKNOWN
    assert verdicts[other.key].reason == "ValidationException (sagemaker:DescribeEndpoint)"


def test_emr_terminated_and_kms_pending_deletion_count_as_gone() -> None:
    emr_gone, emr_up = rec("AWS::EMR::Cluster", "j-GONE"), rec("AWS::EMR::Cluster", "j-UP")
    key = rec("AWS::KMS::Key", "1234abcd-12ab-34cd-56ef-1234567890ab")
    cluster = {"Id": "j-UP", "Name": "etl", "Status": {"State": "WAITING", "Timeline": {"CreationDateTime": T}}}
    with stubbed() as stubs:
        emr = stubs.stub("emr")
        emr.add_response(
            "describe_cluster", {"Cluster": {**cluster, "Id": "j-GONE", "Status": {"State": "TERMINATED"}}}
        )
        emr.add_response("describe_cluster", {"Cluster": cluster}, {"ClusterId": "j-UP"})
        stubs.stub("kms").add_response(
            "describe_key", {"KeyMetadata": {"KeyId": key.key.resource_id, "KeyState": "PendingDeletion"}}
        )
        verdicts = DescribeChecker(stubs.inventory_clients()).check([emr_gone, emr_up, key])
    assert verdicts[emr_gone.key].presence is Presence.GONE
    assert verdicts[emr_up.key].presence is Presence.EXISTS
    assert verdicts[emr_up.key].created_at == T
    assert verdicts[key.key].reason == "PendingDeletion (kms:DescribeKey)"


def test_a_namesake_with_another_id_is_gone_and_a_record_without_name_is_unknown() -> None:
    role = rec("AWS::IAM::Role", "AROAOLDROLEID0000000", name="deployer")
    nameless = rec("AWS::IAM::Role", "AROANONAME0000000000")
    arn = "arn:aws:iam::123456789012:role/deployer"
    role_now = {"Path": "/", "RoleName": "deployer", "RoleId": "AROANEWROLEID0000000", "Arn": arn, "CreateDate": T}
    answer = {"Role": role_now}
    with stubbed() as stubs:
        stubs.stub("iam").add_response("get_role", answer, {"RoleName": "deployer"})
        verdicts = DescribeChecker(stubs.inventory_clients()).check([role, nameless])
    assert verdicts[role.key].presence is Presence.GONE  # deleted and re-created under the same name
    assert verdicts[nameless.key].presence is Presence.UNKNOWN


def test_ids_are_cut_out_of_arns_for_nodegroups() -> None:
    arn = "arn:aws:eks:ap-northeast-1:123456789012:nodegroup/dev/gpu/5ec6c7a1-0000-4000-8000-000000000000"
    with stubbed() as stubs:
        stubs.stub("eks").add_client_error(
            "describe_nodegroup", "ResourceNotFoundException", "No node group found",
            expected_params={"clusterName": "dev", "nodegroupName": "gpu"},
        )  # fmt: skip
        verdicts = DescribeChecker(stubs.inventory_clients()).check([rec("AWS::EKS::Nodegroup", arn)])
    assert next(iter(verdicts.values())).presence is Presence.GONE


def test_types_without_a_row_are_left_undecided() -> None:
    with stubbed() as stubs:
        assert DescribeChecker(stubs.inventory_clients()).check([rec("AWS::IAM::User", "AIDA1")]) == {}


def test_creation_times_in_every_shape_aws_gives_them() -> None:
    assert as_time(T.replace(tzinfo=None)) == T
    assert as_time("2025-03-14T00:12:00.000Z") == T
    assert as_time(1741911120000) == T  # CloudWatch Logs: epoch milliseconds
    assert as_time("1741911120") == T  # SQS: epoch seconds, as a string
    assert as_time("not a time") is None


def test_access_denied_names_the_iam_action_to_allow() -> None:
    with stubbed() as stubs:
        stubs.stub("s3").add_client_error("head_bucket", "403", "Forbidden", http_status_code=403)
        bucket = rec("AWS::S3::Bucket", "someone-elses")
        verdicts = DescribeChecker(stubs.inventory_clients()).check([bucket])
    assert verdicts[bucket.key].reason == "access denied (s3:ListBucket)"  # HeadBucket is allowed by s3:ListBucket
