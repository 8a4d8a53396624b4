"""bench/cold_start.py rebuilds an artifact built before a handler was added, instead of failing to import it."""

from __future__ import annotations

import shutil
import sys
from functools import partial
from pathlib import Path

import pytest

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


def test_an_artifact_without_the_runtimes_bytecode_is_stale_when_that_python_is_here(tmp_path: Path) -> None:
    handlers = tmp_path / "leftovers" / "handlers"
    handlers.mkdir(parents=True)
    for name in ("ingest", "reconcile"):
        (handlers / f"{name}.py").write_text("")
    cold_start = load("cold_start")
    assert cold_start.stale(tmp_path, MODULES, None) is None  # no python3.13 here: sources only is all it can be
    assert cold_start.ensure_artifact(tmp_path, False, MODULES, "cpython-313") == (
        f"{tmp_path} has no cpython-313 bytecode and --no-build given"
    )
    (handlers / "__pycache__").mkdir()
    (handlers / "__pycache__" / "ingest.cpython-311.pyc").write_bytes(b"")
    assert cold_start.stale(tmp_path, MODULES, "cpython-313") == "has no cpython-313 bytecode"
    (handlers / "__pycache__" / "ingest.cpython-313.pyc").write_bytes(b"")
    assert cold_start.stale(tmp_path, MODULES, "cpython-313") is None


def test_variants_are_timed_interleaved_each_going_first_in_turn_and_reported_by_median() -> None:
    calls: list[str] = []
    figures = {"bare": iter([9.0, 1.0, 5.0]), "bytecode": iter([2.0, 8.0, 3.0])}

    def timer(name: str) -> float:
        calls.append(name)
        return next(figures[name])

    medians = load("cold_start").interleaved({n: partial(timer, n) for n in figures}, 3)
    assert calls == ["bare", "bytecode", "bytecode", "bare", "bare", "bytecode"]
    assert medians == {"bare": 5.0, "bytecode": 3.0}


def test_a_copy_without_bytecode_keeps_every_other_file(tmp_path: Path) -> None:
    folder = tmp_path / "task"
    (folder / "leftovers" / "__pycache__").mkdir(parents=True)
    (folder / "leftovers" / "mod.py").write_text("x = 1\n")
    (folder / "leftovers" / "data.json").write_text("{}")
    (folder / "leftovers" / "__pycache__" / "mod.cpython-313.pyc").write_bytes(b"")
    twin = load("_lambda_twin")
    assert twin.bytecode_for(folder) == {"cpython-313"}
    bare = twin.sources_only(folder, tmp_path / "bare")
    assert twin.bytecode_for(bare) == set()
    files = sorted(str(p.relative_to(bare)) for p in bare.rglob("*") if p.is_file())
    assert files == ["leftovers/data.json", "leftovers/mod.py"]


def test_a_row_gives_the_change_bytecode_makes_and_the_cut_against_the_baseline() -> None:
    row = load("cold_start").row
    timed = row({"bare": 200.0, "bytecode": 100.0, "baseline": 250.0}, "ms")
    assert timed == "no bytecode   200 ms | bytecode   100 ms (-50%) | baseline  250 ms: -60% (target -45%): PASS"
    recorded = row({"bare": 200.0, "bytecode": 150.0, "recorded": 250.0}, "ms")
    assert recorded.endswith("| baseline  250 ms (recorded): -40% (target -45%): FAIL")
    assert row({"bare": 90.0}, "ms") == "no bytecode    90 ms"  # nothing compiled, no baseline: nothing to compare


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instructions_are_counted_by_valgrind_and_grow_with_the_work() -> None:
    count = load("_lambda_twin").instructions
    idle = count([sys.executable, "-S", "-c", "pass"])
    busy = count([sys.executable, "-S", "-c", "sum(range(300_000))"])
    assert idle is not None
    assert busy is not None
    assert 0 < idle < busy


def test_an_import_is_timed_in_cpu_time_so_waiting_on_a_busy_machine_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "sleepy.py").write_text("import time\ntime.sleep(0.4)\n")  # as if the CPU were someone else's
    (tmp_path / "busy.py").write_text("sum(range(2_000_000))\n")
    import_ms = load("cold_start").import_ms
    assert import_ms("sleepy", tmp_path) < 100
    assert import_ms("busy", tmp_path) > import_ms("sleepy", tmp_path)
