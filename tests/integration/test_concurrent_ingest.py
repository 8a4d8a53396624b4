"""Two ingests at once on one SQLite file, over overlapping resources: both finish and nothing is lost."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.cli import cli, common
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import ConflictError
from leftovers.core.model import Resource, ResourceChange
from leftovers.service import batches
from leftovers.service.ingest import ingest
from tests.support.changes import KEY, change
from tests.support.synthetic import config_event, jsonl

SCHEDULE = Schedule()
ingest_command = importlib.import_module("leftovers.cli.ingest")  # the package exports the command by that name


def history(first: int, last: int, offset: int) -> list[ResourceChange]:
    """Creations, then tag updates, of instances ``first``..``last``; the two writers overlap in the middle."""
    keys = [KEY._replace(resource_id=f"i-{n:05d}") for n in range(first, last)]
    created = [change("created", n % 7, key=k, tags={"Owner": f"o{n}"}) for n, k in enumerate(keys)]
    updated = [change("updated", 10 + offset, key=k, tags={"by": str(offset)}) for k in keys]
    return created + updated


def test_two_writers_on_overlapping_records_both_finish_with_every_change_applied(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    SQLiteStore(path).close()
    mine, theirs = history(0, 1500, offset=1), history(750, 2250, offset=2)
    errors: list[BaseException] = []

    def writer(changes: list[ResourceChange]) -> None:
        store = SQLiteStore(path, timeout=30)
        try:
            ingest(store, changes, SCHEDULE, chunk=40)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(c,)) for c in (mine, theirs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    expected = MemoryStore()
    ingest(expected, mine + theirs, SCHEDULE)
    stored = {r.key: r for r in SQLiteStore(path).scan(include_inactive=True)}
    assert stored == {r.key: r for r in expected.scan(include_inactive=True)}


def test_an_ingest_that_gives_up_says_from_which_event_nothing_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class OutpacedAfterTheFirstChunk(MemoryStore):
        def save(self, records: Sequence[Resource]) -> None:
            if self.requests > 1:
                raise ConflictError([r.key for r in records])  # another writer wins every time
            super().save(records)

    store = OutpacedAfterTheFirstChunk()
    monkeypatch.setattr(common, "store", lambda ctx: store)
    monkeypatch.setattr(ingest_command, "CHUNK", 2)
    monkeypatch.setattr(batches, "sleep", lambda seconds: None)
    path = tmp_path / "events.jsonl"
    path.write_text(jsonl([config_event(n) for n in range(5)]))
    result = CliRunner().invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: gave up after {batches.MAX_CONFLICT_RETRIES} concurrent-write conflicts; the first 2 change(s) were"
        f" stored, none after them: the events from {path}:3 on were not stored; ingest them again"
    )
    assert len(list(store.scan())) == 2
