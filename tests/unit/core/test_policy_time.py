"""Deadlines in the policy's time zone across daylight-saving changes, and deadlines that never overflow."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from leftovers.core.deadlines import Schedule, with_deadline
from leftovers.core.lifecycle import mark_notified
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy

NEW_YORK = ZoneInfo("America/New_York")
KEY = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Instance", "i-0abc")


def midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=NEW_YORK).astimezone(UTC)


@pytest.mark.parametrize("first", [date(2026, 3, 5), date(2026, 10, 29)])  # the week before each change
def test_a_weekly_reminder_falls_on_the_same_local_time_across_a_dst_change(first: date) -> None:
    policy = Policy(timezone="America/New_York")
    record = with_deadline(Resource(KEY, tags={}, created_at=midnight(first) - timedelta(days=1)), policy)
    noticed = mark_notified(record, midnight(first), policy)
    week_later = midnight(first + timedelta(days=7))
    assert noticed.next_due_at == week_later
    assert policy.is_due(noticed, week_later)  # the midnight run a week later sends it, not the one after


def test_an_hourly_reminder_stays_an_elapsed_interval() -> None:
    policy = Policy(timezone="America/New_York", reminder=timedelta(hours=12))
    at = midnight(date(2026, 3, 8))
    noticed = mark_notified(with_deadline(Resource(KEY, tags={}, created_at=at), policy), at, policy)
    assert noticed.next_due_at == at + timedelta(hours=12)


POISON = [
    Resource(KEY, tags={}, created_at=datetime(9999, 12, 20, tzinfo=UTC)),
    Resource(KEY, tags={"leftovers:expires": "36500d"}, created_at=datetime(9990, 1, 1, tzinfo=UTC)),
    Resource(KEY, tags={"leftovers:keep": "0001-01-01"}, created_at=datetime(2026, 1, 1, tzinfo=UTC)),
    Resource(KEY, tags={"leftovers:expires": "9999-12-31"}, created_at=datetime(2026, 1, 1, tzinfo=UTC)),
    Resource(
        KEY,
        tags={},
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        last_notified_at=datetime.max.replace(tzinfo=UTC),
        notify_count=1,
    ),
]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"])
@pytest.mark.parametrize("record", POISON, ids=range(len(POISON)))
def test_a_stored_record_never_makes_the_deadline_code_overflow(zone: str, record: Resource) -> None:
    policy = Policy(timezone=zone, grace=timedelta(days=30))
    now = datetime(2026, 11, 30, tzinfo=UTC)
    with_deadline(record, policy)
    policy.is_due(record, now)
    policy.is_reportable(record, now)
    policy.deadline(record)
    with_deadline(record, Schedule(grace=timedelta(days=30)))
    mark_notified(record, now, policy)
