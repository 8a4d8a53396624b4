"""Every benchmark runs on a small input, so the scripts behind the README's figures cannot rot."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
# Arguments small enough for the unit suite (a second or so each).
SMOKE = {
    "ingest": ["--events", "1000"],
    "ingest_memory": ["--events", "200", "--factor", "2", "--resources", "50"],
    "digest": ["--leftovers", "200", "--runs", "1"],
    "org_cost_model": ["--accounts", "3", "--regions", "2"],
    "cost_model": ["--events-per-day", "1000", "--tracked", "500"],
    "cold_start": ["--runs", "1", "--no-build", "--artifact", "/nonexistent/leftovers-artifact"],
    "replay": ["--records", "2000", "--repeat", "1"],
    "answer_latency": ["--resources", "50", "--clicks", "10"],
    "scale": ["--events", "600", "--due-sizes", "100", "300"],
}
# Timing verdicts no smoke size can make meaningful, in scripts another branch owns: they may say FAIL here (one
# import timed once on a busy machine); every other script must say PASS or "n/a at smoke size", never FAIL.
TIMING_ONLY = {"cold_start"}
_VERDICT = re.compile(r"\b(PASS|FAIL|n/a at smoke size)\b")
# Need a moto server (sockets): smoke-tested in the integration tier (tests/integration/aws/test_bench_dynamodb.py).
INTEGRATION_ONLY = {"daily_run_dynamodb", "ingest_sqs"}


def load(name: str) -> ModuleType:
    """A bench script as a module (bench/ is not a package), under a name that cannot shadow anything."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


def test_every_bench_script_has_a_smoke_run() -> None:
    found = {p.stem for p in BENCH.glob("*.py") if not p.stem.startswith("_")}
    assert found - {"run_all"} - INTEGRATION_ONLY == set(SMOKE)


