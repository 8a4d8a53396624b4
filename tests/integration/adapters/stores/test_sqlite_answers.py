"""A version 2 SQLite store (before answers) opens, upgrades in place and keeps every row readable."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from leftovers.adapters.stores.sqlite import SCHEMA_VERSION, SQLiteStore
from leftovers.core.model import Answer, Resource, ResourceKey

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Instance", "i-000001")


def test_a_version_2_store_gets_the_actions_column_and_old_rows_have_no_answers(tmp_path: Path) -> None:
    path = tmp_path / "leftovers.db"
    store = SQLiteStore(path)
    store.save([Resource(KEY, created_at=T0, next_due_at=T0)])
    store.close()
    with sqlite3.connect(path) as raw:  # rewind the file to version 2: no actions column
        raw.execute("ALTER TABLE resources DROP COLUMN actions")
        raw.execute("PRAGMA user_version = 2")
    store = SQLiteStore(path)
    old = store.load([KEY])[KEY]
    assert old.actions == ()
    assert old.created_at == T0
    assert old.version == 1
    answer = Answer(T0, "U0ALICE", "keep", "1764460800.1", until=date(2026, 12, 7))
    store.save([old.evolve(actions=(answer,))])
    assert store.load([KEY])[KEY].actions == (answer,)
    store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (3,)
