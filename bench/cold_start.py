"""Cold start: import time of each Lambda handler module in a fresh interpreter, as shipped, and the artifact's size.

Each handler in src/leftovers/handlers/ is imported from build/lambda/ the way Lambda loads it (/var/task is
read-only: what the artifact lacks in bytecode is compiled at every cold start), under the runtime's Python (3.13,
when tools/package.py finds one; else this one), and timed in CPU time (this machine is shared: the wall clock would
count the waits for a core too). Interleaved run by run, median of each: the artifact without bytecode, with the
bytecode tools/package.py compiles, and (``--baseline DIR``) an older artifact without bytecode, e.g. issue 16's,
with Powertools' Logger; without ``--baseline`` the figures recorded for it are printed. On x86_64 a twin with this
machine's wheels is imported (Lambda's aarch64 google-re2 and msgspec cannot load here). The artifact is built when
missing or stale. Targets: import < 300 ms, −45% against the baseline, zipped artifact < 10 MB. The first
invocation's wiring (boto3's import and the DynamoDB client, made before the first request) is timed apart, after
the ingest handler's import, with no target. Without an artifact (``--no-build``) the installed modules are timed.

    .venv/bin/python bench/cold_start.py [--runs 9] [--artifact build/lambda] [--baseline DIR] [--no-build]
        [--instructions]  (each import's instructions too, counted by valgrind: steady on a shared machine)
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import zipfile
from functools import partial
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]  # _import_timing, _lambda_twin
from _import_timing import first_invocation, import_ms, interleaved  # noqa: E402
from _lambda_twin import (  # noqa: E402
    BUILDER,
    Runner,
    builder,
    bytecode_for,
    foreign,
    host_twin,
    instructions,
    sources_only,
    target_runner,
    this_python,
)

ROOT = BENCH.parent
HANDLERS = ROOT / "src" / "leftovers" / "handlers"
IMPORT_MS_TARGET = 300
CUT_TARGET = 0.45  # issue 16: the import as shipped 45% shorter than its baseline
ZIP_MB_TARGET = 10
BASELINE_MS = {"ingest": 269, "mark": 254, "notify": 258, "reconcile": 254, "replay": 298, "actions": 390}
"""Issue 16's baseline as recorded (README, 2026-11-30): the artifact with Powertools' Logger (commit 048f23d), no
bytecode, CPU time under python3.13 at a load average of ~8. A figure of another run: ``--baseline`` times it beside."""


def handler_modules(folder: Path = HANDLERS) -> list[str]:
    """Every handler module in the folder, found at run time (private helpers like _wiring are not entry points)."""
    return [f"leftovers.handlers.{p.stem}" for p in sorted(folder.glob("*.py")) if not p.stem.startswith("_")]


def artifact_sizes(folder: Path) -> tuple[int, int]:
    """Bytes unpacked and zipped (the builder's zip beside the folder, else deflated here); bytecode is shipped."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    unpacked = sum(p.stat().st_size for p in files)
    built = folder.with_suffix(".zip")
    if built.exists():
        return unpacked, built.stat().st_size
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            zf.write(p, p.relative_to(folder))
    return unpacked, len(buffer.getvalue())


def missing_handlers(folder: Path, modules: list[str]) -> list[str]:
    """The handler modules a built artifact lacks: it was built before they were added."""
    return [m for m in modules if not (folder / Path(*m.split("."))).with_suffix(".py").is_file()]


def stale(folder: Path, modules: list[str], tag: str | None) -> str | None:
    """Why a built artifact must be built again (handlers added since, or no bytecode though ``tag``'s Python is
    here), or None."""
    missing = missing_handlers(folder, modules)
    if missing:
        return f"lacks {', '.join(missing)}"
    return f"has no {tag} bytecode" if tag and tag not in bytecode_for(folder) else None


def ensure_artifact(folder: Path, build: bool, modules: list[str], tag: str | None = None) -> str | None:
    """None when ``folder`` holds an up-to-date artifact (building it if asked and possible), else why it is
    skipped."""
    why = stale(folder, modules, tag) if folder.is_dir() else "not built"
    if why is None:
        return None
    if not build:
        return f"{folder} {why} and --no-build given"
    print(f"  building the artifact ({why}): {BUILDER.relative_to(ROOT)} --out {folder}", flush=True)
    done = subprocess.run([sys.executable, str(BUILDER), "--out", str(folder)], cwd=ROOT, timeout=600)
    return None if done.returncode == 0 and folder.is_dir() else f"the builder failed (exit {done.returncode})"


def verdict(ok: bool) -> str:
    """The word a reader looks for."""
    return "PASS" if ok else "FAIL"


def report_installed(modules: list[str], runs: int) -> float:
    """Without an artifact: each module's median import time installed (bytecode cached); return the slowest."""
    worst = 0.0
    for module in modules:
        ms = statistics.median(import_ms(module) for _ in range(runs))
        worst = max(worst, ms)
        print(f"  {module:<28} installed (bytecode cached) {ms:6.0f} ms; as shipped: n/a (no artifact)")
    return worst


def report_shipped(modules: list[str], runs: int, runner: Runner, folders: dict[str, Path]) -> float:
    """Each handler's import as shipped, the folders interleaved (``bare``, ``bytecode``, ``baseline`` when given);
    the cut against the baseline and its verdict; return the slowest import of the shipped artifact."""
    worst = 0.0
    for module in modules:
        times = interleaved({k: partial(import_ms, module, f, runner) for k, f in folders.items()}, runs)
        if "baseline" not in times and module.rsplit(".", 1)[-1] in BASELINE_MS:
            times["recorded"] = BASELINE_MS[module.rsplit(".", 1)[-1]]
        worst = max(worst, times.get("bytecode", times["bare"]))
        print(f"  {module:<28} {row(times, 'ms')}")
    return worst


def report_instructions(modules: list[str], runner: Runner, folders: dict[str, Path]) -> None:
    """Each handler's import in instructions (millions, the interpreter's own start left out): the same on a busy
    machine as on an idle one."""
    start = instructions(runner.command("pass", folders["bare"]))
    if start is None:
        print("  instructions: not counted, valgrind is not installed")
        return
    for module in modules:
        counted = {k: instructions(runner.command(f"import {module}", f)) for k, f in folders.items()}
        print(f"  {module:<28} {row({k: (n - start) / 1e6 for k, n in counted.items() if n}, 'M instr.')}")


def row(figures: dict[str, float], unit: str) -> str:
    """One handler's figures: without bytecode, with it (and the change), against the baseline (cut, verdict)."""
    shipped = figures.get("bytecode", figures["bare"])
    line = f"no bytecode {figures['bare']:5.0f} {unit}"
    if "bytecode" in figures:
        line += f" | bytecode {shipped:5.0f} {unit} ({shipped / figures['bare'] - 1:+.0%})"
    base, recorded = figures.get("baseline"), figures.get("recorded")
    if base or recorded:
        cut = 1 - shipped / (base or recorded or 1)
        line += f" | baseline {base or recorded:4.0f} {unit}{' (recorded)' if recorded else ''}: -{cut:.0%}"
        line += f" (target -{CUT_TARGET:.0%}): {verdict(cut >= CUT_TARGET)}"
    return line


def report_first_invocation(runs: int, shipped: Path | None, runner: Runner | None) -> None:
    """Print the first invocation's wiring time (boto3 import and DynamoDB client), as shipped when built."""
    module = "leftovers.handlers.ingest"
    ms = statistics.median(first_invocation(module, shipped, runner)[0] for _ in range(runs))
    where = "installed" if shipped is None else "as shipped"
    print(f"  first invocation, after the import (boto3 import + DynamoDB client, no request): {where} {ms:.0f} ms CPU "
          "(no target; issue 16 measured +530 ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print each handler's import time as shipped, with and without bytecode, and the artifact's size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--artifact", type=Path, default=ROOT / "build" / "lambda")
    parser.add_argument("--baseline", type=Path, help="an older artifact (or host twin) to time interleaved")
    parser.add_argument("--no-build", dest="build", action="store_false", help="measure only an existing artifact")
    parser.add_argument("--handlers", type=Path, default=HANDLERS, help="folder of handler modules")
    parser.add_argument("--instructions", action="store_true", help="also count instructions (valgrind, slow)")
    args = parser.parse_args(argv)
    modules = handler_modules(args.handlers)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        runner = target_runner(scratch) if args.build or args.artifact.is_dir() else None
        tag = f"cpython-{runner.version.replace('.', '')}" if runner else None
        skipped = ensure_artifact(args.artifact, args.build, modules, tag)
        shipped = None
        if not skipped and foreign(args.artifact):
            skipped = host_twin(scratch / "task")
            shipped = None if skipped else scratch / "task"
        elif not skipped:
            shipped = args.artifact
        how = f"python{runner.version} ({runner.python})" if runner else f"this Python ({sys.version.split()[0]})"
        print(f"cold start: {len(modules)} handlers, {how}, median of {args.runs} fresh interpreters each "
              "(CPU time of the import), interleaved")  # fmt: skip
        if shipped is None:
            worst = report_installed(modules, args.runs)
        else:
            if runner is None or tag not in bytecode_for(shipped):
                print(f"  no {tag or 'python' + builder().TARGET} bytecode to time: the artifact ships sources only")
                runner, tag = this_python(), None
            folders = {"bare": sources_only(shipped, scratch / "bare")} | ({"bytecode": shipped} if tag else {})
            if args.baseline and foreign(args.baseline):  # a twin of it can only be built from its own sources
                print(f"  baseline {args.baseline}: skipped, its extensions are not for this machine (give its host "
                      "twin: tools/package.py --host at that commit)")  # fmt: skip
            elif args.baseline:
                folders["baseline"] = sources_only(args.baseline, scratch / "baseline")
            worst = report_shipped(modules, args.runs, runner, folders)
            if args.instructions:
                report_instructions(modules, runner, folders)
        report_first_invocation(args.runs, shipped, runner if shipped else None)
    print(f"  slowest import {worst:.0f} ms (target < {IMPORT_MS_TARGET} ms): {verdict(worst < IMPORT_MS_TARGET)}")
    if skipped:
        print(f"  artifact: skipped, {skipped}")
        return 0
    unpacked, zipped = artifact_sizes(args.artifact)
    print(f"  artifact {args.artifact}: {unpacked / 1e6:.1f} MB unpacked, {zipped / 1e6:.2f} MB zipped "
          f"(target < {ZIP_MB_TARGET} MB zipped): {verdict(zipped < ZIP_MB_TARGET * 1e6)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