@pytest.mark.parametrize("name", sorted(SMOKE))
def test_script_runs_small_and_meets_its_targets(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert load(name).main(SMOKE[name]) == 0
    out = capsys.readouterr().out
    verdicts = [line for line in out.splitlines() if _VERDICT.search(line)]
    assert verdicts, f"{name} printed no verdict"
    assert "Traceback" not in out
    if name not in TIMING_ONLY:
        assert not [line for line in verdicts if "FAIL" in line], out


@pytest.mark.parametrize(
    ("name", "args", "unmeasured"),
    [
        ("ingest", ["--events", "1000"], "ratio"),
        ("replay", ["--records", "2000", "--repeat", "1"], "of the gzip rate"),
        ("digest", ["--leftovers", "200", "--runs", "1"], "slack render"),
        ("ingest_memory", ["--events", "200", "--factor", "2", "--resources", "50"], "streamed peak grows"),
    ],
)
def test_a_timing_ratio_at_smoke_size_says_so(
    name: str, args: list[str], unmeasured: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ratio of two timings on a second of work says nothing; a PASS there would hide a slow path."""
    load(name).main(args)
    (line,) = [line for line in capsys.readouterr().out.splitlines() if unmeasured in line and "target" in line]
    assert "n/a at smoke size" in line
    assert "PASS" not in line
    assert "FAIL" not in line


def test_digest_fits_slack_and_names_every_leftover_once(capsys: pytest.CaptureFixture[str]) -> None:
    load("digest").main(["--leftovers", "500", "--runs", "1"])
    out = capsys.readouterr().out
    assert "within Slack's limits: PASS" in out
    assert "every leftover in exactly one message: PASS" in out


def test_digest_leftovers_mix_types_regions_and_accounts() -> None:
    entries = load("digest").synthetic_entries(300)
    keys = [e.resource.key for e in entries]
    assert len(set(keys)) == 300
    assert len({k.resource_type for k in keys}) >= 8
    assert len({k.region for k in keys}) >= 3
    assert len({k.account for k in keys}) >= 2


def test_cost_model_reads_memory_from_a_template(tmp_path: Path) -> None:
    template = tmp_path / "template.yaml"
    template.write_text(
        textwrap.dedent("""
        Globals:
          Function: {MemorySize: 512}
        Resources:
          Ingest:
            Type: AWS::Serverless::Function
            Properties: {Handler: leftovers.handlers.ingest.handler, Role: !GetAtt R.Arn}
          Notify:
            Type: AWS::Serverless::Function
            Properties: {Handler: leftovers.handlers.notify.handler, MemorySize: 1024, Role: !Ref X}
          Reconcile:
            Type: AWS::Serverless::Function
            Properties: {Handler: leftovers.handlers.reconcile.handler, MemorySize: 256}
    """)
    )
    cost = load("cost_model")
    assert cost.memory_sizes(template) == (512, 1024, 512, 256)
    assert cost.memory_sizes(tmp_path / "absent.yaml") is None


def test_cost_model_counts_states_on_the_longest_loop_free_path(tmp_path: Path) -> None:
    asl = tmp_path / "sm.json"
    asl.write_text(json.dumps({
        "StartAt": "A",
        "States": {
            "A": {"Type": "Task", "Next": "B", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
            "B": {"Type": "Choice", "Choices": [{"Next": "A"}, {"Next": "C"}], "Default": "Done"},
            "C": {"Type": "Pass", "Next": "Done"},
            "Done": {"Type": "Succeed"},
            "Failed": {"Type": "Fail"},
        },
    }))  # fmt: skip
    assert load("cost_model").longest_run(asl) == 4  # A, B, C, Done: the loop back to A is not walked twice


def test_cost_model_item_size_counts_names_and_values() -> None:
    item = {"pk": {"S": "ab"}, "n": {"N": "12345"}, "é": {"S": "日本"}}
    assert load("cost_model").item_size(item) == (2 + 2) + (1 + 3) + (2 + 6)


def test_cold_start_finds_handlers_at_run_time(tmp_path: Path) -> None:
    for name in ("ingest", "notify", "_wiring", "__init__"):
        (tmp_path / f"{name}.py").write_text("")
    assert load("cold_start").handler_modules(tmp_path) == ["leftovers.handlers.ingest", "leftovers.handlers.notify"]


def test_cold_start_measures_an_artifact_folder(tmp_path: Path) -> None:
    folder = tmp_path / "lambda"
    (folder / "pkg" / "__pycache__").mkdir(parents=True)
    (folder / "pkg" / "mod.py").write_text("x = 1\n" * 1000)
    (folder / "pkg" / "__pycache__" / "mod.pyc").write_bytes(b"\0" * 50_000)  # the bytecode is shipped: counted
    unpacked, zipped = load("cold_start").artifact_sizes(folder)
    assert unpacked == 56_000
    assert 0 < zipped < unpacked


@pytest.fixture
def bench_dir(tmp_path: Path) -> Path:
    scripts = {
        "good.py": "print('figure: PASS')",
        "mixed.py": "print('a: FAIL'); print('b: PASS')",
        "crash.py": "raise SystemExit(3)",
        "_helper.py": "raise SystemExit('a helper is not a benchmark')",
    }
    for name, code in scripts.items():
        (tmp_path / name).write_text(code + "\n")
    return tmp_path


def test_run_all_sums_up_and_fails_only_on_a_crash(bench_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_all = load("run_all")
    assert run_all.main(["--dir", str(bench_dir)]) == 1
    out = capsys.readouterr().out
    assert "===== good.py" in out
    assert "_helper" not in out
    assert "crashed: crash.py" in out
    assert run_all.main(["--dir", str(bench_dir), "--only", "good", "mixed"]) == 0
    summary = capsys.readouterr().out.split("===== summary")[1]
    assert "mixed.py" in summary
    assert "1 PASS, 1 FAIL" in summary
    assert "crashed: none" in summary


def test_run_all_quick_profile_gives_small_arguments_and_short_caps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ingest.py").write_text("import sys; print('args', sys.argv[1:], ': PASS')\n")
    (tmp_path / "digest.py").write_text("print('n/a at smoke size')\n")
    run_all = load("run_all")
    assert run_all.main(["--dir", str(tmp_path), "--profile", "quick"]) == 0
    out = capsys.readouterr().out
    assert f"args {run_all.PROFILES['quick'].args['ingest']}" in out
    assert "1 n/a" in out.split("===== summary")[1]
    assert "bench (quick)" in out
    assert max(run_all.PROFILES["quick"].caps.values(), default=0) <= run_all.PROFILES["quick"].default_cap <= 120


def test_run_all_full_profile_lets_the_daily_run_bench_finish() -> None:
    """The full daily-run bench takes longer than 10 minutes here: one cap for every script killed it."""
    full = load("run_all").PROFILES["full"]
    assert full.caps["daily_run_dynamodb"] >= 1800
    assert full.target_s >= full.default_cap


def test_run_all_kills_a_script_past_its_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "hang.py").write_text("import time\ntime.sleep(60)\n")
    assert load("run_all").main(["--dir", str(tmp_path), "--timeout", "0.5"]) == 1
    assert "hang.py killed after" in capsys.readouterr().out


def test_the_ingest_baseline_fills_the_columns_leftovers_fills(tmp_path: Path) -> None:
    """A fair baseline: for a discovered resource it fills the same columns, due index included (a misaligned row
    once left ``next_due_at`` empty, skipping the index the store maintains)."""
    import sqlite3

    bench = load("ingest")
    event = json.loads(bench.synthetic_events(1)[0])
    event["detail"]["configurationItem"]["configurationItemStatus"] = "ResourceDiscovered"
    lines = [json.dumps(event)]
    bench.run_leftovers(lines, tmp_path / "ours.db")
    bench.run_baseline(lines, tmp_path / "raw.db")
    filled = []
    for name in ("ours.db", "raw.db"):
        with sqlite3.connect(tmp_path / name) as db:
            (row,) = db.execute(f"SELECT {', '.join(bench.COLUMNS)} FROM resources").fetchall()
            due_rows = "SELECT count(*) FROM resources WHERE active = 1 AND next_due_at IS NOT NULL"
            (due,) = db.execute(due_rows).fetchone()
        filled.append(({c for c, v in zip(bench.COLUMNS, row, strict=True) if v is not None}, due))
    assert filled[0] == filled[1]
    assert filled[0][1] == 1
