"""Cold start: import time of each Lambda handler module in a fresh interpreter, as shipped, and the artifact's size.

Each handler in src/leftovers/handlers/ is imported with ``python -X importtime`` (the top module's cumulative
time) from build/lambda/ the way Lambda loads it (/var/task is read-only: what the artifact lacks in bytecode is
compiled at every cold start), under the runtime's Python (3.13, when tools/package.py finds one; else this one).
Interleaved run by run, median of each: the artifact without bytecode, with the bytecode tools/package.py compiles,
and (``--baseline DIR``) an older artifact without bytecode, e.g. issue 16's, with Powertools' Logger; without
``--baseline`` the figures recorded for it are printed. On x86_64 a twin with this machine's wheels is imported
(Lambda's aarch64 google-re2 and msgspec cannot load here). The artifact is built when missing or stale. Targets:
import < 300 ms, −45% against the baseline, zipped artifact < 10 MB. The first invocation's wiring (boto3's import
and the DynamoDB client, made before the first request) is timed apart, after the ingest handler's import, with no
target. Without an artifact (``--no-build``) the installed modules are timed instead (bytecode cached).

    .venv/bin/python bench/cold_start.py [--runs 9] [--artifact build/lambda] [--baseline DIR] [--no-build]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]  # _lambda_twin
from _lambda_twin import (  # noqa: E402
    BUILDER,
    Runner,
    builder,
    bytecode_for,
    foreign,
    host_twin,
    sources_only,
    target_runner,
    this_python,
)

ROOT = BENCH.parent
HANDLERS = ROOT / "src" / "leftovers" / "handlers"
IMPORT_MS_TARGET = 300
CUT_TARGET = 0.45  # issue 16: the import as shipped 45% shorter than its baseline
ZIP_MB_TARGET = 10
BASELINE_MS = {"ingest": 173, "mark": 148, "notify": 150, "reconcile": 153, "replay": 190, "actions": 239}
"""Issue 16's baseline as recorded (README): the artifact with Powertools' Logger, no bytecode, under Python 3.11."""
_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")  # top-level lines only: no indent before the name


def handler_modules(folder: Path = HANDLERS) -> list[str]:
    """Every handler module in the folder, found at run time (private helpers like _wiring are not entry points)."""
    return [f"leftovers.handlers.{p.stem}" for p in sorted(folder.glob("*.py")) if not p.stem.startswith("_")]


def python(
    code: str, artifact: Path | None = None, runner: Runner | None = None, importtime: bool = False
) -> list[str]:
    """The command running ``code`` in a fresh interpreter: installed, or the way Lambda loads ``artifact``."""
    if artifact is not None:
        return (runner or this_python()).command(code, artifact, importtime)
    return [sys.executable, *(["-X", "importtime"] if importtime else []), "-c", code]


def run(cmd: list[str], what: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; a failure raises with its last line."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    if done.returncode:
        raise RuntimeError(f"{what} failed: {done.stderr.strip().splitlines()[-1]}")
    return done


def import_ms(module: str, artifact: Path | None = None, runner: Runner | None = None) -> float:
    """Milliseconds to import ``module`` in a fresh interpreter: the cumulative time of its own top-level line."""
    done = run(python(f"import {module}", artifact, runner, importtime=True), f"import {module}")
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match and match.group(2) == module:
            return int(match.group(1)) / 1000
    raise RuntimeError(f"no importtime line for {module}")


FIRST_CALL = """
import json, time
import {module}
from leftovers.handlers import _wiring
before = set(sys.modules)
began = time.perf_counter()
_wiring.current().store.client  # the client is made on first use: at the first request
ms = (time.perf_counter() - began) * 1000
print(json.dumps([ms, sorted(m for m in ("boto3", "botocore.client") if m in sys.modules and m not in before)]))
"""
LAMBDA_ENV = {  # what Lambda sets: the role's credentials in the environment, so no metadata lookup is made
    "LEFTOVERS_STORE": "dynamodb://leftovers", "LEFTOVERS_TIMEZONE": "UTC", "AWS_REGION": "ap-northeast-1",
    "AWS_DEFAULT_REGION": "ap-northeast-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing", "AWS_EC2_METADATA_DISABLED": "true",
}  # fmt: skip


def first_invocation(
    module: str, artifact: Path | None = None, runner: Runner | None = None
) -> tuple[float, list[str]]:
    """Milliseconds the first invocation spends wiring (boto3's import, the DynamoDB client: no request is made),
    after ``module`` was imported; and which of boto3 and botocore.client that imported."""
    code = "import sys\n" + FIRST_CALL.format(module=module)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "LEFTOVERS_"))} | LAMBDA_ENV
    ms, imported = json.loads(run(python(code, artifact, runner), f"wiring after {module}", env).stdout)
    return float(ms), list(imported)


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


def interleaved(variants: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Each variant's median over ``runs`` rounds, the order turning round by round so none always goes first."""
    names, samples = list(variants), {name: list[float]() for name in variants}
    for n in range(runs):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            samples[name].append(variants[name]())
    return {name: statistics.median(found) for name, found in samples.items()}


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
    worst, recorded = 0.0, "baseline" not in folders
    for module in modules:
        times = interleaved({k: partial(import_ms, module, f, runner) for k, f in folders.items()}, runs)
        shipped = times.get("bytecode", times["bare"])
        worst = max(worst, shipped)
        base = BASELINE_MS.get(module.rsplit(".", 1)[-1]) if recorded else times["baseline"]
        line = f"  {module:<28} no bytecode {times['bare']:5.0f} ms"
        if "bytecode" in times:
            line += f" | bytecode {times['bytecode']:5.0f} ms ({shipped / times['bare'] - 1:+.0%})"
        if base:
            cut = 1 - shipped / base
            line += f" | baseline {base:4.0f} ms{' (recorded, 3.11)' if recorded else ''}: -{cut:.0%}"
            line += f" (target -{CUT_TARGET:.0%}): {verdict(cut >= CUT_TARGET)}"
        print(line)
    return worst


def report_first_invocation(runs: int, shipped: Path | None, runner: Runner | None) -> None:
    """Print the first invocation's wiring time (boto3 import and DynamoDB client), as shipped when built."""
    module = "leftovers.handlers.ingest"
    ms = statistics.median(first_invocation(module, shipped, runner)[0] for _ in range(runs))
    where = "installed" if shipped is None else "as shipped"
    print(f"  first invocation, after the import (boto3 import + DynamoDB client, no request): {where} {ms:.0f} ms "
          "(no target; issue 16 measured +530 ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print each handler's import time as shipped, with and without bytecode, and the artifact's size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--artifact", type=Path, default=ROOT / "build" / "lambda")
    parser.add_argument("--baseline", type=Path, help="an older artifact (or host twin) to time interleaved")
    parser.add_argument("--no-build", dest="build", action="store_false", help="measure only an existing artifact")
    parser.add_argument("--handlers", type=Path, default=HANDLERS, help="folder of handler modules")
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
              "(python -X importtime), interleaved")  # fmt: skip
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
