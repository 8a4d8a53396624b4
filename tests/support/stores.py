"""Every Store implementation behind one parametrised ``store`` fixture, so one contract suite covers them all.

To put another store through the contract suite, write a factory (a context manager taking the pytest request,
so it can ask for fixtures such as ``tmp_path`` or a moto server) and add one line to ``STORE_FACTORIES``.
A test module or conftest uses the fixture by importing it: ``from tests.support.stores import store``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from leftovers.adapters.stores.memory import MemoryStore
from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.core.ports import Store

StoreFactory = Callable[[pytest.FixtureRequest], AbstractContextManager[Store]]


@contextmanager
def memory_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """The in-memory reference store."""
    yield MemoryStore()


@contextmanager
def sqlite_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A SQLite store in a real file (WAL needs one; ``:memory:`` would skip the journal)."""
    tmp_path: Path = request.getfixturevalue("tmp_path")
    store = SQLiteStore(tmp_path / "store" / "leftovers.db")
    try:
        yield store
    finally:
        store.close()


STORE_FACTORIES: list[tuple[str, StoreFactory]] = [
    ("memory", memory_store),
    ("sqlite", sqlite_store),
    ("dynamodb", __import__("tests.support.moto_server", fromlist=["dynamodb_store"]).dynamodb_store),
]
"""(id, factory) for every store the contract suite runs against."""


@pytest.fixture(params=[factory for _, factory in STORE_FACTORIES], ids=[name for name, _ in STORE_FACTORIES])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh, empty store of each kind in turn."""
    factory: StoreFactory = request.param
    with factory(request) as fresh:
        yield fresh
