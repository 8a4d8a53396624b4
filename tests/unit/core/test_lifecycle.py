"""Lifecycle rules: idempotent, order-independent, incarnations tracked afresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leftovers.core.deadlines import Deadlines, Schedule, with_deadline
from leftovers.core.lifecycle import Outcome, apply, is_due, mark_notified
from leftovers.core.model import Creation, Resource, ResourceChange
from leftovers.core.policy import Policy
from tests.support.changes import KEY, T0, change
from tests.support.examples import examples

SCHEDULE = Schedule()
POLICY = Policy(grace=timedelta(hours=2))
# Tag maps the generators state: none at all, owners, keep and expiry tags (forever, until a date, bad), so that an
# older incarnation's or update's tags filling a newer empty map shows in the owner, kept_until and deadline.
TAG_MAPS = (
    {},
    {"Owner": "alice"},
    {"Owner": "bob", "leftovers:keep": "true"},
    {"leftovers:keep": "2026-11-25"},
    {"leftovers:expires": "3d", "Name": "tagged"},
    {"leftovers:expires": "2026-11-22"},
    {"leftovers:keep": "yes please"},
)


def state_of(record: Resource) -> dict[str, object]:
    return {f: getattr(record, f) for f in Resource.__slots__ if f != "version"}


def fold(
    changes: list[ResourceChange], record: Resource | None = None, deadlines: Deadlines = SCHEDULE
) -> Resource | None:
    for c in changes:
        record, _ = apply(record, c, deadlines)
    return record


def test_creation_starts_tracking_and_is_due_at_creation() -> None:
    record, outcome = apply(None, change("created", 0, name="web", tags={"Owner": "aki"}), SCHEDULE)
    assert outcome is Outcome.TRACKED
    assert record.active
    assert record.created_at == T0
    assert record.next_due_at == T0
    assert record.name == "web"
    assert dict(record.tags) == {"Owner": "aki"}


def test_deletion_resolves_and_leaves_an_expiring_tombstone() -> None:
    created = fold([change("created", 0)])
    record, outcome = apply(created, change("deleted", 5), SCHEDULE)
    assert outcome is Outcome.RESOLVED
    assert not record.active
    assert record.next_due_at is None
    assert record.expires_at == T0 + timedelta(minutes=5) + SCHEDULE.tombstone_ttl


def test_an_update_seen_before_a_deletion_it_follows_keeps_the_tombstone_as_in_order() -> None:
    """Found by bench/ingest_sqs.py: an update captured after the deletion but delivered first gave the tombstone
    the deletion's expiry, so a repeat of that update later wrote again (in order it is the update's)."""
    history = [change("created", 0), change("deleted", 10), change("updated", 30, name="after")]
    in_order = fold(history)
    update_first = fold([history[2], history[0], history[1]])
    assert in_order is not None
    assert update_first is not None
    assert state_of(update_first) == state_of(in_order)
    assert update_first.expires_at == T0 + timedelta(minutes=30) + SCHEDULE.tombstone_ttl
    repeated, _ = apply(update_first, history[2], SCHEDULE)
    assert repeated == update_first  # a repeat of an update already folded in changes nothing: no write


def test_duplicate_event_changes_nothing() -> None:
    created = fold([change("created", 0, name="a")])
    again, outcome = apply(created, change("created", 0, name="a"), SCHEDULE)
    assert outcome is Outcome.UNCHANGED
    assert again == created


def test_deletion_before_creation_leaves_no_phantom() -> None:
    record = fold([change("deleted", 10), change("created", 0)])
    assert record is not None
    assert not record.active


def test_recreation_after_deletion_is_tracked_afresh() -> None:
    first = fold([change("created", 0)])
    assert first is not None
    noticed = mark_notified(first, T0 + timedelta(hours=1), SCHEDULE)
    assert noticed.notify_count == 1
    record, outcome = apply(fold([change("deleted", 120)], noticed), change("created", 180), SCHEDULE)
    assert outcome is Outcome.TRACKED
    assert record.notify_count == 0
    assert record.created_at == T0 + timedelta(minutes=180)
    assert record.next_due_at == record.created_at


def test_update_refreshes_name_and_tags_of_tracked_resource() -> None:
    created = fold([change("created", 0, name="old", tags={"a": "1"})])
    record, outcome = apply(created, change("updated", 5, name="new", tags={"b": "2"}), SCHEDULE)
    assert outcome is Outcome.UPDATED
    assert (record.name, dict(record.tags)) == ("new", {"b": "2"})


def test_older_update_does_not_overwrite_newer_attributes() -> None:
    record = fold([change("created", 0, name="a"), change("updated", 10, name="c"), change("updated", 5, name="b")])
    assert record is not None
    assert record.name == "c"


def test_update_without_a_creation_is_not_a_leftover() -> None:
    record, outcome = apply(None, change("updated", 5, name="x"), SCHEDULE)
    assert outcome is Outcome.UNCHANGED
    assert not record.active
    assert record.expires_at is not None


def test_missing_attribute_never_erases_a_known_one() -> None:
    record = fold([change("created", 0, name="db", tags={"Owner": "aki"}), change("updated", 5, tags=None)])
    assert record is not None
    assert (record.name, dict(record.tags)) == ("db", {"Owner": "aki"})


def test_reminders_follow_the_interval_and_never_means_once() -> None:
    created = fold([change("created", 0)])
    assert created is not None
    at = T0 + timedelta(hours=14)
    assert is_due(created, at)
    noticed = mark_notified(created, at, SCHEDULE)
    assert noticed.next_due_at == at + timedelta(days=7)
    assert not is_due(noticed, at + timedelta(days=6))
    assert is_due(noticed, at + timedelta(days=7))
    once = mark_notified(created, at, Schedule(reminder=None))
    assert once.next_due_at is None


def test_grace_period_delays_the_first_notice() -> None:
    record, _ = apply(None, change("created", 0), Schedule(grace=timedelta(days=2)))
    assert record.next_due_at == T0 + timedelta(days=2)


def test_marking_is_idempotent_for_a_retried_step() -> None:
    created = fold([change("created", 0)])
    assert created is not None
    at = T0 + timedelta(hours=1)
    once = mark_notified(created, at, SCHEDULE)
    assert mark_notified(once, at, SCHEDULE) == once


def test_a_deleted_resource_is_not_marked() -> None:
    gone = fold([change("created", 0), change("deleted", 1)])
    assert gone is not None
    assert mark_notified(gone, T0 + timedelta(hours=1), SCHEDULE) == gone


# --- property: any permutation with duplicates ends where in-order delivery ends -----------------------------


@st.composite
def lifecycles(draw: st.DrawFn) -> list[ResourceChange]:
    """One resource's true history: incarnations of create, updates, delete (the last may survive).

    As in Config, every creation and update states the whole configuration item (name may be absent throughout);
    a stated name may be empty and a stated tag map may be empty or drop tags an earlier event had.
    """
    named = draw(st.booleans())
    incarnations = draw(st.integers(min_value=1, max_value=3))
    gaps = iter(draw(st.lists(st.integers(1, 500), min_size=40, max_size=40, unique=True)))
    minute = 0
    events: list[ResourceChange] = []
    for n in range(incarnations):
        minute += next(gaps)
        name = draw(st.sampled_from([f"gen{n}", ""])) if named else None
        tags = draw(st.sampled_from(TAG_MAPS))
        events.append(change("created", minute, name=name, tags=tags, arn=f"arn:{n}"))
        for u in range(draw(st.integers(0, 3))):
            minute += next(gaps)
            name = draw(st.sampled_from([f"gen{n}-u{u}", ""])) if named else None
            tags = draw(st.sampled_from(TAG_MAPS))
            events.append(change("updated", minute, name=name, tags=tags, arn=f"arn:{n}"))
        if n < incarnations - 1 or draw(st.booleans()):
            minute += next(gaps)
            events.append(change("deleted", minute))
            if draw(st.booleans()):  # a configuration item captured after the deletion (the source's own lag)
                minute += next(gaps)
                events.append(change("updated", minute, name=f"gen{n}-late" if named else None, arn=f"arn:{n}"))
    return events


@st.composite
def two_source_lifecycles(draw: st.DrawFn) -> list[ResourceChange]:
    """As ``lifecycles``, but CloudTrail also reports each creation, at its own time (before or after Config's):
    several creation times per incarnation, so a late deletion can fall between creations of different ones."""
    incarnations = draw(st.integers(min_value=1, max_value=3))
    gaps = iter(draw(st.lists(st.integers(1, 500), min_size=40, max_size=40, unique=True)))
    minute = 0
    events: list[ResourceChange] = []
    for n in range(incarnations):
        creations = [
            change("created", 0, name=f"gen{n}", tags={"n": str(n)}, arn=f"arn:{n}"),
            change(
                "created",
                0,
                source="cloudtrail",  # states what the call named: the same name, ARN and tags
                name=f"gen{n}",
                tags={"n": str(n)},
                arn=f"arn:{n}",
                created_by=f"arn:aws:iam::123456789012:user/dev{n}",
            ),
        ]
        for c in draw(st.permutations(creations)):
            minute += next(gaps)
            events.append(replace(c, captured_at=T0 + timedelta(minutes=minute)))
        for u in range(draw(st.integers(0, 2))):
            minute += next(gaps)
            tags = draw(st.sampled_from(TAG_MAPS))
            events.append(change("updated", minute, name=f"gen{n}-u{u}", tags=tags, arn=f"arn:{n}"))
        if n < incarnations - 1 or draw(st.booleans()):
            minute += next(gaps)
            events.append(change("deleted", minute, source=draw(st.sampled_from(["config", "cloudtrail"]))))
    return events


def assert_any_order_with_duplicates_ends_in_the_in_order_state(data: st.DataObject, history: list) -> None:
    expected = fold(history, deadlines=POLICY)
    duplicated = history + data.draw(st.lists(st.sampled_from(history), max_size=len(history)))
    shuffled = data.draw(st.permutations(duplicated))
    actual = fold(list(shuffled), deadlines=POLICY)
    assert expected is not None
    assert actual is not None
    assert actual.active == expected.active
    if expected.active:
        assert state_of(actual) == state_of(expected)  # every field: name, tags, deadline, creators...
        assert readings(actual) == readings(expected)
    else:
        # A tombstone has to remember the last deletion, make late creations stale, and last as long as in order
        # (else a repeat delivery would write again only to move its expiry).
        assert actual.deleted_at == expected.deleted_at
        assert actual.next_due_at is None
        assert actual.expires_at == expected.expires_at


def readings(record: Resource) -> tuple[object, ...]:
    """What the policy makes of a record: owner, keep, tag problem, deadline."""
    return (POLICY.owner(record), POLICY.kept_until(record), POLICY.tag_problem(record), POLICY.deadline(record))


@settings(max_examples=examples(100), deadline=None)
@given(data=st.data(), history=lifecycles())
def test_any_order_with_duplicates_ends_in_the_in_order_state(data: st.DataObject, history: list) -> None:
    assert_any_order_with_duplicates_ends_in_the_in_order_state(data, history)


@settings(max_examples=examples(100), deadline=None)
@given(data=st.data(), history=two_source_lifecycles())
def test_two_sources_in_any_order_end_in_the_in_order_state(data: st.DataObject, history: list) -> None:
    assert_any_order_with_duplicates_ends_in_the_in_order_state(data, history)


def test_a_late_deletion_between_creations_restarts_at_the_earliest_creation_after_it() -> None:
    """Config and CloudTrail both report each creation; the deletion of the first incarnation arrives last."""
    in_order = fold([change("created", 10), change("deleted", 20), change("created", 25), change("created", 30)])
    late = fold([change("created", 10), change("created", 25), change("created", 30), change("deleted", 20)])
    assert in_order is not None
    assert late is not None
    assert late.created_at == in_order.created_at == T0 + timedelta(minutes=25)
    assert (
        late.creations
        == in_order.creations
        == (Creation(T0 + timedelta(minutes=25)), Creation(T0 + timedelta(minutes=30)))
    )
    again = fold([change("created", 25)], late)  # a re-delivered middle creation changes nothing
    assert again is not None
    assert state_of(again) == state_of(late)


def test_key_identity_includes_type_region_and_account() -> None:
    other_region = KEY.__class__(KEY.account, "us-east-1", KEY.resource_type, KEY.resource_id)
    created = fold([change("created", 0)])
    record, outcome = apply(None, change("created", 0, key=other_region), SCHEDULE)
    assert outcome is Outcome.TRACKED
    assert created is not None
    assert record.key != created.key


def test_every_rule_keeps_the_loaded_version() -> None:
    """Saves are conditional on the loaded version, so no rule may reset it (a re-creation once did)."""
    stored = fold([change("created", 0), change("deleted", 5)])
    assert stored is not None
    loaded = replace(stored, version=3)
    for c in (change("created", 10), change("updated", 10), change("deleted", 10), change("created", 1)):
        after, _ = apply(loaded, c, SCHEDULE)
        assert after.version == 3


def test_a_late_deletion_hands_the_new_incarnation_its_own_creator() -> None:
    """aki's bucket was deleted and ren re-created it under the same name; aki's deletion arrives last."""
    aki, ren = (f"arn:aws:iam::123456789012:user/{n}" for n in ("aki", "ren"))
    events = [
        change("created", 10, source="cloudtrail", created_by=aki),
        change("created", 12),  # Config's discovery of aki's bucket: no creator
        change("created", 25),  # Config's discovery of ren's
        change("created", 30, source="cloudtrail", created_by=ren),
    ]
    late = fold([*events, change("deleted", 20)])
    in_order = fold([*events[:2], change("deleted", 20), *events[2:]])
    assert late is not None
    assert in_order is not None
    assert (
        (late.created_at, late.created_by)
        == (in_order.created_at, in_order.created_by)
        == (T0 + timedelta(minutes=25), ren)
    )


def test_an_event_stating_no_attributes_leaves_older_ones_current() -> None:
    """A bare CloudTrail creation must not make an older Config update look stale."""
    bare = change("created", 10, source="cloudtrail", created_by="arn:aws:iam::123456789012:user/aki")
    in_order = fold([change("created", 0, name="a"), change("updated", 5, name="b"), bare])
    late = fold([change("created", 0, name="a"), bare, change("updated", 5, name="b")])
    assert in_order is not None
    assert late is not None
    assert late.name == in_order.name == "b"


def test_a_first_sighting_is_built_once_its_deadline_set_without_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ingest hot path: a copy per new record only to set its deadline was a tenth of the fold's time."""
    copies: list[dict[str, object]] = []
    evolve = Resource.evolve
    monkeypatch.setattr(Resource, "evolve", lambda self, **kw: copies.append(kw) or evolve(self, **kw))
    record, outcome = apply(None, change("created", 0, name="web"), POLICY)
    assert outcome is Outcome.TRACKED
    assert record.next_due_at == T0 + timedelta(hours=2)
    assert copies == []


@settings(max_examples=examples(100), deadline=None)
@given(data=st.data(), history=two_source_lifecycles())
def test_deadlines_set_in_place_are_with_deadlines_and_never_touch_the_callers_record(
    data: st.DataObject, history: list
) -> None:
    """Rules set the deadline of a record they just made in place; the record passed in stays as it was."""
    events = data.draw(st.permutations(history + data.draw(st.lists(st.sampled_from(history), max_size=4))))
    record: Resource | None = None
    for c in events:
        before = None if record is None else (state_of(record), record.version)
        after, _ = apply(record, c, POLICY)
        assert after == with_deadline(after, POLICY)
        assert after.version == (0 if record is None else record.version)
        if record is not None:
            assert (state_of(record), record.version) == before
        record = after
