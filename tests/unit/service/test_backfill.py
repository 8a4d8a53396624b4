"""The backfill use case on a fake listing and inventory: adopt the untracked, veto ghosts, keep remembered
deletions, and change nothing in a dry run."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.inventory import Found, Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.service.backfill import backfill
from leftovers.service.ingest import ingest
from tests.support.changes import T0, change

SCHEDULE = Schedule()
AT = T0 + timedelta(days=30)


def key(resource_id: str) -> ResourceKey:
    return ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Volume", resource_id)


class FakeListing:
    """Lists what it was given."""

    def __init__(self, found: list[Found]) -> None:
        self.found = found

    def list(self) -> Iterator[Found]:
        yield from self.found


class FakeInventory:
    """Answers from a dict."""

    def __init__(self, answers: dict[ResourceKey, Verdict]) -> None:
        self.answers = answers

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        return {r.key: self.answers[r.key] for r in records if r.key in self.answers}


TRACKED, NEW, GHOST, DELETED, UNVERIFIED = (key(f"vol-{n}") for n in ("tracked", "new", "ghost", "deleted", "unver"))
LISTED = [
    Found(TRACKED, name="already"),
    Found(NEW, name="scratch", arn="arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-new", tags={"Name": "scratch"}),
    Found(GHOST),
    Found(DELETED, created_at=T0),
    Found(UNVERIFIED),
]
ANSWERS = {
    NEW: Verdict(Presence.EXISTS, created_at=T0 + timedelta(days=2)),
    GHOST: Verdict(Presence.GONE),
    DELETED: Verdict(Presence.EXISTS),
    UNVERIFIED: Verdict(Presence.UNKNOWN, "access denied (ec2:DescribeVolumes)"),
}


def store_with_history() -> MemoryStore:
    store = MemoryStore()
    ingest(store, [change("created", 0, key=TRACKED), change("created", 0, key=DELETED),
                   change("deleted", 60, key=DELETED)], SCHEDULE)  # fmt: skip
    return store


def test_adopts_the_untracked_from_their_creation_time() -> None:
    store = store_with_history()
    result = backfill(store, FakeListing(LISTED), SCHEDULE, AT, inventory=FakeInventory(ANSWERS))
    assert (result.listed, result.tracked, result.ghosts, result.stale, result.verified) == (5, 1, 1, 1, 2)
    assert [c.key for c in result.adopted] == [NEW, UNVERIFIED]  # a listed resource is only vetoed by "gone"
    new = store.load([NEW])[NEW]
    assert new.active
    assert new.created_at == T0 + timedelta(days=2)  # from the describe call
    assert (new.name, new.tags, new.sources) == ("scratch", {"Name": "scratch"}, frozenset({"backfill"}))
    assert store.load([UNVERIFIED])[UNVERIFIED].created_at == AT  # no creation time given: adopted from now
    assert GHOST not in store.load([GHOST])
    assert not store.load([DELETED])[DELETED].active  # its deletion is newer than the creation time listed


def test_dry_run_predicts_the_same_and_changes_nothing() -> None:
    store = store_with_history()
    before = store.requests
    result = backfill(store, FakeListing(LISTED), SCHEDULE, AT, inventory=FakeInventory(ANSWERS), dry_run=True)
    assert store.requests == before + 1  # one load for the one batch, no save
    assert [c.key for c in result.adopted] == [NEW, UNVERIFIED]
    assert result.stale == 1
    assert NEW not in store.load([NEW])


def test_without_an_inventory_everything_untracked_is_adopted_from_now() -> None:
    store = store_with_history()
    result = backfill(store, FakeListing(LISTED), SCHEDULE, AT, batch=2)
    assert {c.key for c in result.adopted} == {NEW, GHOST, UNVERIFIED}
    assert result.stale == 1  # DELETED listed with a creation time older than its remembered deletion
    assert store.load([NEW])[NEW].created_at == AT


def test_a_second_run_adopts_nothing() -> None:
    store = store_with_history()
    backfill(store, FakeListing(LISTED), SCHEDULE, AT, inventory=FakeInventory(ANSWERS))
    again = backfill(store, FakeListing(LISTED), SCHEDULE, AT + timedelta(hours=1), inventory=FakeInventory(ANSWERS))
    assert again.adopted == ()
    assert again.tracked == 3
