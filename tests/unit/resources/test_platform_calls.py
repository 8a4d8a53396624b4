"""CloudTrail calls of the compute, platform and storage types that need more than a path: partial failures, ids
named two ways, and one event name shared by two APIs."""

from __future__ import annotations

import copy
from typing import Any

from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.core.model import ChangeKind
from tests.support.events import load_event


def _with(name: str, **detail: Any) -> dict[str, Any]:
    event = copy.deepcopy(load_event(name))
    event["detail"].update(detail)
    return event


def test_a_terminate_workspaces_call_with_a_failed_request_deletes_nothing() -> None:
    event = _with(
        "cloudtrail_workspaces_terminate_workspaces",
        responseElements={"failedRequests": [
            {"workspaceId": "ws-b3n8p1r6t", "errorCode": "InvalidResourceStateException",
             "errorMessage": "The specified WorkSpace is in an invalid state for this operation."},
        ]},
    )  # fmt: skip

    parsed = parse_cloudtrail_event(event)

    assert parsed.changes == ()
    assert "TerminateWorkspaces" in str(parsed.ignored)


def test_create_workspaces_records_only_the_pending_requests_each_with_its_own_user() -> None:
    event = _with("cloudtrail_workspaces_create_workspaces")
    pending = event["detail"]["responseElements"]["pendingRequests"]
    event["detail"]["responseElements"] = {"pendingRequests": pending[:1], "failedRequests": [
        {"workspaceRequest": {"directoryId": "d-9067a1b2c3", "userName": "carol", "bundleId": "wsb-clj85qzj1"},
         "errorCode": "ResourceLimitExceeded", "errorMessage": "WorkSpaces limit reached"},
    ]}  # fmt: skip

    changes = parse_cloudtrail_event(event).changes

    assert [(c.key.resource_id, c.name) for c in changes] == [("ws-f7k2m9q4x", "alice")]


def test_a_batch_compute_environment_deleted_by_arn_or_by_name_is_the_one_created() -> None:
    created = parse_cloudtrail_event(load_event("cloudtrail_batch_create_compute_environment")).changes[0]
    by_arn = parse_cloudtrail_event(load_event("cloudtrail_batch_delete_compute_environment")).changes[0]
    by_name = parse_cloudtrail_event(
        _with("cloudtrail_batch_delete_compute_environment", requestParameters={"computeEnvironment": "render-spot"})
    ).changes[0]

    assert created.key == by_arn.key == by_name.key
    assert by_arn.kind is by_name.kind is ChangeKind.DELETED


def test_a_gamelift_fleet_deleted_by_arn_is_the_one_created_by_id() -> None:
    created = parse_cloudtrail_event(load_event("cloudtrail_gamelift_create_fleet")).changes[0]
    deleted = parse_cloudtrail_event(load_event("cloudtrail_gamelift_delete_fleet")).changes[0]
    assert created.key == deleted.key


def test_a_rest_api_vpc_link_is_not_taken_for_an_http_api_one() -> None:
    v1 = _with(
        "cloudtrail_apigatewayv2_create_vpc_link",
        requestParameters={"name": "legacy-nlb", "targetArns": [
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/legacy/0123456789abcdef"]},
        responseElements={"id": "x8c2v1", "name": "legacy-nlb", "status": "PENDING"},
    )  # fmt: skip

    parsed = parse_cloudtrail_event(v1)

    assert parsed.changes == ()
    v2 = parse_cloudtrail_event(load_event("cloudtrail_apigatewayv2_create_vpc_link")).changes
    assert [c.key.resource_id for c in v2] == ["q4w7e2"]


def test_a_create_workspaces_call_in_which_every_request_failed_is_ignored_not_rejected() -> None:
    event = _with("cloudtrail_workspaces_create_workspaces")
    event["detail"]["responseElements"] = {"pendingRequests": [], "failedRequests": [
        {"workspaceRequest": {"directoryId": "d-9067a1b2c3", "userName": "alice", "bundleId": "wsb-clj85qzj1"},
         "errorCode": "ResourceLimitExceeded", "errorMessage": "WorkSpaces limit reached"},
    ]}  # fmt: skip

    parsed = parse_cloudtrail_event(event)

    assert parsed.changes == ()
    assert parsed.ignored is not None
