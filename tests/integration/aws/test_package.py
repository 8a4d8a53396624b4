"""The artifact tools/package.py builds runs its handlers from the built folder alone (plus what Lambda provides)."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.support.moto_server import ROOT

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
    """The size printed is what Lambda unpacks: the zip's files, which are the folder's (no bytecode caches)."""
    with zipfile.ZipFile(out.with_suffix(".zip")) as zf:
        unpacked = sum(i.file_size for i in zf.infolist())
    on_disk = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert on_disk == unpacked
    assert not list(out.rglob("__pycache__"))
    assert f"({unpacked / 1e6:.1f} MB unpacked)" in printed


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


@pytest.mark.slow
def test_the_built_artifact_imports_its_handlers(tmp_path: Path) -> None:
    out = tmp_path / "lambda"
    build = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert_true_size(build.stdout, out)
    assert_no_bench_code(out)
    assert not (out / "boto3").exists()
    assert (out / "leftovers" / "handlers" / "ingest.py").is_file()

    runtime = lambda_runtime(tmp_path / "runtime")
    host = host_builds_of_compiled_packages(out, tmp_path / "host")
    # -I -S: no site-packages, no working directory, no PYTHON* variables; only the artifact, then the runtime.
    # The artifact's compiled modules are for arm64 and CPython 3.13: this machine loads its own build of them.
    code = f"import sys; sys.path[:0] = [{str(host)!r}, {str(out)!r}, {str(runtime)!r}]\n" + CHECK
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["DynamoDBStore", "Asia/Tokyo"]
