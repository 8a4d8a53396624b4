"""Run every benchmark in bench/ (each in its own interpreter), stream its figures, and sum up.

A FAIL verdict is a figure worth reading, not a broken run: the exit status is non-zero only when a script crashes
or runs past its time limit. Target: the whole run under 10 minutes.

    .venv/bin/python bench/run_all.py [--only digest cost_model] [--timeout 600]
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
TOTAL_TARGET_S = 600
# Arguments for a script whose default would not fit the 10-minute budget (none needed so far: measured defaults
# take ingest ~20 s, digest ~2 s, cold_start ~10 s, cost_model < 1 s, replay ~60 s).
ARGS: dict[str, list[str]] = {}
_VERDICT = re.compile(r"\b(PASS|FAIL)\b")


@dataclass(frozen=True)
class Outcome:
    """How one script went."""

    name: str
    seconds: float
    returncode: int
    passes: int
    fails: int


def scripts(folder: Path, only: list[str] | None = None) -> list[Path]:
    """Every bench script in ``folder`` but this runner and private helpers, by name, optionally only some."""
    found = [p for p in sorted(folder.glob("*.py")) if p.name != Path(__file__).name and not p.stem.startswith("_")]
    return [p for p in found if only is None or p.stem in only]


def echo(lines: Iterable[str], counts: Counter[str]) -> None:
    """Print a script's output as it comes, counting its verdict words."""
    for line in lines:
        print(line, end="", flush=True)
        counts.update(_VERDICT.findall(line))


def run(script: Path, timeout: float) -> Outcome:
    """Run one script, echoing its output as it comes; past ``timeout`` seconds it is killed, which is a crash."""
    print(f"\n===== {script.name} {'=' * max(0, 100 - len(script.name))}", flush=True)
    began = time.perf_counter()
    counts: Counter[str] = Counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, str(script), *ARGS.get(script.stem, [])]
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
    return Outcome(script.name, time.perf_counter() - began, returncode, counts["PASS"], counts["FAIL"])


def main(argv: list[str] | None = None) -> int:
    """Run the scripts one after another; exit 1 if any crashed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="script names without .py")
    parser.add_argument("--timeout", type=float, default=TOTAL_TARGET_S, help="seconds allowed per script")
    parser.add_argument("--dir", type=Path, default=BENCH, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    outcomes = [run(script, args.timeout) for script in scripts(args.dir, args.only)]
    total = time.perf_counter() - began
    print(f"\n===== summary {'=' * 94}")
    for o in outcomes:
        status = "ok" if o.returncode == 0 else f"CRASHED (exit {o.returncode})"
        print(f"  {o.name:<28} {o.seconds:7.1f} s  {status:<22} {o.passes} PASS, {o.fails} FAIL")
    crashed = [o.name for o in outcomes if o.returncode != 0]
    within = "PASS" if total < TOTAL_TARGET_S else "FAIL"
    print(f"bench: {len(outcomes)} scripts in {total:.0f} s (target < {TOTAL_TARGET_S} s): {within}; "
          f"crashed: {', '.join(crashed) or 'none'}")  # fmt: skip
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
