"""The Store contract: every store (see tests/support/stores.py) must pass each of these tests unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from leftovers.core.errors import ConflictError
from leftovers.core.model import Creation, Resource, ResourceKey
from leftovers.core.ports import Store

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
US = timedelta(microseconds=1)
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")


def key(resource_id: str, **parts: str) -> ResourceKey:
    """KEY with another id (and optionally another account, region or type)."""
    return KEY._replace(resource_id=resource_id, **parts)


def live(resource_id: str, due: datetime | None = T0, **fields: object) -> Resource:
    """An active record created at T0 and due at ``due``."""
    values: dict[str, object] = {"created_at": T0, "next_due_at": due}
    values.update(fields)
    return Resource(key(resource_id), **values)  # type: ignore[arg-type]


def gone(resource_id: str, expires: datetime | None = T0, **fields: object) -> Resource:
    """A tombstone: created at T0, deleted an hour later, forgotten at ``expires``."""
    values: dict[str, object] = {"deleted_at": T0 + timedelta(hours=1), "expires_at": expires}
    values.update(fields)
    return live(resource_id, due=None, **values)


def versions(records: dict[ResourceKey, Resource]) -> dict[ResourceKey, int]:
    """Each record's version (``==`` on records ignores it, so tests compare it separately)."""
    return {k: r.version for k, r in records.items()}


def saved(store: Store, *records: Resource) -> dict[ResourceKey, Resource]:
    """Save new records and return them as now stored."""
    store.save(records)
    return store.load([r.key for r in records])


def test_every_field_round_trips(store: Store) -> None:
    tokyo = timezone(timedelta(hours=9))
    full = Resource(
        key=ResourceKey("210987654321", "eu-west-1", "AWS::Lambda::Function", "fn|with|bars ✓"),
        name="räksmörgås 🦐",
        arn="arn:aws:lambda:eu-west-1:210987654321:function:fn",
        tags={"Owner": "alice", "": "empty key", "Project": ""},
        created_at=T0,
        creations=(Creation(T0, None, "ecs.amazonaws.com"), Creation(T0 + timedelta(days=1, microseconds=7), "ärn ✓")),
        deleted_at=T0 - timedelta(days=3),
        attrs_at=datetime(2026, 11, 21, 10, 0, 0, 123456, tzinfo=tokyo),
        first_notified_at=T0 + timedelta(hours=2),
        last_notified_at=T0 + timedelta(days=8),
        notify_count=3,
        next_due_at=T0 + timedelta(days=15),
        expires_at=T0 + timedelta(days=30),
        sources=frozenset({"config", "cloudtrail"}),
        created_by="arn:aws:iam::210987654321:user/alice",
        created_for_by="bob",
        details={"runtime": "python3.13", "memory": 128, "nested": {"list": [1, 2.5, None, True]}},
    )
    minimal = Resource(key=KEY)
    stored = saved(store, full, minimal)
    assert stored == {full.key: full, KEY: minimal}
    assert versions(stored) == {full.key: 1, KEY: 1}
    assert stored[full.key].attrs_at == full.attrs_at  # same instant, whatever zone it was given in


def test_stated_empty_differs_from_never_stated(store: Store) -> None:
    """``{}`` tags and an ``""`` name are facts (removed), ``None`` is unknown: the store keeps them apart."""
    unknown = Resource(key("i-unknown"))
    empty = Resource(key("i-empty"), name="", tags={})
    stored = saved(store, unknown, empty)
    assert (stored[unknown.key].tags, stored[unknown.key].name) == (None, None)
    assert (stored[empty.key].tags, stored[empty.key].name) == ({}, "")


def test_missing_keys_are_absent_and_empty_calls_do_nothing(store: Store) -> None:
    store.save([])
    assert store.load([]) == {}
    assert store.load([KEY]) == {}
    assert list(store.scan(include_inactive=True)) == []


def test_load_many_keys_returns_exactly_the_stored_ones(store: Store) -> None:
    records = [live(f"i-{n:05d}") for n in range(0, 2400, 2)]
    store.save(records)
    wanted = [key(f"i-{n:05d}") for n in range(2400)]
    loaded = store.load(wanted)
    assert sorted(loaded) == sorted(r.key for r in records)
    assert all(loaded[r.key] == r for r in records)
    assert set(versions(loaded).values()) == {1}


def test_keys_that_differ_in_one_part_stay_distinct(store: Store) -> None:
    variants = [
        KEY,
        key(KEY.resource_id, account="210987654321"),
        key(KEY.resource_id, region="us-east-1"),
        key(KEY.resource_id, resource_type="AWS::EC2::Volume"),
        key("i-0ABC"),
    ]
    store.save([Resource(k, name=str(n), created_at=T0) for n, k in enumerate(variants)])
    loaded = store.load(variants)
    assert [loaded[k].name for k in variants] == ["0", "1", "2", "3", "4"]


