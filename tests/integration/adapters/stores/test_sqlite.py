"""What only the SQLite store promises: one WAL file, a versioned schema, indexed queries, one-line errors."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leftovers.adapters.stores import sqlite as module
from leftovers.adapters.stores.sqlite import SCHEMA_VERSION, SQLiteStore
from leftovers.core.errors import ConflictError, StoreError
from leftovers.core.model import Creation, Resource, ResourceKey

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def record(n: int, due: datetime | None = T0) -> Resource:
    """An active instance record created at T0."""
    key = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Instance", f"i-{n:06d}")
    return Resource(key, created_at=T0, next_due_at=due)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dirs" / "leftovers.db"


def test_creates_parent_directories_and_keeps_data_across_opens(path: Path) -> None:
    first = SQLiteStore(path)
    first.save([record(1)])
    first.close()
    assert path.is_file()
    assert SQLiteStore(path).load([record(1).key])[record(1).key].version == 1


def test_the_file_is_in_wal_mode_and_marked_with_the_schema_version(path: Path) -> None:
    SQLiteStore(path).save([record(1)])
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert raw.execute("PRAGMA application_id").fetchone() == (module.APPLICATION_ID,)


def test_a_schema_newer_than_the_code_is_refused_with_the_file_named(path: Path) -> None:
    SQLiteStore(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match=rf"^{path}: store schema version {SCHEMA_VERSION + 1} is newer") as e:
        SQLiteStore(path)
    assert "\n" not in str(e.value)


def test_a_version_1_store_is_upgraded_in_place_keeping_its_creation_times(path: Path) -> None:
    """Version 1 kept the first and the latest creation time (``latest_created_at``) with one creator."""
    SQLiteStore(path).close()
    t1 = "2026-11-20T01:00:00.000000Z"
    t2 = "2026-11-20T01:05:00.000000Z"
    with sqlite3.connect(path) as raw:  # rewind the file to version 1's column and values
        raw.execute("ALTER TABLE resources RENAME COLUMN creations TO latest_created_at")
        raw.execute("ALTER TABLE resources DROP COLUMN actions")  # added by version 3
        for n, latest in ((1, t1), (2, t2)):
            raw.execute(
                "INSERT INTO resources (account, region, resource_type, resource_id, tags, created_at, "
                "latest_created_at, created_by, notify_count, sources, details, version, active) "
                "VALUES ('123456789012', 'us-east-1', 'AWS::EC2::Instance', ?, '{}', ?, ?, 'aki', 0, '[\"config\"]', "
                "'{}', 1, 1)",
                (f"i-{n:06d}", t1, latest),
            )
        raw.execute("PRAGMA user_version = 1")
    store = SQLiteStore(path)
    loaded = store.load([record(1).key, record(2).key])
    assert loaded[record(1).key].creations == ()
    assert loaded[record(2).key].creations == (Creation(T0, "aki"), Creation(T0 + timedelta(minutes=5)))
    store.save([loaded[record(1).key]])  # writes the new column
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (3,)


def test_another_applications_database_is_left_alone(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StoreError, match="not a Leftovers store"):
        SQLiteStore(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT name FROM sqlite_schema").fetchall() == [("notes",)]


def test_a_file_that_is_not_a_database_is_a_one_line_store_error(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is a text file, long enough to look like a header" * 20)
    with pytest.raises(StoreError, match=rf"^{path}: file is not a database$"):
        SQLiteStore(path)


def test_a_path_that_cannot_be_a_file_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(StoreError, match=rf"^{blocker / 'leftovers.db'}: File exists: {blocker}$"):
        SQLiteStore(blocker / "leftovers.db")
    with pytest.raises(StoreError, match=rf"^{tmp_path}: unable to open database file$"):
        SQLiteStore(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_permission_denied_is_a_store_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StoreError, match=str(tmp_path)):
            SQLiteStore(tmp_path / "leftovers.db")
    finally:
        tmp_path.chmod(0o700)


def test_a_locked_database_is_a_store_error_and_the_save_writes_nothing(path: Path) -> None:
    store = SQLiteStore(path, timeout=0.05)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with pytest.raises(StoreError, match=rf"^{path}: database is locked$"):
            store.save([record(1)])
    finally:
        holder.execute("ROLLBACK")
    assert store.load([record(1).key]) == {}
    store.save([record(1)])  # and the store is usable again once the lock is gone


def test_a_closed_store_says_so(path: Path) -> None:
    store = SQLiteStore(path)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.load([record(1).key])


def test_two_stores_on_one_file_see_each_others_conflicts(path: Path) -> None:
    a, b = SQLiteStore(path), SQLiteStore(path)
    a.save([record(1)])
    mine = a.load([record(1).key])[record(1).key]
    b.save([b.load([mine.key])[mine.key]])
    with pytest.raises(ConflictError):
        a.save([mine])
    assert a.load([mine.key])[mine.key].version == 2  # b's write stands


def plan(store: SQLiteStore, sql: str, params: list[object]) -> str:
    """SQLite's query plan for ``sql``, one step per line."""
    return "\n".join(row[3] for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.fixture
def populated(path: Path) -> SQLiteStore:
    store = SQLiteStore(path)
    store.save([record(n, due=T0 + timedelta(minutes=n) if n % 10 == 0 else None) for n in range(3000)])
    store._db.execute("ANALYZE")  # the planner must pick the index with statistics too, not only without
    return store


def test_the_due_query_reads_only_the_partial_due_index(populated: SQLiteStore) -> None:
    steps = plan(populated, module._DUE, ["2026-11-20T02:00:00.000000Z"])
    assert "USING INDEX resources_due" in steps
    assert "SCAN" not in steps
    assert len(list(populated.due(T0 + timedelta(minutes=60)))) == 7


def test_load_seeks_the_primary_key_and_purge_the_expiry_index(populated: SQLiteStore) -> None:
    load = plan(populated, module._select_keys(3), ["x"] * 12)
    assert "SEARCH r USING PRIMARY KEY" in load
    assert "SCAN r" not in load
    assert "USING INDEX resources_expiry" in plan(populated, module._PURGE, ["2026-11-20T02:00:00.000000Z"])


def test_load_and_save_more_keys_than_one_statement_may_bind(path: Path) -> None:
    store = SQLiteStore(path)
    records = [record(n) for n in range(store._chunk * 4 + 1)]
    store.save(records)
    loaded = store.load([r.key for r in records])
    assert len(loaded) == len(records)
    store.save(list(loaded.values()))
    assert {r.version for r in store.load([r.key for r in records]).values()} == {2}


def test_a_failure_half_way_through_a_save_rolls_all_of_it_back(path: Path) -> None:
    store = SQLiteStore(path)
    broken = Resource(ResourceKey(None, "us-east-1", "AWS::EC2::Instance", "i-bad"))  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="NOT NULL constraint failed"):
        store.save([record(1), record(2), broken])
    assert store.load([record(1).key, record(2).key]) == {}
    store.save([record(1)])  # no transaction was left open


def test_one_key_twice_in_one_save_is_a_conflict_naming_it(path: Path) -> None:
    store = SQLiteStore(path)
    with pytest.raises(ConflictError) as caught:
        store.save([record(1), record(2), record(1)])
    assert caught.value.keys == [record(1).key]
    assert store.load([record(1).key, record(2).key]) == {}


def test_the_page_cache_is_8_mib_so_a_bulk_ingest_rereads_fewer_pages(path: Path) -> None:
    """SQLite's 2 MiB default made system time per ingested event grow threefold on a 1 M event file (issue 16);
    8 MiB takes most of the gain and keeps that run's peak RSS under 256 MB (bench/ingest.py, bench/scale.py)."""
    store = SQLiteStore(path)
    assert store._db.execute("PRAGMA cache_size").fetchone() == (-8192,)
