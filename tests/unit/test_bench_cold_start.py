"""bench/cold_start.py rebuilds an artifact built before a handler was added, instead of failing to import it."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_bench_smoke import load

MODULES = ["leftovers.handlers.ingest", "leftovers.handlers.reconcile"]


def test_an_artifact_without_a_handler_is_stale(tmp_path: Path) -> None:
    handlers = tmp_path / "leftovers" / "handlers"
    handlers.mkdir(parents=True)
    (handlers / "ingest.py").write_text("")
    cold_start = load("cold_start")
    assert cold_start.missing_handlers(tmp_path, MODULES) == ["leftovers.handlers.reconcile"]
    assert cold_start.ensure_artifact(tmp_path, False, MODULES) == (
        f"{tmp_path} lacks leftovers.handlers.reconcile and --no-build given"
    )
    (handlers / "reconcile.py").write_text("")
    assert cold_start.ensure_artifact(tmp_path, False, MODULES) is None
