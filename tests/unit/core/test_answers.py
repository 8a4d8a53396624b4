"""Answers on a record: recorded once per click, honoured by the policy exactly as a keep tag, and forgotten by a
new incarnation."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from leftovers.core import answers
from leftovers.core.deadlines import with_deadline
from leftovers.core.lifecycle import apply, mark_notified
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey
from leftovers.core.policy import Policy
from leftovers.core.report import report_row

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 10:00 in Tokyo
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")
POLICY = Policy(timezone="Asia/Tokyo", slack_users={"alice": "U0ALICE"})
TODAY = date(2026, 11, 20)
RULES = answers.Rules()


def created(tags: dict[str, str] | None = None) -> Resource:
    return with_deadline(Resource(KEY, tags=tags or {}, created_at=T0), POLICY)


def keep(until: date | None, ref: str = "1.1", by: str = "U0ALICE", at: datetime = T0) -> answers.Answer:
    return answers.keep(at, by, ref, until, TODAY, RULES)


def answered(record: Resource, *given: answers.Answer) -> Resource:
    for a in given:
        record = answers.recorded(record, a)
    return with_deadline(record, POLICY)


def test_a_keep_until_a_day_silences_the_resource_until_that_day_starts_then_it_is_due_again() -> None:
    kept = answered(created(), keep(date(2026, 12, 7)))
    start = datetime(2026, 12, 6, 15, 0, tzinfo=UTC)  # 2026-12-07 00:00 in Tokyo
    assert kept.next_due_at == start
    assert not POLICY.is_due(kept, start - timedelta(seconds=1))
    assert POLICY.is_due(kept, start)
    assert POLICY.kept_until(kept) == date(2026, 12, 7)


def test_an_answered_keep_behaves_exactly_as_the_same_keep_tag() -> None:
    by_answer = answered(created(), keep(date(2026, 12, 7)))
    by_tag = created({"leftovers:keep": "2026-12-07"})
    for at in (T0, datetime(2026, 12, 6, 14, 59, tzinfo=UTC), datetime(2026, 12, 6, 15, 0, tzinfo=UTC)):
        assert POLICY.is_due(by_answer, at) == POLICY.is_due(by_tag, at)
        assert POLICY.is_reportable(by_answer, at) == POLICY.is_reportable(by_tag, at)
    assert by_answer.next_due_at == by_tag.next_due_at
    noticed_a = mark_notified(by_answer, datetime(2026, 12, 8, tzinfo=UTC), POLICY)
    noticed_t = mark_notified(by_tag, datetime(2026, 12, 8, tzinfo=UTC), POLICY)
    assert noticed_a.next_due_at == noticed_t.next_due_at


def test_keep_forever_silences_for_good_unless_the_rules_turn_it_off() -> None:
    forever = answered(created(), keep(None))
    assert forever.next_due_at is None
    assert POLICY.kept_until(forever) == "forever"
    with pytest.raises(answers.AnswerRefused, match="Keep forever is turned off"):
        answers.keep(T0, "U0ALICE", "1.2", None, TODAY, answers.Rules(keep_forever=False))


@pytest.mark.parametrize(("day", "why"), [(TODAY, "not after today"), (date(2040, 1, 1), "ten years")])
def test_a_day_that_is_not_ahead_or_absurdly_far_is_refused(day: date, why: str) -> None:
    with pytest.raises(answers.AnswerRefused, match=why):
        keep(day)


def test_the_longer_of_a_keep_tag_and_an_answer_holds() -> None:
    tagged = created({"leftovers:keep": "2026-12-31"})
    assert POLICY.kept_until(answered(tagged, keep(date(2026, 12, 7)))) == date(2026, 12, 31)
    assert POLICY.kept_until(answered(created({"leftovers:keep": "true"}), keep(date(2026, 12, 7)))) == "forever"
    assert POLICY.kept_until(answered(created({"leftovers:keep": "2026-12-01"}), keep(date(2026, 12, 7)))) == date(
        2026, 12, 7
    )


def test_the_latest_keep_answer_wins_so_a_keep_can_be_shortened_by_answering_again() -> None:
    record = answered(created(), keep(date(2026, 12, 31), "1.1"), keep(date(2026, 12, 7), "2.1", at=T0 + timedelta(1)))
    assert POLICY.kept_until(record) == date(2026, 12, 7)


def test_a_click_recorded_twice_applies_once() -> None:
    once = answered(created(), keep(date(2026, 12, 7)))
    twice = answers.recorded(once, keep(date(2026, 12, 7)))
    assert twice is once
    assert len(once.actions) == 1
    other_user = answers.recorded(once, keep(date(2026, 12, 7), by="U0BOB"))
    assert len(other_user.actions) == 2


def test_the_audit_list_is_bounded_keeping_the_newest() -> None:
    record = created()
    for n in range(answers.MAX_ANSWERS + 5):
        record = answers.recorded(record, keep(date(2026, 12, 7), ref=f"{n}.0", at=T0 + timedelta(minutes=n)))
    assert len(record.actions) == answers.MAX_ANSWERS
    assert record.actions[-1].ref == f"{answers.MAX_ANSWERS + 4}.0"


def test_not_mine_moves_the_resource_to_the_named_owner_or_to_the_channel() -> None:
    record = created({"Owner": "alice"})
    assert POLICY.owner(record) == "alice"
    to_bob = answered(record, answers.not_mine(T0, "U0ALICE", "1.1", "bob"))
    assert POLICY.owner(to_bob) == "bob"
    to_channel = answered(to_bob, answers.not_mine(T0 + timedelta(1), "U0BOB", "2.1"))
    assert POLICY.owner(to_channel) is None
    assert POLICY.slack_user(POLICY.owner(to_channel)) is None


def test_a_new_incarnation_starts_without_the_old_answers() -> None:
    kept = answered(created(), keep(None))
    deleted, _ = apply(kept, ResourceChange(KEY, ChangeKind.DELETED, T0 + timedelta(days=1), "config"), POLICY)
    again, _ = apply(deleted, ResourceChange(KEY, ChangeKind.CREATED, T0 + timedelta(days=2), "config"), POLICY)
    assert again.actions == ()
    assert POLICY.kept_until(again) is None
    assert again.next_due_at == T0 + timedelta(days=2)


def test_answers_given_before_this_incarnation_started_do_not_count() -> None:
    """A late deletion can restart an incarnation in place (see core.lifecycle): older answers stay as audit only."""
    record = answered(created(), keep(None, at=T0 - timedelta(hours=1)))
    assert answers.current(record) == ()
    assert POLICY.kept_until(record) is None


def test_the_report_row_lists_the_answers_as_actions() -> None:
    record = answered(created(), keep(date(2026, 12, 7)), answers.not_mine(T0 + timedelta(1), "U0ALICE", "2.1"))
    assert report_row(record)["actions"] == [
        {"by": "U0ALICE", "action": "keep", "at": "2026-11-20T01:00:00Z", "until": "2026-12-07"},
        {"by": "U0ALICE", "action": "not_mine", "at": "2026-11-21T01:00:00Z", "owner": None},
    ]
    assert report_row(created())["actions"] == []
