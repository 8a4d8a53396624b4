"""The artifact tools/package.py builds runs its handlers from the built folder alone (plus what Lambda provides)."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from tools import package as builder

from tests.support.moto_server import ROOT
from tests.unit.test_bench_smoke import load

# What the Lambda Python runtime ships besides the standard library (tools/package.py leaves them out).
RUNTIME_PROVIDED = ("boto3", "botocore", "dateutil", "s3transfer", "urllib3", "six")

CHECK = textwrap.dedent(
    """
    import sys
    artifact = sys.argv[1]
    import leftovers.handlers.ingest, leftovers.handlers.notify, leftovers.handlers.mark, leftovers.handlers.reconcile
    import leftovers.adapters.notifiers.slack.webhook  # the notify step imports it when it builds the notifier
    import leftovers.handlers.actions, leftovers.adapters.notifiers.slack.client  # the actions function, its post
    from leftovers.bootstrap import make_inventory
    make_inventory()  # the reconcile step builds it at each invocation (botocore from the runtime; no AWS call yet)
    from leftovers.handlers import _wiring
    import importlib.util
    for module in ("leftovers", "slack_sdk", "tzdata"):
        origin = importlib.util.find_spec(module).origin
        assert origin.startswith(artifact), (module, origin)
    wiring = _wiring.build({"LEFTOVERS_STORE": "dynamodb://leftovers", "LEFTOVERS_TIMEZONE": "Asia/Tokyo"})
    print(type(wiring.store).__name__, wiring.settings.timezone)
    """
)


def assert_true_size(printed: str, out: Path) -> None:
    """The size printed is what Lambda unpacks: the zip's files, which are the folder's, bytecode included."""
    with zipfile.ZipFile(out.with_suffix(".zip")) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
    on_disk = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert on_disk == unpacked
    assert f"({unpacked / 1e6:.1f} MB unpacked," in printed


def assert_no_bench_code(out: Path) -> None:
    """The cost model and its price list serve the benchmarks only: not shipped, and nothing shipped needs them."""
    shipped = out / "leftovers"
    assert not list(shipped.rglob("running_cost*"))
    assert not list(shipped.rglob("aws_prices.json"))
    assert not [p for p in shipped.rglob("*.py") if re.search(r"running_cost|aws_prices", p.read_text())]


def lambda_runtime(folder: Path) -> Path:
    """A folder holding (links to) the packages the Lambda runtime provides."""
    folder.mkdir()
    for name in RUNTIME_PROVIDED:
        origin = Path(importlib.import_module(name).__file__ or "")
        source = origin.parent if origin.name == "__init__.py" else origin
        (folder / source.name).symlink_to(source)
    return folder


def host_builds_of_compiled_packages(artifact: Path, folder: Path) -> Path:
    """A folder linking this machine's build of every package the artifact holds compiled for Lambda (google-re2);
    each of those must be built for arm64 and CPython 3.13."""
    folder.mkdir()
    for library in artifact.glob("*/*.so"):
        assert library.name.endswith("cpython-313-aarch64-linux-gnu.so"), library
        origin = Path(importlib.import_module(library.parent.name).__file__ or "")
        (folder / library.parent.name).symlink_to(origin.parent)
    return folder


def package(out: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run tools/package.py into ``out``; it must succeed."""
    command = [sys.executable, str(ROOT / "tools" / "package.py"), "--out", str(out), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The artifact as ``make package`` builds it (with bytecode when this machine has a python3.13), and what the
    build printed."""
    out = tmp_path_factory.mktemp("package") / "lambda"
    return out, package(out).stdout


@pytest.mark.slow
def test_the_built_artifact_imports_its_handlers(built: tuple[Path, str], tmp_path: Path) -> None:
    out, printed = built
    assert_true_size(printed, out)
    assert_no_bench_code(out)
    assert not (out / "boto3").exists()
    assert (out / "leftovers" / "handlers" / "ingest.py").is_file()

    runtime = lambda_runtime(tmp_path / "runtime")
    host = host_builds_of_compiled_packages(out, tmp_path / "host")
    # -I -S: no site-packages, no working directory, no PYTHON* variables; only the artifact, then the runtime.
    # -B: no bytecode of this Python written beside the artifact's (Lambda's disk is read-only).
    # The artifact's compiled modules are for arm64 and CPython 3.13: this machine loads its own build of them.
    code = f"import sys; sys.path[:0] = [{str(host)!r}, {str(out)!r}, {str(runtime)!r}]\n" + CHECK
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", code, str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DynamoDBStore", "Asia/Tokyo"]


def python313() -> str:
    """This machine's python3.13, as the builder finds it (the test is skipped without one)."""
    found = builder.target_python("3.13")
    if found is None:
        pytest.skip("no python3.13 on this machine: the artifact is built without bytecode")
    return found


MAGIC_313 = (3571).to_bytes(2, "little") + b"\r\n"  # CPython 3.13's bytecode magic (importlib.util.MAGIC_NUMBER)
UNCHECKED_HASH = 0b01  # PEP 552 flags: hash-based, source not checked


@pytest.mark.slow
def test_the_artifact_ships_bytecode_for_the_runtimes_python_that_it_loads(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    python = python313()
    out, printed = built
    assert f"bytecode: {python})" in printed
    sources = sorted(out.rglob("*.py"))
    compiled = [s.parent / "__pycache__" / f"{s.stem}.cpython-313.pyc" for s in sources]
    assert [c for c in compiled if not c.is_file()] == []
    assert not [p for p in out.rglob("*.pyc") if ".cpython-313." not in p.name]  # no other version's bytecode
    for pyc in compiled:
        header = pyc.read_bytes()[:8]
        assert header[:4] == MAGIC_313, pyc
        assert int.from_bytes(header[4:], "little") == UNCHECKED_HASH, pyc  # the zip's mtimes cannot invalidate it
    with zipfile.ZipFile(out.with_suffix(".zip")) as zf:
        assert {str(c.relative_to(out)) for c in compiled} <= set(zf.namelist())
    # Python 3.13 loads the shipped bytecode rather than compiling the source: a source changed after the build is
    # not even read (unchecked), so its import still succeeds. -B: nothing written, as on Lambda's read-only disk.
    task = shutil.copytree(out / "leftovers", tmp_path / "task" / "leftovers")
    (task / "core" / "errors.py").write_text("raise SystemExit('compiled from source at import')\n")
    code = f"import sys; sys.path[:0] = [{str(task.parent)!r}]; import leftovers.core.errors as e; print(e.__name__)"
    loaded = subprocess.run([python, "-I", "-S", "-B", "-c", code], capture_output=True, text=True, check=False)
    assert (loaded.returncode, loaded.stdout.strip()) == (0, "leftovers.core.errors"), loaded.stderr


@pytest.mark.slow
def test_without_a_python313_the_build_says_so_in_one_line_and_ships_no_bytecode(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    impostor = bin_dir / "python3.13"  # answers to the name, but is this test's Python: its bytecode would not load
    impostor.write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    impostor.chmod(0o755)
    env = {**os.environ, "PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    out = tmp_path / "lambda"
    done = package(out, env=env)
    notes = [line for line in done.stdout.splitlines() if "bytecode" in line and "python3.13" in line]
    assert len(notes) == 1, done.stdout
    assert notes[0].startswith("note: no bytecode: python3.13 on PATH or in pyenv is not a runnable CPython 3.13")
    assert not list(out.rglob("__pycache__"))
    assert not list(out.rglob("*.pyc"))
    with zipfile.ZipFile(out.with_suffix(".zip")) as zf:
        assert not [n for n in zf.namelist() if n.endswith(".pyc")]
    assert "bytecode: none)" in done.stdout


@pytest.mark.slow
def test_the_cold_start_bench_times_the_artifact_with_and_without_its_bytecode(
    built: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    python = python313()
    out, _ = built
    twin = tmp_path / "twin"
    package(twin, "--host")
    handlers = tmp_path / "handlers"  # two of the handlers, to keep the test short
    handlers.mkdir()
    for name in ("mark", "ingest"):
        (handlers / f"{name}.py").touch()
    capsys.readouterr()
    arguments = ["--runs", "1", "--no-build", "--artifact", str(out), "--baseline", str(twin)]
    assert load("cold_start").main([*arguments, "--handlers", str(handlers)]) == 0
    printed = capsys.readouterr().out
    assert f"python3.13 ({python})" in printed
    rows = [line.split() for line in printed.splitlines() if line.lstrip().startswith("leftovers.handlers.")]
    assert [row[0] for row in rows] == ["leftovers.handlers.ingest", "leftovers.handlers.mark"]
    for row in rows:  # name, "no bytecode N ms", "| bytecode N ms (change)", "| baseline N ms: -cut (target...)"
        assert row[1:3] == ["no", "bytecode"]
        assert row[5:7] == ["|", "bytecode"]
        assert row[10:12] == ["|", "baseline"]  # timed interleaved: a host twin of the artifact stands in for it
        assert float(row[3]) > 0
        assert float(row[7]) > 0


def test_a_python_given_that_is_not_a_runnable_313_stops_the_build_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "lambda"
    command = [sys.executable, str(ROOT / "tools" / "package.py"), "--out", str(out), "--python", sys.executable]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert done.stderr.strip() == f"--python {sys.executable}: not a runnable CPython 3.13 (the template's Runtime)"
    assert not out.exists()
