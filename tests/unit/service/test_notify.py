"""The notify use case on the memory store and a recording notifier."""

from __future__ import annotations

from datetime import timedelta

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.model import ResourceKey
from leftovers.service import notify
from leftovers.service.ingest import ingest
from tests.support.changes import T0, change
from tests.support.fakes import RecordingNotifier

SCHEDULE = Schedule()
NIGHT = T0 + timedelta(hours=14)


def key(n: int) -> ResourceKey:
    return ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", f"vol-{n:04d}")


@pytest.fixture
def store() -> MemoryStore:
    s = MemoryStore()
    created = [change("created", n, key=key(n)) for n in range(5)]
    ingest(s, [*created, change("deleted", 30, key=key(4))], SCHEDULE)
    return s


def test_due_resources_are_sent_and_marked(store: MemoryStore) -> None:
    notifier = RecordingNotifier(per_message=2)
    result = notify.run(store, notifier, SCHEDULE, NIGHT, "UTC")
    assert result.error is None
    assert sorted(result.sent) == [key(n) for n in range(4)]
    assert result.messages == 2
    marked = store.load([key(n) for n in range(4)])
    assert all(r.notify_count == 1 and r.last_notified_at == NIGHT for r in marked.values())


def test_a_second_run_the_same_night_sends_nothing(store: MemoryStore) -> None:
    notify.run(store, RecordingNotifier(), SCHEDULE, NIGHT, "UTC")
    again = RecordingNotifier()
    result = notify.run(store, again, SCHEDULE, NIGHT + timedelta(minutes=5), "UTC")
    assert result.due == 0
    assert again.delivered == []


def test_reminder_after_the_interval(store: MemoryStore) -> None:
    notify.run(store, RecordingNotifier(), SCHEDULE, NIGHT, "UTC")
    later = RecordingNotifier()
    notify.run(store, later, SCHEDULE, NIGHT + timedelta(days=7), "UTC")
    assert len(later.delivered_keys) == 4
    assert all(r.notify_count == 2 for r in store.load([key(n) for n in range(4)]).values())


def test_failure_half_way_marks_what_was_sent_and_leaves_the_rest_due(store: MemoryStore) -> None:
    notifier = RecordingNotifier(per_message=1, fail_on={3})
    result = notify.run(store, notifier, SCHEDULE, NIGHT, "UTC")
    assert result.error is not None
    assert len(result.sent) == 2
    assert len(result.unsent) == 2
    state = store.load([key(n) for n in range(4)])
    assert {k for k, r in state.items() if r.notify_count == 1} == set(result.sent)
    retry = RecordingNotifier(per_message=1)
    second = notify.run(store, retry, SCHEDULE, NIGHT + timedelta(minutes=10), "UTC")
    assert set(second.sent) == set(result.unsent)


def test_dry_run_changes_nothing(store: MemoryStore) -> None:
    notifier = RecordingNotifier(per_message=3)
    result = notify.run(store, notifier, SCHEDULE, NIGHT, "UTC", dry_run=True)
    assert notifier.delivered == []
    assert len(result.previews) == 2
    assert notify.run(store, RecordingNotifier(), SCHEDULE, NIGHT, "UTC").due == 4


def test_describe_can_hold_back_a_resource(store: MemoryStore) -> None:
    notifier = RecordingNotifier()
    result = notify.run(
        store, notifier, SCHEDULE, NIGHT, "UTC", describe=lambda r: None if r.key == key(0) else notify.DigestEntry(r)
    )
    assert key(0) not in result.sent
    assert result.due == 3


def test_marking_twice_is_harmless(store: MemoryStore) -> None:
    keys = [key(0), key(1)]
    assert notify.mark(store, keys, NIGHT, SCHEDULE) == 2
    assert notify.mark(store, keys, NIGHT, SCHEDULE) == 0
    assert all(r.notify_count == 1 for r in store.load(keys).values())


def test_marking_records_as_notify_read_them_writes_without_reading_again(store: MemoryStore) -> None:
    seen = list(store.due(NIGHT))
    before = store.requests
    assert notify.mark(store, [r.key for r in seen], NIGHT, SCHEDULE, seen) == 4
    assert store.requests - before == 1  # one save, no load
    assert all(r.notify_count == 1 for r in store.load([r.key for r in seen]).values())


def test_a_record_changed_since_notify_read_it_is_reloaded_not_overwritten(store: MemoryStore) -> None:
    seen = list(store.due(NIGHT))
    ingest(
        store, [change("updated", 60, key=key(0), tags={"Owner": "aki"}), change("deleted", 61, key=key(1))], SCHEDULE
    )
    assert notify.mark(store, [r.key for r in seen], NIGHT, SCHEDULE, seen) == 3
    after = store.load([key(0), key(1)])
    assert after[key(0)].tags == {"Owner": "aki"}  # the update made meanwhile survives the marking
    assert after[key(0)].notify_count == 1
    assert after[key(1)].notify_count == 0  # deleted meanwhile: not marked


def test_a_retried_mark_step_with_the_same_rows_changes_nothing(store: MemoryStore) -> None:
    seen = list(store.due(NIGHT))
    keys = [r.key for r in seen]
    assert notify.mark(store, keys, NIGHT, SCHEDULE, seen) == 4
    assert notify.mark(store, keys, NIGHT, SCHEDULE, seen) == 0
    assert all(r.notify_count == 1 for r in store.load(keys).values())


def test_only_the_accepted_keys_are_marked_even_if_more_rows_came_along(store: MemoryStore) -> None:
    seen = list(store.due(NIGHT))
    assert notify.mark(store, [key(2)], NIGHT, SCHEDULE, seen) == 1
    assert {k for k, r in store.load([r.key for r in seen]).items() if r.notify_count} == {key(2)}
