"""What the cold-start bench imports: the artifact (or its host twin) as Lambda loads it, with and without bytecode,
under the runtime's Python when this machine has it, beside a stand-in for the runtime's own boto3.

Lambda's python3.13 runtime provides boto3 already compiled; under a python3.13 found here, boto3 is installed
for it into a scratch folder and compiled there, so the first invocation is not charged for compiling botocore.
"""

from __future__ import annotations

import importlib.util
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "tools" / "package.py"
RUNTIME_PACKAGES = ("boto3",)  # with botocore, s3transfer, jmespath, dateutil, urllib3, six: the runtime's set


def builder() -> ModuleType:
    """tools/package.py as a module (tools/ is not a package on the bench's path)."""
    spec = importlib.util.spec_from_file_location("leftovers_package_builder", BUILDER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Runner:
    """An interpreter that imports an artifact the way Lambda does, and the folder standing in for its runtime."""

    python: str
    runtime: Path
    version: str

    def command(self, code: str, artifact: Path) -> list[str]:
        """Run ``code`` with only the artifact, then the runtime's packages, on the path: no site, no bytecode
        written (Lambda's /var/task is read-only)."""
        path = [str(artifact.resolve()), str(self.runtime)]
        return [self.python, "-B", "-S", "-c", f"import sys; sys.path[:0] = {path!r}; {code}"]


def this_python() -> Runner:
    """The bench's own interpreter, boto3 from its virtualenv (compiled there)."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return Runner(sys.executable, Path(sysconfig.get_paths()["purelib"]), version)


def target_runner(scratch: Path) -> Runner | None:
    """The runtime's Python (tools/package.py finds it), with boto3 installed for it and compiled; None if absent."""
    tools = builder()
    python = tools.target_python()
    if python is None:
        return None
    runtime = scratch / "runtime"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile"]
    pip += [*tools.CPYTHON, "--only-binary=:all:", "--target", str(runtime), "-c", str(ROOT / "constraints.txt")]
    subprocess.run([*pip, *RUNTIME_PACKAGES], check=True, capture_output=True)
    subprocess.run([python, "-m", "compileall", "-q", "-q", str(runtime)], check=True)
    return Runner(python, runtime, tools.TARGET)


def foreign(folder: Path) -> bool:
    """True when the artifact holds extension modules built for another machine (Lambda's aarch64 on x86_64)."""
    machine = platform.machine()
    return any(machine not in p.name for p in folder.rglob("*.so") if "-linux-gnu" in p.name)


def host_twin(folder: Path) -> str | None:
    """Build the artifact's files with this machine's wheels (and bytecode) into ``folder``; or say why not."""
    print(f"  the artifact's extensions are not for {platform.machine()}: importing a twin built with this machine's "
          "wheels (same files)", flush=True)  # fmt: skip
    done = subprocess.run([sys.executable, str(BUILDER), "--host", "--out", str(folder)], cwd=ROOT, timeout=600)
    return None if done.returncode == 0 else f"the host twin failed to build (exit {done.returncode})"


def sources_only(folder: Path, into: Path) -> Path:
    """A copy of ``folder`` without its bytecode: the artifact as it was shipped before it was compiled."""
    return shutil.copytree(folder, into, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def bytecode_for(folder: Path) -> set[str]:
    """The interpreters (cache tags, ``cpython-313``) the folder's own package holds bytecode for."""
    return {p.name.split(".")[-2] for p in (folder / "leftovers").rglob("*.pyc")}


def instructions(command: list[str]) -> int | None:
    """Instructions ``command`` executes, counted by valgrind's callgrind; None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    counting = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
    done = subprocess.run(counting, capture_output=True, text=True, timeout=900, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or not found:
        raise RuntimeError(f"counting {command[-1][-60:]} failed: {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1))
