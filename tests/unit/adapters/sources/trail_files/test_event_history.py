"""LookupEvents by event name on botocore's Stubber (moto has no LookupEvents), in the API's own shape:
pagination, throttling, the 2 calls/s quota per region, and errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from leftovers.adapters.inventory.clients import RateLimiter
from leftovers.adapters.sources.trail_files.event_history import EventHistory
from leftovers.core.errors import InventoryError
from tests.unit.adapters.sources.test_lookup import lookup_event

END = datetime(2026, 11, 30, tzinfo=UTC)
START = END - timedelta(days=90)


def asked(name: str, token: str | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": name}],
        "StartTime": START,
        "EndTime": END,
        "MaxResults": 50,
    }
    return {**params, "NextToken": token} if token else params


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def stubbed() -> Any:
    clients = {r: boto3.client("cloudtrail", region_name=r, aws_access_key_id="t", aws_secret_access_key="t")
               for r in ("us-east-1", "eu-west-1")}  # fmt: skip
    stubbers = {r: Stubber(c) for r, c in clients.items()}
    for stubber in stubbers.values():
        stubber.activate()
    clock = FakeClock()
    history = EventHistory(
        lambda service, region: clients[region],
        limiter=lambda: RateLimiter(2.0, clock=clock.time, sleep=clock.sleep),
        sleep=clock.sleep,
    )
    yield history, stubbers, clock
    for stubber in stubbers.values():
        stubber.assert_no_pending_responses()


def test_pages_through_every_name_in_every_region(stubbed: Any) -> None:
    history, stubbers, _ = stubbed
    east, west = stubbers["us-east-1"], stubbers["eu-west-1"]
    east.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_create_volume")], "NextToken": "p2"},
                      asked("CreateVolume"))  # fmt: skip
    east.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_create_volume", eventID="e2")]},
                      asked("CreateVolume", "p2"))  # fmt: skip
    east.add_response("lookup_events", {"Events": []}, asked("DeleteVolume"))
    west.add_response("lookup_events", {"Events": []}, asked("CreateVolume"))
    west.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_delete_volume")]}, asked("DeleteVolume"))
    progress: list[tuple[str, str, int]] = []
    history.progress = lambda region, name, found: progress.append((region, name, found))
    found = list(history.records(["us-east-1", "eu-west-1"], {"DeleteVolume", "CreateVolume"}, START, END))
    assert [(f.location.split()[1], f.record["eventName"], f.record["eventID"]) for f in found] == [
        ("us-east-1", "CreateVolume", "5eed0000-0000-4000-8000-000000034335"),
        ("us-east-1", "CreateVolume", "e2"),
        ("eu-west-1", "DeleteVolume", load_id("cloudtrail_delete_volume")),
    ]
    assert history.calls == 5
    assert sorted(progress) == sorted([("us-east-1", "CreateVolume", 2), ("us-east-1", "DeleteVolume", 0),
                                       ("eu-west-1", "CreateVolume", 0), ("eu-west-1", "DeleteVolume", 1)])  # fmt: skip


def load_id(fixture: str) -> str:
    from tests.support.events import load_event

    return str(load_event(fixture)["detail"]["eventID"])


def test_a_region_is_asked_at_most_twice_a_second(stubbed: Any) -> None:
    history, stubbers, clock = stubbed
    names = [f"Create{n}" for n in range(5)]
    for name in sorted(names):
        stubbers["us-east-1"].add_response("lookup_events", {"Events": []}, asked(name))
    list(history.records(["us-east-1"], names, START, END))
    assert history.calls == 5
    assert clock.now == pytest.approx(2.0)  # 5 calls: the first at once, then one every half second


def test_a_throttled_call_waits_and_is_asked_again(stubbed: Any) -> None:
    history, stubbers, clock = stubbed
    east = stubbers["us-east-1"]
    east.add_client_error(
        "lookup_events", "ThrottlingException", "Rate exceeded", expected_params=asked("CreateVolume")
    )
    east.add_client_error(
        "lookup_events", "ThrottlingException", "Rate exceeded", expected_params=asked("CreateVolume")
    )
    east.add_response("lookup_events", {"Events": [lookup_event("cloudtrail_create_volume")]}, asked("CreateVolume"))
    [found] = history.records(["us-east-1"], ["CreateVolume"], START, END)
    assert found.record["eventName"] == "CreateVolume"
    assert {1.0, 2.0} <= set(clock.slept)


def test_access_denied_stops_with_one_line(stubbed: Any) -> None:
    history, stubbers, _ = stubbed
    stubbers["us-east-1"].add_client_error("lookup_events", "AccessDeniedException", "not authorized")
    with pytest.raises(InventoryError, match=r"^cloudtrail:LookupEvents: access denied in us-east-1$"):
        list(history.records(["us-east-1"], ["CreateVolume"], START, END))


def test_an_unreadable_cloudtrail_event_is_named_not_fatal(stubbed: Any) -> None:
    history, stubbers, _ = stubbed
    broken = {**lookup_event("cloudtrail_create_volume"), "EventId": "ev-1", "CloudTrailEvent": "{not json"}
    stubbers["us-east-1"].add_response("lookup_events", {"Events": [broken]}, asked("CreateVolume"))
    [found] = history.records(["us-east-1"], ["CreateVolume"], START, END)
    assert found.location == "LookupEvents us-east-1 ev-1"
    assert found.error is not None
    assert found.error.startswith("CloudTrailEvent is not JSON")
