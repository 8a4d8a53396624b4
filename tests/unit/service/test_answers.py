"""The answering use case on the in-memory store: conditional saves retried on conflicts, refusals that change
nothing, and not-mine answers that hand the resource to a mapped owner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.answers import Rules
from leftovers.core.errors import StoreError
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.service import answers, batches
from leftovers.service.answers import Request, answer

NOW = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")
OTHER = KEY._replace(resource_id="i-0carol")
POLICY = Policy(timezone="Asia/Tokyo", slack_users={"alice": "U0ALICE", "bob": "U0BOB"})


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batches, "sleep", lambda seconds: None)


class RacingStore(MemoryStore):
    """Another writer changes the record (a new tag) just before each of the first ``races`` saves."""

    def __init__(self, races: int) -> None:
        super().__init__()
        self.races = races

    def save(self, records: Sequence[Resource]) -> None:
        if self.races and records and records[0].version:
            self.races -= 1
            stored = self.load([records[0].key])[records[0].key]
            super().save([stored.evolve(tags={"Owner": "alice", "race": str(self.races)})])
        super().save(records)


def tracked(store: MemoryStore) -> Resource:
    store.save([Resource(KEY, tags={"Owner": "alice"}, created_at=NOW - timedelta(days=9), next_due_at=NOW)])
    return store.load([KEY])[KEY]


def keep_days(user: str = "U0ALICE", ref: str = "1.1") -> Request:
    return Request(KEY, user, ref, answers.KEEP_DAYS)


def test_a_conflicting_writer_is_retried_and_both_changes_survive() -> None:
    store = RacingStore(races=2)
    tracked(store)
    outcome = answer(store, POLICY, Rules(), keep_days(), NOW)
    assert outcome.refused is None
    assert not outcome.repeated
    stored = store.load([KEY])[KEY]
    assert stored.tags == {"Owner": "alice", "race": "0"}  # the other writer's change is kept
    assert POLICY.kept_until(stored) == date(2026, 12, 7)
    assert len(stored.actions) == 1


def test_a_store_that_keeps_conflicting_gives_up_with_a_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batches, "MAX_CONFLICT_RETRIES", 3)
    store = RacingStore(races=100)
    tracked(store)
    with pytest.raises(StoreError, match="gave up recording an answer"):
        answer(store, POLICY, Rules(), keep_days(), NOW)


@pytest.mark.parametrize(
    ("request_", "why"),
    [
        (Request(KEY, "U0ALICE", "1", answers.KEEP_UNTIL, day=date(2026, 11, 30)), "not after today"),
        (Request(KEY, "U0ALICE", "1", answers.KEEP_UNTIL), "no day was chosen"),
        (Request(KEY, "U0ALICE", "1", "snooze_forever"), "unknown answer"),
        (Request(KEY, "U0BOB", "1", answers.KEEP_DAYS), "Only the resource's owner"),
        (Request(KEY._replace(resource_id="i-gone"), "U0ALICE", "1", answers.KEEP_DAYS), "no longer tracks"),
        (Request(KEY, "U0ALICE", "1", answers.NOT_MINE, owner="U0STRANGER"), "U0STRANGER is not in the [slack_users]"),
    ],
)
def test_a_refused_answer_changes_nothing(request_: Request, why: str) -> None:
    store = MemoryStore()
    before = tracked(store)
    outcome = answer(store, POLICY, Rules(), request_, NOW)
    assert outcome.refused is not None
    assert why in outcome.refused
    after = store.load([KEY])[KEY]
    assert after == before
    assert after.version == before.version


def test_not_mine_to_a_chosen_user_hands_it_to_their_owner_name() -> None:
    store = MemoryStore()
    tracked(store)
    outcome = answer(store, POLICY, Rules(), Request(KEY, "U0ALICE", "1", answers.NOT_MINE, owner="U0BOB"), NOW)
    assert outcome.refused is None
    assert POLICY.owner(store.load([KEY])[KEY]) == "bob"
    # bob may now answer for it; alice no longer may
    assert answer(store, POLICY, Rules(), keep_days("U0BOB", "2.1"), NOW).refused is None
    assert answer(store, POLICY, Rules(), keep_days("U0ALICE", "3.1"), NOW).refused is not None


def test_the_same_click_twice_is_recorded_once_and_says_so() -> None:
    store = MemoryStore()
    tracked(store)
    first = answer(store, POLICY, Rules(), keep_days(), NOW)
    again = answer(store, POLICY, Rules(), keep_days(), NOW + timedelta(seconds=3))
    assert not first.repeated
    assert again.repeated
    assert store.load([KEY])[KEY].version == 2


def test_a_resource_nobody_owns_is_anyones_to_answer_and_an_unmapped_owner_only_through_a_dm() -> None:
    store = MemoryStore()
    store.save(
        [Resource(KEY, created_at=NOW - timedelta(days=2)), Resource(OTHER, tags={"Owner": "carol"}, created_at=NOW)]
    )
    assert answer(store, POLICY, Rules(), Request(KEY, "U0ANYONE", "1", answers.KEEP_DAYS), NOW).refused is None
    refused = answer(store, POLICY, Rules(), Request(OTHER, "U0ANYONE", "1", answers.KEEP_DAYS), NOW)
    assert refused.refused is not None  # carol owns it, but [slack_users] does not say who carol is in Slack
    dm = Request(OTHER, "U0CAROL", "1", answers.KEEP_DAYS, addressed=True)  # the DM went to her (found by e-mail)
    assert answer(store, POLICY, Rules(), dm, NOW).refused is None
