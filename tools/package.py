"""Build the Lambda artifact into build/lambda/ without Docker and without a local Python 3.13.

pip fetches wheels for the target (CPython 3.13 on arm64 Linux) whatever the machine runs, then the package's
own source is copied beside them. boto3/botocore are left out: the Lambda Python runtime provides them, and they
would be most of the artifact. Usage: ``python tools/package.py [--out DIR]``; prints the artifact's size: what
Lambda unpacks, the zip's files (pip's bytecode caches are not built, and none is left in the folder).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# google-re2 ships aarch64 wheels only as manylinux_2_28 (glibc 2.28; the Lambda Python 3.13 runtime has 2.34).
PLATFORM = ("--platform", "manylinux2014_aarch64", "--platform", "manylinux_2_28_aarch64")
PLATFORM += ("--implementation", "cp", "--python-version", "3.13")
PROVIDED_BY_RUNTIME = {"boto3", "botocore"}
JUNK = ("__pycache__", "*.pyc")  # at any depth
SCRIPTS = "bin"  # pip's console scripts, at the top only (a package may hold a folder of that name)


def requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The runtime dependencies and the ``aws`` extra, minus what the Lambda runtime already has."""
    project = tomllib.loads(pyproject.read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["aws"]]
    return [r for r in wanted if _name(r) not in PROVIDED_BY_RUNTIME]


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.-]+", requirement)
    return (match.group(0) if match else requirement).lower().replace("_", "-")


def build(out: Path, platform: tuple[str, ...] = PLATFORM) -> Path:
    """Install the dependencies for the target platform into ``out``, add the source, zip it; return the zip.

    ``platform=()`` builds the same files with this machine's wheels (``--host``): the cold-start bench imports that
    twin, since an aarch64 extension module (google-re2, msgspec) cannot load on an x86_64 machine."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    # --no-compile: bytecode compiled here by the build's Python would never match the runtime's and is not shipped.
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile", *platform]
    pip += ["--only-binary=:all:", "--target", str(out), "-c", str(ROOT / "constraints.txt"), *requirements()]
    subprocess.run(pip, check=True)
    shutil.copytree(ROOT / "src" / "leftovers", out / "leftovers", ignore=shutil.ignore_patterns(*JUNK))
    shutil.rmtree(out / SCRIPTS, ignore_errors=True)
    for junk in [p for pattern in JUNK for p in out.rglob(pattern)]:
        if junk.exists():  # a .pyc inside a __pycache__ removed just before
            shutil.rmtree(junk) if junk.is_dir() else junk.unlink()
    archive = out.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in out.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            zf.write(path, path.relative_to(out))
    return archive


def unpacked_size(archive: Path) -> int:
    """Bytes Lambda unpacks: the uncompressed sizes of the zip's files."""
    with zipfile.ZipFile(archive) as zf:
        return sum(info.file_size for info in zf.infolist())


def main(argv: list[str] | None = None) -> None:
    """Build, then print the unpacked and zipped sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "lambda", help="artifact folder")
    parser.add_argument("--host", action="store_true", help="this machine's wheels, not Lambda's (for measuring)")
    args = parser.parse_args(argv)
    archive = build(args.out, () if args.host else PLATFORM)
    print(f"artifact: {args.out} ({unpacked_size(archive) / 1e6:.1f} MB unpacked)")
    print(f"zip: {archive} ({archive.stat().st_size / 1e6:.2f} MB; Lambda allows 50 MB zipped, 250 MB unpacked)")


if __name__ == "__main__":
    main()
