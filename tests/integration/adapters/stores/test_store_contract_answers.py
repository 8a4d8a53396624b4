"""The Store contract for answers: every store keeps a record's audit list of answers exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from leftovers.core.model import Answer, Resource, ResourceKey
from leftovers.core.ports import Store

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0answers")
ANSWERS = (
    Answer(T0 + timedelta(days=1), "U0ALICE", "keep", "1764460800.123456", until=date(2026, 12, 7)),
    Answer(T0 + timedelta(days=2), "U0BOB", "keep", "1764547200.000001"),  # forever
    Answer(T0 + timedelta(days=3), "U0ALICE", "not_mine", "1764633600.5", owner="ボブ ✓"),
    Answer(T0 + timedelta(days=4), "U0ALICE", "not_mine", "1764720000.5"),  # to the channel
)


def test_answers_round_trip_in_order(store: Store) -> None:
    record = Resource(KEY, created_at=T0, next_due_at=T0, actions=ANSWERS)
    store.save([record])
    loaded = store.load([KEY])[KEY]
    assert loaded.actions == ANSWERS
    assert loaded == record


def test_answers_survive_an_update_and_are_conditional_like_any_field(store: Store) -> None:
    store.save([Resource(KEY, created_at=T0, next_due_at=T0)])
    first = store.load([KEY])[KEY]
    assert first.actions == ()
    store.save([first.evolve(actions=ANSWERS[:1])])
    second = store.load([KEY])[KEY]
    assert second.actions == ANSWERS[:1]
    assert second.version == 2
    assert [r.actions for r in store.due(T0)] == [ANSWERS[:1]]
