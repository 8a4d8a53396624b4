"""The reconcile use case on a fake inventory: only a definite "gone" resolves, through the lifecycle rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import ChangeKind, Resource, ResourceChange, ResourceKey
from leftovers.service.ingest import ingest
from leftovers.service.reconcile import fill_creators, reconcile
from tests.support.changes import T0, change

SCHEDULE = Schedule()
AT = T0 + timedelta(days=3)


def key(resource_type: str, resource_id: str) -> ResourceKey:
    return ResourceKey("123456789012", "ap-northeast-1", resource_type, resource_id)


class FakeInventory:
    """Answers from a dict; records every batch it was asked about."""

    def __init__(self, answers: dict[ResourceKey, Verdict]) -> None:
        self.answers = answers
        self.batches: list[list[ResourceKey]] = []

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        self.batches.append([r.key for r in records])
        return {r.key: self.answers[r.key] for r in records if r.key in self.answers}


VOL, SNAP, ROLE, GONE_ALREADY = (
    key("AWS::EC2::Volume", "vol-1"), key("AWS::EC2::Snapshot", "snap-1"), key("AWS::IAM::Role", "AROA1"),
    key("AWS::EC2::Volume", "vol-9"),
)  # fmt: skip


def tracked_store() -> MemoryStore:
    store = MemoryStore()
    changes = [change("created", i, key=k) for i, k in enumerate((VOL, SNAP, ROLE, GONE_ALREADY))]
    ingest(store, [*changes, change("deleted", 10, key=GONE_ALREADY)], SCHEDULE)
    return store


def test_gone_resources_are_resolved_at_the_check_time_and_the_rest_counted() -> None:
    store = tracked_store()
    inventory = FakeInventory(
        {
            VOL: Verdict(Presence.GONE, "not found by ec2:DescribeVolumes"),
            SNAP: Verdict(Presence.EXISTS),
            ROLE: Verdict(Presence.UNKNOWN, "access denied (iam:GetRole)"),
        }
    )
    result = reconcile(store, inventory, SCHEDULE, AT)
    assert (result.checked, result.present, result.healed, result.gone) == (3, 1, 1, (VOL,))
    assert dict(result.unknown) == {("AWS::IAM::Role", "access denied (iam:GetRole)"): 1}
    healed = store.load([VOL])[VOL]
    assert not healed.active
    assert healed.deleted_at == AT
    assert "reconcile" not in healed.sources  # a deletion adds no source: sources say who saw it exist
    assert store.load([ROLE])[ROLE].active  # unknown is never gone
    assert [GONE_ALREADY not in b for b in inventory.batches] == [True]  # tombstones are not asked about


def test_no_answer_counts_as_unknown() -> None:
    result = reconcile(tracked_store(), FakeInventory({}), SCHEDULE, AT)
    assert result.healed == 0
    assert result.unknown_total == 3


def test_dry_run_names_the_gone_and_changes_nothing() -> None:
    store = tracked_store()
    before = {r.key: r for r in store.scan()}
    result = reconcile(store, FakeInventory({VOL: Verdict(Presence.GONE)}), SCHEDULE, AT, dry_run=True)
    assert result.gone == (VOL,)
    assert result.healed == 0
    assert {r.key: r for r in store.scan()} == before


def test_select_limit_and_batches_bound_the_run_oldest_first() -> None:
    store = tracked_store()
    inventory = FakeInventory({})
    reconcile(store, inventory, SCHEDULE, AT, select=lambda r: r.key != SNAP, limit=2, batch=1)
    assert inventory.batches == [[VOL], [ROLE]]


def test_candidates_narrow_the_check_to_what_is_due_without_scanning_the_table() -> None:
    store = tracked_store()
    store.scan = None  # type: ignore[assignment,method-assign]  # the daily run must not scan
    inventory = FakeInventory({VOL: Verdict(Presence.GONE), SNAP: Verdict(Presence.EXISTS)})
    due = [r for r in store.due(AT) if r.key in (VOL, SNAP)]
    result = reconcile(store, inventory, SCHEDULE, AT, candidates=due)
    assert inventory.batches == [[VOL, SNAP]]
    assert (result.checked, result.healed) == (2, 1)
    assert not store.load([VOL])[VOL].active


def test_a_resource_re_created_after_the_check_stays_tracked() -> None:
    store = tracked_store()
    ingest(store, [change("deleted", 20, key=VOL), change("created", 30, key=VOL)], SCHEDULE)
    early = T0 + timedelta(minutes=25)  # a check older than the re-creation resolves the earlier incarnation only
    inventory = FakeInventory({VOL: Verdict(Presence.GONE)})
    result = reconcile(store, inventory, SCHEDULE, early, select=lambda r: r.key == VOL)
    assert result.healed == 0
    assert store.load([VOL])[VOL].active


class FakeLookup:
    """Knows the creator of some keys; records what it was asked."""

    def __init__(self, creators: dict[ResourceKey, str]) -> None:
        self.creators = creators
        self.asked: list[ResourceKey] = []

    def creations(self, records: Sequence[Resource]) -> Iterator[ResourceChange]:
        for record in records:
            self.asked.append(record.key)
            if record.key in self.creators and record.created_at is not None:
                yield ResourceChange(
                    record.key, ChangeKind.CREATED, record.created_at, "lookup", created_by=self.creators[record.key]
                )


def test_fill_creators_adds_who_created_without_moving_times() -> None:
    store = tracked_store()
    ingest(store, [change("created", 0, key=key("AWS::S3::Bucket", "b"), created_by="arn:aws:iam::1:user/known")],
           SCHEDULE)  # fmt: skip
    before = store.load([VOL])[VOL]
    lookup = FakeLookup({VOL: "arn:aws:iam::123456789012:user/alice"})
    looked, found = fill_creators(store, lookup, SCHEDULE, AT, limit=2)
    assert (looked, found) == (2, 0)
    assert lookup.asked == [ROLE, SNAP]  # newest first, bounded
    lookup.asked.clear()
    assert fill_creators(store, lookup, SCHEDULE, AT, limit=5) == (3, 1)
    assert lookup.asked == [ROLE, SNAP, VOL]  # the bucket's creator is known: not asked about
    after = store.load([VOL])[VOL]
    assert after.created_by == "arn:aws:iam::123456789012:user/alice"
    assert (after.created_at, after.next_due_at) == (before.created_at, before.next_due_at)


def test_fill_creators_skips_what_cloudtrail_can_no_longer_tell() -> None:
    store = tracked_store()
    lookup = FakeLookup({})
    assert fill_creators(store, lookup, SCHEDULE, T0 + timedelta(days=91), limit=5) == (0, 0)


def test_changed_tags_of_a_present_resource_are_written_and_equal_ones_left_alone() -> None:
    store = tracked_store()
    inventory = FakeInventory({
        VOL: Verdict(Presence.EXISTS, tags={"leftovers:keep": "true"}),
        SNAP: Verdict(Presence.EXISTS, tags={}),  # the same (no tags): nothing to write
    })  # fmt: skip
    dry = reconcile(store, inventory, SCHEDULE, AT, dry_run=True)
    assert dry.retagged == (VOL,)
    assert dict(store.load([VOL])[VOL].tags) == {}

    result = reconcile(store, inventory, SCHEDULE, AT)

    assert (result.present, result.retagged) == (2, (VOL,))
    assert dict(store.load([VOL])[VOL].tags) == {"leftovers:keep": "true"}
    assert reconcile(store, inventory, SCHEDULE, AT).retagged == ()
