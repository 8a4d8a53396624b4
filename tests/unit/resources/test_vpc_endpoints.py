"""Calls that delete a list of ids, as CloudTrail renders them in a wrapped EC2 request ({"tag": n, "content": id}),
and whose responses name only the ids that failed."""

from __future__ import annotations

import copy

from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.core.model import ChangeKind
from tests.support.events import load_event


def test_deleting_several_endpoints_gives_one_deletion_per_endpoint() -> None:
    changes = parse_cloudtrail_event(load_event("cloudtrail_delete_vpc_endpoints")).changes
    assert [(c.key.resource_id, c.kind) for c in changes] == [
        ("vpce-0d3f5b7a9c1e24680", ChangeKind.DELETED),
        ("vpce-0e4a6c8b0d2f35791", ChangeKind.DELETED),
    ]


def test_a_lone_id_is_rendered_as_one_item_not_a_list() -> None:
    changes = parse_cloudtrail_event(load_event("cloudtrail_delete_flow_logs")).changes
    assert [c.key.resource_id for c in changes] == ["fl-07a9b55570fe770b6"]


def test_a_partly_failed_deletion_clears_nothing() -> None:
    event = copy.deepcopy(load_event("cloudtrail_delete_vpc_endpoints"))
    event["detail"]["responseElements"]["DeleteVpcEndpointsResponse"]["unsuccessful"] = {
        "item": {
            "error": {"code": "DependencyViolation", "message": "vpce-0e4a6c8b0d2f35791 has dependent resources"},
            "resourceId": "vpce-0e4a6c8b0d2f35791",
        }
    }
    parsed = parse_cloudtrail_event(event)
    assert parsed.changes == ()
    assert parsed.ignored is not None
    assert "DeleteVpcEndpoints" in parsed.ignored


def test_creating_flow_logs_for_two_vpcs_gives_two_flow_logs() -> None:
    changes = parse_cloudtrail_event(load_event("cloudtrail_create_flow_logs")).changes
    assert [c.key.resource_id for c in changes] == ["fl-07a9b55570fe770b6", "fl-0c1e3a5b7d9f24680"]
