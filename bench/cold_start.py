"""Cold start: import time of each Lambda handler module in a fresh interpreter, and the artifact's size.

Each handler in src/leftovers/handlers/ is imported with ``python -X importtime`` (the top module's cumulative
time, median of several runs) two ways: from the development install (bytecode cached), and, when the artifact is
built, from build/lambda/ the way Lambda loads it: the artifact ships no .pyc and /var/task is read-only, so every
cold start compiles it (boto3 comes from the runtime, here from the virtualenv, compiled). The artifact is built with
tools/package.py when it is missing or lacks a handler (built before the handler was added). Targets: import
< 300 ms, zipped artifact < 10 MB. The first invocation's wiring (boto3's import and the DynamoDB client, made
before the first request) is timed apart, after the ingest handler's import, with no target; what the reconcile
step's inventory imports (botocore's other services) is not.

    .venv/bin/python bench/cold_start.py [--runs 5] [--artifact build/lambda] [--no-build]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANDLERS = ROOT / "src" / "leftovers" / "handlers"
BUILDER = ROOT / "tools" / "package.py"
IMPORT_MS_TARGET = 300
ZIP_MB_TARGET = 10
_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \| (\S.*)$")  # top-level lines only: no indent before the name


def handler_modules(folder: Path = HANDLERS) -> list[str]:
    """Every handler module in the folder, found at run time (private helpers like _wiring are not entry points)."""
    return [f"leftovers.handlers.{p.stem}" for p in sorted(folder.glob("*.py")) if not p.stem.startswith("_")]


def python(code: str, artifact: Path | None = None, importtime: bool = False) -> list[str]:
    """The command running ``code`` in a fresh interpreter: installed, or the way Lambda loads ``artifact``."""
    timing = ["-X", "importtime"] if importtime else []
    if artifact is None:
        return [sys.executable, *timing, "-c", code]
    # no site: the artifact first, then the virtualenv only for what the Lambda runtime provides (boto3)
    path = [str(artifact.resolve()), sysconfig.get_paths()["purelib"]]
    return [sys.executable, "-B", "-S", *timing, "-c", f"import sys; sys.path[:0] = {path!r}; {code}"]


def run(cmd: list[str], what: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; a failure raises with its last line."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    if done.returncode:
        raise RuntimeError(f"{what} failed: {done.stderr.strip().splitlines()[-1]}")
    return done


def import_ms(module: str, artifact: Path | None = None) -> float:
    """Milliseconds to import ``module`` in a fresh interpreter: the cumulative time of its own top-level line."""
    done = run(python(f"import {module}", artifact, importtime=True), f"import {module}")
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


def first_invocation(module: str, artifact: Path | None = None) -> tuple[float, list[str]]:
    """Milliseconds the first invocation spends wiring (boto3's import, the DynamoDB client: no request is made),
    after ``module`` was imported; and which of boto3 and botocore.client that imported."""
    code = "import sys\n" + FIRST_CALL.format(module=module)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "LEFTOVERS_"))} | LAMBDA_ENV
    ms, imported = json.loads(run(python(code, artifact), f"wiring after {module}", env).stdout)
    return float(ms), list(imported)


def artifact_sizes(folder: Path) -> tuple[int, int]:
    """Bytes unpacked and zipped (the builder's zip beside the folder, else deflated here)."""
    files = [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
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


def ensure_artifact(folder: Path, build: bool, modules: list[str]) -> str | None:
    """None when ``folder`` holds an artifact with every handler (building it if asked and possible), else why it
    is skipped."""
    missing = missing_handlers(folder, modules) if folder.is_dir() else []
    if folder.is_dir() and not missing:
        return None
    if not build:
        why = f"lacks {', '.join(missing)}" if missing else "not built"
        return f"{folder} {why} and --no-build given"
    if not BUILDER.exists():
        return f"{BUILDER.relative_to(ROOT)} is absent"
    print(f"  building the artifact: {BUILDER.relative_to(ROOT)} --out {folder}", flush=True)
    done = subprocess.run([sys.executable, str(BUILDER), "--out", str(folder)], cwd=ROOT, timeout=600)
    return None if done.returncode == 0 and folder.is_dir() else f"the builder failed (exit {done.returncode})"


def foreign(folder: Path) -> bool:
    """True when the artifact holds extension modules built for another machine (Lambda's aarch64 on x86_64)."""
    machine = platform.machine()
    return any(machine not in p.name for p in folder.rglob("*.so") if "-linux-gnu" in p.name)


def host_twin(folder: Path) -> tuple[Path | None, str | None]:
    """The artifact's files with this machine's wheels, built into ``folder`` to be imported here; or why not."""
    print(f"  the artifact's extensions are not for {platform.machine()}: importing a twin built with this machine's "
          "wheels (same files)", flush=True)  # fmt: skip
    done = subprocess.run([sys.executable, str(BUILDER), "--host", "--out", str(folder)], cwd=ROOT, timeout=600)
    return (folder, None) if done.returncode == 0 else (None, f"the host twin failed to build (exit {done.returncode})")


def verdict(ok: bool) -> str:
    """The word a reader looks for."""
    return "PASS" if ok else "FAIL"


def report_imports(modules: list[str], runs: int, shipped: Path | None) -> float:
    """Print each module's median import time (and as shipped when given); return the slowest."""
    worst = 0.0
    for module in modules:
        dev = statistics.median(import_ms(module) for _ in range(runs))
        cold = None if shipped is None else statistics.median(import_ms(module, shipped) for _ in range(runs))
        worst = max(worst, dev, cold or 0.0)
        as_shipped = "" if cold is None else f"; as shipped (compiled at import) {cold:6.0f} ms"
        print(f"  {module:<28} installed (bytecode cached) {dev:6.0f} ms{as_shipped}")
    return worst


def report_first_invocation(runs: int, shipped: Path | None, module: str = "leftovers.handlers.ingest") -> None:
    """Print the first invocation's wiring time (boto3 import and DynamoDB client), installed and as shipped."""
    dev = statistics.median(first_invocation(module)[0] for _ in range(runs))
    cold = None if shipped is None else statistics.median(first_invocation(module, shipped)[0] for _ in range(runs))
    as_shipped = "" if cold is None else f"; as shipped {cold:6.0f} ms"
    print(f"  first invocation, after the import (boto3 import + DynamoDB client, no request): installed {dev:.0f} ms"
          f"{as_shipped} (no target; issue 16 measured +530 ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print each handler's import time both ways and the artifact's size, against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--artifact", type=Path, default=ROOT / "build" / "lambda")
    parser.add_argument("--no-build", dest="build", action="store_false", help="measure only an existing artifact")
    parser.add_argument("--handlers", type=Path, default=HANDLERS, help="folder of handler modules")
    args = parser.parse_args(argv)
    modules = handler_modules(args.handlers)
    skipped = ensure_artifact(args.artifact, args.build, modules)
    print(f"cold start: {len(modules)} handlers, median of {args.runs} fresh interpreters each (python -X importtime)")
    with tempfile.TemporaryDirectory() as tmp:
        shipped = None
        if not skipped and foreign(args.artifact):
            shipped, skipped = host_twin(Path(tmp) / "task")
        elif not skipped:  # exactly what the zip holds: the builder's pip leaves .pyc files the zip leaves out
            shipped = shutil.copytree(args.artifact, Path(tmp) / "task", ignore=shutil.ignore_patterns("__pycache__"))
        worst = report_imports(modules, args.runs, shipped)
        report_first_invocation(args.runs, shipped)
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
