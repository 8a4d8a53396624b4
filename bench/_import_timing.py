"""How the cold-start bench times an import: the CPU time it takes in a fresh interpreter (on a shared machine the wall
clock also counts the waits for a core), installed or as Lambda loads an artifact; the first invocation's wiring;
several variants interleaved, so whatever else the machine does weighs on each alike.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from _lambda_twin import ROOT, Runner, this_python

IMPORT = "import time; began = time.process_time(); import {module}; print((time.process_time() - began) * 1000)"


def python(code: str, artifact: Path | None = None, runner: Runner | None = None) -> list[str]:
    """The command running ``code`` in a fresh interpreter: installed, or the way Lambda loads ``artifact``."""
    if artifact is not None:
        return (runner or this_python()).command(code, artifact)
    return [sys.executable, "-c", code]


def run(cmd: list[str], what: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; a failure raises with its last line."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    if done.returncode:
        raise RuntimeError(f"{what} failed: {done.stderr.strip().splitlines()[-1]}")
    return done


def import_ms(module: str, artifact: Path | None = None, runner: Runner | None = None) -> float:
    """Milliseconds of CPU time (user and system) importing ``module`` takes in a fresh interpreter."""
    done = run(python(IMPORT.format(module=module), artifact, runner), f"import {module}")
    return float(done.stdout.split()[-1])


FIRST_CALL = """
import json, time
import {module}
from leftovers.handlers import _wiring
before = set(sys.modules)
began = time.process_time()
_wiring.current().store.client  # the client is made on first use: at the first request
ms = (time.process_time() - began) * 1000
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


def interleaved(variants: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Each variant's median over ``runs`` rounds, the order turning round by round so none always goes first."""
    names, samples = list(variants), {name: list[float]() for name in variants}
    for n in range(runs):
        for name in names[n % len(names) :] + names[: n % len(names)]:
            samples[name].append(variants[name]())
    return {name: statistics.median(found) for name, found in samples.items()}
