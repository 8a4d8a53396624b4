"""The SQLite store's schema: one table, partial indexes, a version number, and the steps that upgrade old files."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from leftovers.adapters.stores import codec
from leftovers.core.errors import StoreError

SCHEMA_VERSION = 3
APPLICATION_ID = 0x4C465456  # "LFTV": marks a file as a Leftovers store
TABLE = "resources"

_TYPES = {"notify_count": "INTEGER NOT NULL", "version": "INTEGER NOT NULL", "active": "INTEGER NOT NULL"}
_SCHEMA = f"""
CREATE TABLE {TABLE} (
  {", ".join(f"{c} {_TYPES.get(c, 'TEXT NOT NULL' if c in codec.KEY_COLUMNS else 'TEXT')}" for c in codec.COLUMNS)},
  PRIMARY KEY ({", ".join(codec.KEY_COLUMNS)})
) WITHOUT ROWID;
-- Partial indexes: the daily run reads only what is due, the purge only what has expired.
CREATE INDEX resources_due ON {TABLE} (next_due_at) WHERE active = 1 AND next_due_at IS NOT NULL;
CREATE INDEX resources_expiry ON {TABLE} (expires_at) WHERE active = 0 AND expires_at IS NOT NULL;
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
"""
_UPGRADES = (
    "",  # version 0 is an empty file: _SCHEMA creates the current version instead
    # 1 -> 2: version 1 kept the first and the latest creation time of an incarnation, one creator for both.
    f"""ALTER TABLE {TABLE} RENAME COLUMN latest_created_at TO creations;
    UPDATE {TABLE} SET creations = CASE WHEN creations IS NULL OR creations = created_at THEN NULL
      ELSE json_array(json_array(created_at, created_by, created_for_by), json_array(creations, NULL, NULL)) END""",
    # 2 -> 3: answers from Slack (keep, not mine), recorded on the record; older records have none.
    f"ALTER TABLE {TABLE} ADD COLUMN actions TEXT",
)
"""``_UPGRADES[n]`` takes a store from schema version ``n`` to ``n + 1``."""


def migrate(db: sqlite3.Connection, path: str) -> None:
    """Create the schema in an empty file, or upgrade an older one; refuse a file that is not a Leftovers store."""
    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version == 0:
        # Create under the write lock, re-checking: another process may be creating the same file.
        with _transaction(db):
            (version,) = db.execute("PRAGMA user_version").fetchone()
            if version == 0:
                (tables,) = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
                if tables:
                    raise StoreError(f"{path}: not a Leftovers store (it holds other tables)")
                for statement in _SCHEMA.split(";"):
                    db.execute(statement)
                version = SCHEMA_VERSION
    (app,) = db.execute("PRAGMA application_id").fetchone()
    if app != APPLICATION_ID:
        raise StoreError(f"{path}: not a Leftovers store (application id {app:#x})")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store schema version {version} is newer than this Leftovers knows ({SCHEMA_VERSION}); "
            "upgrade Leftovers"
        )
    if version < SCHEMA_VERSION:
        # Steps run in one transaction, under the write lock, re-checking the version another process may have raised.
        with _transaction(db):
            (version,) = db.execute("PRAGMA user_version").fetchone()
            for step in _UPGRADES[version:]:
                for statement in step.split(";"):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {max(version, SCHEMA_VERSION)}")


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
