"""The history use case: what the history touched and left active is checked against the account, nothing else."""

from __future__ import annotations

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.inventory import Presence, Verdict
from leftovers.service.ingest import ingest
from leftovers.service.replay import take_history
from tests.support.changes import change
from tests.unit.service.test_reconcile import AT, ROLE, SCHEDULE, SNAP, VOL, FakeInventory, key


def test_only_records_the_history_left_active_are_checked_and_the_gone_ones_resolved() -> None:
    store = MemoryStore()
    ingest(store, [change("created", 0, key=ROLE)], SCHEDULE)  # known before: not the history's business
    deleted_in_window = key("AWS::EC2::Volume", "vol-2")
    history = [
        change("created", 1, key=VOL, source="cloudtrail"),
        change("created", 2, key=SNAP, source="cloudtrail"),
        change("created", 3, key=deleted_in_window, source="cloudtrail"),
        change("deleted", 4, key=deleted_in_window, source="cloudtrail"),
    ]
    inventory = FakeInventory({VOL: Verdict(Presence.EXISTS), SNAP: Verdict(Presence.GONE)})
    result = take_history(store, history, SCHEDULE, inventory, AT)
    assert (result.counts["tracked"], result.counts["resolved"]) == (3, 1)
    assert sorted(k for batch in inventory.batches for k in batch) == sorted([VOL, SNAP])
    assert (result.checked.checked, result.checked.present, result.checked.healed) == (2, 1, 1)
    assert {r.key for r in store.scan()} == {ROLE, VOL}
