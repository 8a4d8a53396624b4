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


def test_the_first_invocation_is_timed_in_a_fresh_interpreter_with_boto3_and_the_client() -> None:
    cold_start = load("cold_start")
    ms, imported = cold_start.first_invocation("leftovers.handlers.ingest")
    assert ms > 0
    assert {"boto3", "botocore.client"} <= set(imported)  # what the wiring built: boto3 and a DynamoDB client
