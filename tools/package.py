"""Build the Lambda artifact into build/lambda/ without Docker, with bytecode compiled for the runtime's Python.

pip fetches wheels for the target (the template's Runtime, CPython 3.13 on arm64 Linux) whatever the machine runs,
then the package's own source is copied beside them. boto3/botocore are left out: the Lambda Python runtime
provides them, and they would be most of the artifact. Lambda's /var/task is read-only, so without bytecode in the
artifact every cold start compiles every module it imports: when a python3.13 is found (``--python``, PATH, pyenv)
it compiles the artifact (``unchecked-hash``: the zip's mtimes cannot invalidate it); when none is, the build says
so in one line and ships no bytecode, never bytecode of another version. Usage:
``python tools/package.py [--out DIR] [--python PATH] [--host]``; prints the size Lambda unpacks and the zip's.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = re.search(r"^\s+Runtime: python(\d+\.\d+)\s*$", (ROOT / "template.yaml").read_text(), re.M)
TARGET = RUNTIME.group(1) if RUNTIME else "3.13"  # the functions' Python (template.yaml, Globals)
CPYTHON = ("--implementation", "cp", "--python-version", TARGET)
# google-re2 ships aarch64 wheels only as manylinux_2_28 (glibc 2.28; the Lambda Python 3.13 runtime has 2.34).
PLATFORM = ("--platform", "manylinux2014_aarch64", "--platform", "manylinux_2_28_aarch64", *CPYTHON)
PROVIDED_BY_RUNTIME = {"boto3", "botocore"}
JUNK = ("__pycache__", "*.pyc")  # at any depth
SCRIPTS = "bin"  # pip's console scripts, at the top only (a package may hold a folder of that name)
# Prints the interpreter's version and whether it is a final release (a pre-release's bytecode magic differs).
_ASK = "import sys; print('%d.%d' % sys.version_info[:2], sys.version_info.releaselevel)"


def requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The runtime dependencies and the ``aws`` extra, minus what the Lambda runtime already has."""
    project = tomllib.loads(pyproject.read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["aws"]]
    return [r for r in wanted if _name(r) not in PROVIDED_BY_RUNTIME]


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.-]+", requirement)
    return (match.group(0) if match else requirement).lower().replace("_", "-")


def candidates(version: str = TARGET) -> list[str]:
    """Where a python``version`` may be: on PATH (a pyenv shim there may refuse to run), then pyenv's versions."""
    on_path = shutil.which(f"python{version}")
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    found = sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True)
    return [*([on_path] if on_path else []), *map(str, found)]


def target_python(version: str = TARGET, tried: list[str] | None = None) -> str | None:
    """The first of ``tried`` (else ``candidates``) that runs and is a final CPython ``version``; None if none is."""
    for python in candidates(version) if tried is None else tried:
        try:
            done = subprocess.run([python, "-c", _ASK], capture_output=True, text=True, timeout=30, check=False)
        except OSError:
            continue
        if done.returncode == 0 and done.stdout.split() == [version, "final"]:
            return python
    return None


def compile_bytecode(out: Path, python: str) -> None:
    """Compile every module in ``out`` with ``python``, unchecked: Lambda's files never change under it."""
    compile_all = [python, "-m", "compileall", "-q", "-q", "--invalidation-mode", "unchecked-hash", str(out)]
    done = subprocess.run(compile_all, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"compiling the artifact with {python} failed: {(done.stdout + done.stderr).strip()[-300:]}")


def build(out: Path, platform: tuple[str, ...] = PLATFORM, python: str | None = None) -> Path:
    """Install the dependencies for ``platform`` into ``out``, add the source, compile it with ``python`` (no
    bytecode when None), zip it; return the zip.

    ``platform=CPYTHON`` (or ``()``: this interpreter's) builds the same files with this machine's wheels
    (``--host``): the cold-start bench imports that twin, since an aarch64 extension module (google-re2, msgspec)
    cannot load on an x86_64 machine."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    # --no-compile: pip would compile with the build's own Python, whose bytecode the runtime cannot use.
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile", *platform]
    pip += ["--only-binary=:all:", "--target", str(out), "-c", str(ROOT / "constraints.txt"), *requirements()]
    subprocess.run(pip, check=True)
    shutil.copytree(ROOT / "src" / "leftovers", out / "leftovers", ignore=shutil.ignore_patterns(*JUNK))
    shutil.rmtree(out / SCRIPTS, ignore_errors=True)
    for junk in [p for pattern in JUNK for p in out.rglob(pattern)]:
        if junk.exists():  # a .pyc inside a __pycache__ removed just before
            shutil.rmtree(junk) if junk.is_dir() else junk.unlink()
    if python:
        compile_bytecode(out, python)
    archive = out.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            zf.write(path, path.relative_to(out))
    return archive


def unpacked_size(archive: Path) -> int:
    """Bytes Lambda unpacks: the uncompressed sizes of the zip's files."""
    with zipfile.ZipFile(archive) as zf:
        return sum(info.file_size for info in zf.infolist())


def main(argv: list[str] | None = None) -> None:
    """Build, then print the unpacked and zipped sizes (and a one-line note when no bytecode is shipped)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "lambda", help="artifact folder")
    parser.add_argument("--host", action="store_true", help="this machine's wheels, not Lambda's (for measuring)")
    parser.add_argument("--python", help=f"the python{TARGET} that compiles the bytecode (default: found)")
    parser.add_argument("--no-bytecode", dest="bytecode", action="store_false", help="ship sources only")
    args = parser.parse_args(argv)
    python = target_python(tried=[args.python] if args.python else None) if args.bytecode else None
    if args.python and python is None:  # asked for by name: a mistake to report, not a machine to put up with
        sys.exit(f"--python {args.python}: not a runnable CPython {TARGET} (the template's Runtime)")
    if args.bytecode and python is None:
        print(f"note: no bytecode: python{TARGET} on PATH or in pyenv is not a runnable CPython {TARGET}, so Lambda "
              "compiles the artifact's modules at every cold start")  # fmt: skip
    # The host twin's wheels are for the Python that will import it: the one that compiled it, else this one.
    archive = build(args.out, (CPYTHON if python else ()) if args.host else PLATFORM, python)
    print(f"artifact: {args.out} ({unpacked_size(archive) / 1e6:.1f} MB unpacked, bytecode: {python or 'none'})")
    print(f"zip: {archive} ({archive.stat().st_size / 1e6:.2f} MB; Lambda allows 50 MB zipped, 250 MB unpacked)")


if __name__ == "__main__":
    main()
