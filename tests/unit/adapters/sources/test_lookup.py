"""CloudTrail LookupEvents on botocore's Stubber (moto lacks it): answers in the API's own shape, each event's
``CloudTrailEvent`` string being a real-format record from tests/events."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.inventory.clients import RateLimiter
from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.cloudtrail.lookup import AFTER, BEFORE, CloudTrailLookup, related_event_ids
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import InventoryError
from leftovers.core.lifecycle import apply
from leftovers.core.model import ChangeKind, Resource, ResourceChange
from tests.support.events import load_event

REGION = "us-east-1"  # the fixtures' region


def lookup_event(fixture: str, **record_changes: Any) -> dict[str, Any]:
    """One ``Events`` entry as LookupEvents returns it, around a fixture's CloudTrail record."""
    record = {**load_event(fixture)["detail"], **record_changes}
    return {
        "EventId": record["eventID"],
        "EventName": record["eventName"],
        "ReadOnly": "true" if record.get("readOnly") else "false",
        "AccessKeyId": record["userIdentity"].get("accessKeyId", "ASIAEXAMPLE"),
        "EventTime": datetime.fromisoformat(record["eventTime"].replace("Z", "+00:00")),
        "EventSource": record["eventSource"],
        "Username": record["userIdentity"].get("userName", "session"),
        "Resources": [],
        "CloudTrailEvent": json.dumps(record),
    }


def creation(fixture: str) -> ResourceChange:
    return parse_event(load_event(fixture)).changes[0]


def config_record(of: ResourceChange, minutes_later: int = 3) -> Resource:
    """The record Config alone left: created a few minutes after the call, no creator."""
    config = ResourceChange(of.key, ChangeKind.CREATED, of.captured_at + timedelta(minutes=minutes_later), "config")
    return apply(None, config, Schedule())[0]


@pytest.fixture
def stubbed() -> Any:
    client = boto3.client("cloudtrail", region_name=REGION, aws_access_key_id="t", aws_secret_access_key="t")
    with Stubber(client) as stubber:
        lookup = CloudTrailLookup(lambda service, region: client, max_calls=5, limiter=RateLimiter(1e9, 10**6))
        yield lookup, stubber
        stubber.assert_no_pending_responses()


def by_name(value: str, around: datetime) -> dict[str, Any]:
    return {
        "LookupAttributes": [{"AttributeKey": "ResourceName", "AttributeValue": value}],
        "MaxResults": 50,
        "StartTime": around - BEFORE,
        "EndTime": around + AFTER,
    }


def test_the_creating_call_gives_the_creator_at_the_records_own_time(stubbed: Any) -> None:
    lookup, stubber = stubbed
    record = config_record(creation("cloudtrail_create_volume"))
    events = [lookup_event("cloudtrail_read_only_call"), lookup_event("cloudtrail_create_volume")]
    stubber.add_response("lookup_events", {"Events": events}, by_name(record.key.resource_id, record.created_at))
    [found] = lookup.creations([record])
    assert (found.key, found.kind, found.captured_at) == (record.key, ChangeKind.CREATED, record.created_at)
    assert found.created_by == "arn:aws:iam::123456789012:user/alice"
    assert found.source == "lookup"
    merged, _ = apply(record, found, Schedule())
    assert merged.created_by == "arn:aws:iam::123456789012:user/alice"
    assert (merged.created_at, merged.next_due_at, merged.name) == (record.created_at, record.next_due_at, None)


def test_a_service_acting_for_the_user_is_kept(stubbed: Any) -> None:
    lookup, stubber = stubbed
    record = config_record(creation("cloudtrail_autoscaling_run_instances"))
    stubber.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_autoscaling_run_instances")]})
    [found] = lookup.creations([record])
    assert found.created_for_by == "autoscaling.amazonaws.com"


def test_events_about_other_resources_or_failed_calls_do_not_count_and_the_name_is_tried_next(stubbed: Any) -> None:
    lookup, stubber = stubbed
    volume = creation("cloudtrail_create_volume")
    record = Resource(volume.key, name="scratch-data", created_at=volume.captured_at)
    failed = lookup_event("cloudtrail_create_volume", errorCode="Client.VolumeLimitExceeded")
    other = lookup_event("cloudtrail_run_instances")
    stubber.add_response(
        "lookup_events", {"Events": [failed, other]}, by_name(volume.key.resource_id, volume.captured_at)
    )
    stubber.add_response("lookup_events", {"Events": []}, by_name("scratch-data", volume.captured_at))
    assert list(lookup.creations([record])) == []
    assert lookup.calls == 2


def test_the_run_is_bounded_by_calls(stubbed: Any) -> None:
    lookup, stubber = stubbed
    lookup.max_calls = 1
    records = [config_record(creation(f)) for f in ("cloudtrail_create_volume", "cloudtrail_create_snapshot")]
    stubber.add_response("lookup_events", {"Events": []})
    assert list(lookup.creations(records)) == []
    assert lookup.calls == 1


def test_by_related_event_ids(stubbed: Any) -> None:
    lookup, stubber = stubbed
    volume = creation("cloudtrail_create_volume")
    event_id = load_event("cloudtrail_create_volume")["detail"]["eventID"]
    config = load_event("config_discovered_ebs_volume")
    config["detail"]["configurationItem"]["relatedEvents"] = ["", event_id]
    assert related_event_ids(config) == [event_id]
    assert related_event_ids(config["detail"]) == [event_id]  # the bare notification body (SNS)
    exact = {"LookupAttributes": [{"AttributeKey": "EventId", "AttributeValue": event_id}], "MaxResults": 50}
    stubber.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_create_volume")]}, exact)
    at = datetime(2024, 5, 14, 8, 12, tzinfo=UTC)
    [found] = lookup.by_event_ids([(volume.key, at, [event_id])])
    assert (found.captured_at, found.created_by) == (at, "arn:aws:iam::123456789012:user/alice")


def test_access_denied_stops_with_one_line_and_throttling_moves_on(stubbed: Any) -> None:
    lookup, stubber = stubbed
    records = [config_record(creation(f)) for f in ("cloudtrail_create_volume", "cloudtrail_create_snapshot")]
    stubber.add_client_error("lookup_events", "ThrottlingException", "Rate exceeded")
    stubber.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_create_snapshot")]})
    assert [c.key for c in lookup.creations(records)] == [records[1].key]
    assert lookup.errors == 1
    stubber.add_client_error("lookup_events", "AccessDeniedException", "not authorized to cloudtrail:LookupEvents")
    with pytest.raises(InventoryError, match="access denied"):
        list(lookup.creations(records[:1]))
