"""Run every benchmark in bench/ (each in its own interpreter), stream its figures, and sum up.

A FAIL verdict is a figure worth reading, not a broken run: the exit status is non-zero only when a script crashes
or runs past its time limit. Two profiles: ``full`` (each script's defaults, the README's figures) and ``quick``
(small inputs, every script still run: under 2 minutes, for a look before a commit).

    .venv/bin/python bench/run_all.py [--profile quick] [--only digest cost_model] [--timeout 600]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Profile:
    """Arguments per script, the time one script may take (its cap, past which it is killed), and the target."""

    args: dict[str, list[str]]
    caps: dict[str, float]
    default_cap: float
    target_s: float


# Caps are a guard against a hung script, not a target: the full daily-run bench builds a 100,000-item table on
# moto (~10 to 20 minutes on this shared 2-core machine), so one 600 s cap for every script killed it.
PROFILES = {
    "full": Profile(args={}, caps={"daily_run_dynamodb": 3600, "scale": 3600}, default_cap=900, target_s=2400),
    "quick": Profile(
        args={
            "ingest": ["--events", "20000", "--repeat", "1"],
            "ingest_memory": ["--events", "20000", "--factor", "2", "--resources", "1000"],
            "digest": ["--leftovers", "10000", "--runs", "1"],
            "cold_start": ["--runs", "3", "--no-build"],
            "replay": ["--records", "50000", "--repeat", "1"],
            "daily_run_dynamodb": ["--tracked", "1000", "2000"],
            "ingest_sqs": ["--events", "1000"],
            "scale": ["--events", "20000", "--due-sizes", "2000", "20000"],
        },
        caps={},
        default_cap=120,
        target_s=120,
    ),
}
_VERDICT = re.compile(r"\b(PASS|FAIL|n/a)\b")


@dataclass(frozen=True)
class Outcome:
    """How one script went."""

    name: str
    seconds: float
    returncode: int
    passes: int
    fails: int
    unmeasured: int = 0


def scripts(folder: Path, only: list[str] | None = None) -> list[Path]:
    """Every bench script in ``folder`` but this runner and private helpers, by name, optionally only some."""
    found = [p for p in sorted(folder.glob("*.py")) if p.name != Path(__file__).name and not p.stem.startswith("_")]
    return [p for p in found if only is None or p.stem in only]


def echo(lines: Iterable[str], counts: Counter[str]) -> None:
    """Print a script's output as it comes, counting its verdict words."""
    for line in lines:
        print(line, end="", flush=True)
        counts.update(_VERDICT.findall(line))


def run(script: Path, timeout: float, args: list[str] | None = None) -> Outcome:
    """Run one script, echoing its output as it comes; past ``timeout`` seconds it is killed, which is a crash."""
    print(f"\n===== {script.name} {'=' * max(0, 100 - len(script.name))}", flush=True)
    began = time.perf_counter()
    counts: Counter[str] = Counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, str(script), *(args or [])]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) as proc:
        reader = threading.Thread(target=echo, args=(proc.stdout, counts), daemon=True)
        reader.start()
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            returncode = proc.wait()
            print(f"[run_all] {script.name} killed after {timeout:.0f} s", flush=True)
        reader.join()
    seconds = time.perf_counter() - began
    return Outcome(script.name, seconds, returncode, counts["PASS"], counts["FAIL"], counts["n/a"])


def main(argv: list[str] | None = None) -> int:
    """Run the scripts one after another; exit 1 if any crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="script names without .py")
    parser.add_argument("--timeout", type=float, help="seconds allowed per script (default: the profile's caps)")
    parser.add_argument("--dir", type=Path, default=BENCH, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    profile = PROFILES[args.profile]
    began = time.perf_counter()
    outcomes = [
        run(s, args.timeout or profile.caps.get(s.stem, profile.default_cap), profile.args.get(s.stem))
        for s in scripts(args.dir, args.only)
    ]
    total = time.perf_counter() - began
    print(f"\n===== summary {'=' * 94}")
    for o in outcomes:
        status = "ok" if o.returncode == 0 else f"CRASHED (exit {o.returncode})"
        unmeasured = f", {o.unmeasured} n/a" if o.unmeasured else ""
        print(f"  {o.name:<28} {o.seconds:7.1f} s  {status:<22} {o.passes} PASS, {o.fails} FAIL{unmeasured}")
    crashed = [o.name for o in outcomes if o.returncode != 0]
    within = "PASS" if total < profile.target_s else "FAIL"
    print(f"bench ({args.profile}): {len(outcomes)} scripts in {total:.0f} s "
          f"(target < {profile.target_s:.0f} s): {within}; "
          f"crashed: {', '.join(crashed) or 'none'}")  # fmt: skip
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