def test_each_save_bumps_the_version(store: Store) -> None:
    first = saved(store, live("i-1"))[key("i-1")]
    assert first.version == 1
    store.save([replace(first, name="renamed")])
    again = store.load([first.key])[first.key]
    assert (again.name, again.version) == ("renamed", 2)


def test_a_stale_save_raises_and_writes_nothing_from_that_call(store: Store) -> None:
    stored = saved(store, live("i-1"), live("i-2"))
    a, b = stored[key("i-1")], stored[key("i-2")]
    store.save([replace(a, name="someone else")])  # a concurrent writer moves i-1 to version 2

    fresh = live("i-3")
    with pytest.raises(ConflictError) as caught:
        store.save([replace(b, name="mine"), replace(a, name="mine"), fresh])
    assert caught.value.keys == [a.key]

    after = store.load([a.key, b.key, fresh.key])
    assert after == {a.key: replace(a, name="someone else"), b.key: b}
    assert versions(after) == {a.key: 2, b.key: 1}


def test_creating_a_record_that_exists_is_a_conflict(store: Store) -> None:
    original = saved(store, live("i-1", name="first"))[key("i-1")]
    with pytest.raises(ConflictError) as caught:
        store.save([live("i-1", name="second")])
    assert caught.value.keys == [original.key]
    after = store.load([original.key])
    assert (after, versions(after)) == ({original.key: original}, {original.key: 1})


def test_updating_a_record_that_does_not_exist_is_a_conflict(store: Store) -> None:
    with pytest.raises(ConflictError) as caught:
        store.save([replace(live("i-1"), version=3)])
    assert caught.value.keys == [key("i-1")]
    assert store.load([key("i-1")]) == {}


def test_due_returns_exactly_active_records_due_at_or_before(store: Store) -> None:
    at = T0 + timedelta(days=7)
    store.save(
        [
            live("early", due=T0),
            live("exactly", due=at),
            live("microsecond-late", due=at + US),
            live("later", due=at + timedelta(days=1)),
            live("never", due=None),
            gone("deleted-but-due", next_due_at=T0),
            Resource(key("update-before-create"), name="x", next_due_at=T0),
        ]
    )
    assert sorted(r.key.resource_id for r in store.due(at)) == ["early", "exactly"]
    assert [r.key.resource_id for r in store.due(T0 - US)] == []
    in_tokyo = at.astimezone(timezone(timedelta(hours=9)))
    assert sorted(r.key.resource_id for r in store.due(in_tokyo)) == ["early", "exactly"]


def test_due_returns_whole_records_with_their_versions(store: Store) -> None:
    record = live("i-1", name="web", tags={"Owner": "alice"}, notify_count=2)
    assert list(store.due(T0)) == []
    store.save([record])
    (due,) = store.due(T0)
    assert (due, due.version) == (record, 1)


def test_saving_while_iterating_does_not_change_what_the_iteration_yields(store: Store) -> None:
    store.save([live(f"i-{n}") for n in range(5)])
    seen = []
    for r in store.due(T0):
        store.save([replace(r, next_due_at=T0 - timedelta(days=1), name="moved")])
        seen.append(r.key.resource_id)
    assert sorted(seen) == [f"i-{n}" for n in range(5)]
    assert {r.name for r in store.scan()} == {"moved"}


def test_scan_with_and_without_inactive_records(store: Store) -> None:
    store.save([live("a"), live("b", due=None), gone("c"), Resource(key("d"), name="pending")])
    assert sorted(r.key.resource_id for r in store.scan()) == ["a", "b"]
    assert sorted(r.key.resource_id for r in store.scan(include_inactive=True)) == ["a", "b", "c", "d"]


def test_purge_forgets_only_inactive_records_expired_before(store: Store) -> None:
    at = T0 + timedelta(days=14)
    store.save(
        [
            gone("expired", expires=at - US),
            gone("expires-exactly-now", expires=at),
            gone("not-yet", expires=at + timedelta(days=1)),
            gone("no-expiry", expires=None),
            live("active-with-stale-expiry", expires_at=T0),
        ]
    )
    assert store.purge_expired(at) == 1
    left = sorted(r.key.resource_id for r in store.scan(include_inactive=True))
    assert left == ["active-with-stale-expiry", "expires-exactly-now", "no-expiry", "not-yet"]
    assert store.purge_expired(at) == 0
