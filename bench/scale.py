"""Scale through the CLI: N Config events over 0.3 N resources, then ``report --due`` and ``notify --dry-run``.

Every step is the installed ``leftovers`` command in its own process, so the figures are what a user waits for:
CPU and wall time, that process's peak RSS (``wait4``), the database's size. Then the report/notify scaling
curve: a store of exactly N due resources per size, and the CPU time of each command against the row count.

    .venv/bin/python bench/scale.py [--events 100000] [--due-sizes 10000 100000]
    .venv/bin/python bench/scale.py --events 1000000 --due-sizes 10000 100000 1000000   # the issue's 1 M run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "events" / "config_discovered_ec2_instance.json"
CLI = Path(sys.executable).parent / "leftovers"
START = datetime(2026, 1, 1, tzinfo=UTC)
AT = "2026-12-01T00:00:00Z"  # long after every creation: every active resource is due
RSS_TARGET_MB = 256  # streaming ingest: flat memory whatever the file's size (issue 16: peak 6.16 GB before)
RSS_BEFORE = "6,160 MB at 1 M events before streaming"
LINEAR = 1.25  # CPU may grow at most this much faster than the rows (issue 16: x12.8 for 10x rows before)
LINEAR_FROM = 10_000  # rows at the largest size: below it start-up dominates and the curve says nothing


@dataclass(frozen=True)
class Run:
    """One CLI process: CPU seconds (user + system), wall seconds, peak RSS in MB, bytes written to stdout."""

    cpu: float
    wall: float
    rss_mb: float
    out_bytes: int


def write_events(path: Path, events: int, resources: int, seed: int = 11) -> None:
    """JSON Lines: each resource discovered on its first event, then updated, now and then deleted and re-made."""
    rng = random.Random(seed)
    base = json.loads(TEMPLATE.read_text())
    item = base["detail"]["configurationItem"]
    seen: set[int] = set()
    with path.open("w") as out:
        for i in range(events):
            n = i % resources if i >= resources else i
            status = "ResourceDiscovered" if n not in seen else rng.choice(("OK",) * 8 + ("ResourceDeleted",) * 2)
            seen.add(n)
            rid = f"i-{n:017x}"
            item.update(resourceId=rid, resourceName=f"scale-{rid}", configurationItemStatus=status)
            item["ARN"] = f"arn:aws:ec2:ap-northeast-1:123456789012:instance/{rid}"
            item["configurationItemCaptureTime"] = (START + timedelta(seconds=i)).isoformat().replace("+00:00", "Z")
            base.update(id=f"scale-{i}", resources=[item["ARN"]])
            out.write(json.dumps(base) + "\n")


# Runs the installed ``leftovers`` script and, at exit, prints the peak RSS of that program alone. ``wait4``'s
# ru_maxrss would count the parent's memory copied at fork (630 MB under a pytest worker), whatever the CLI used.
_PEAK = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        print(next(line for line in status if line.startswith('VmHWM:')), file=sys.stderr, end='')\n"
    "atexit.register(peak)\n"
    "sys.argv = sys.argv[1:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


def cli(db: Path, *args: str) -> Run:
    """Run ``leftovers --db DB ARGS`` and measure that process alone."""
    began = datetime.now(UTC)
    cmd = [sys.executable, "-c", _PEAK, str(CLI), "--db", str(db), *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=db.parent)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own usage, not every child's so far
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out_bytes = out.tell()
        err.seek(0)
        errors = err.read().decode(errors="replace")
    if code != 0:
        raise SystemExit(f"{' '.join(args)} failed (exit {code}): {errors.strip()[-500:]}")
    wall = (datetime.now(UTC) - began).total_seconds()
    peak_kb = [int(line.split()[1]) for line in errors.splitlines() if line.startswith("VmHWM:")]
    return Run(usage.ru_utime + usage.ru_stime, wall, (peak_kb[-1] if peak_kb else usage.ru_maxrss) / 1024, out_bytes)


def scale_run(tmp: Path, events: int) -> None:
    """Ingest ``events`` through the CLI, then the first due report; print the figures."""
    resources = max(1, round(events * 0.3))
    path, db = tmp / "events.jsonl", tmp / "scale.db"
    write_events(path, events, resources)
    size_mb = path.stat().st_size / 1e6
    ingest = cli(db, "ingest", str(path))
    report = cli(db, "report", "--due", "--format", "json", "--at", AT)
    print(f"scale: {events:,} Config events over {resources:,} resources ({size_mb:,.0f} MB of JSON Lines) via the CLI")
    print(f"  ingest     : {ingest.cpu:8.1f} s CPU ({ingest.wall:.1f} s wall), "
          f"{events / ingest.cpu:,.0f} events/s of CPU")  # fmt: skip
    verdict = "PASS" if ingest.rss_mb < RSS_TARGET_MB else "FAIL"
    print(f"  ingest peak RSS {ingest.rss_mb:,.0f} MB (target < {RSS_TARGET_MB} MB; before: {RSS_BEFORE}): {verdict}")
    print(f"  database   : {db.stat().st_size / 1e6:8.1f} MB")
    print(f"  first report --due --format json: {report.cpu:.1f} s CPU ({report.wall:.1f} s wall), "
          f"{report.out_bytes / 1e6:.1f} MB, peak RSS {report.rss_mb:,.0f} MB")  # fmt: skip


def due_store(tmp: Path, rows: int) -> Path:
    """A store of exactly ``rows`` due resources (each discovered once), built through the CLI."""
    path, db = tmp / f"due-{rows}.jsonl", tmp / f"due-{rows}.db"
    write_events(path, rows, rows)
    cli(db, "ingest", str(path))
    path.unlink()
    return db


def curve(tmp: Path, sizes: list[int]) -> None:
    """CPU time of ``report --due --format json`` and ``notify --dry-run`` per size; the linearity verdicts."""
    commands = {
        "report --due --format json": ("report", "--due", "--format", "json"),
        "notify --dry-run": ("notify", "--dry-run"),
    }
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for rows in sizes:
        db = due_store(tmp, rows)
        for name, args in commands.items():
            runs[name].append(cli(db, *args, "--at", AT))
        db.unlink()
    print(f"report/notify scaling curve: stores of {', '.join(f'{n:,}' for n in sizes)} due resources")
    for name, found in runs.items():
        points = ", ".join(f"{n:,}: {r.cpu:.2f} s ({r.rss_mb:,.0f} MB)" for n, r in zip(sizes, found, strict=True))
        print(f"  {name:<27}: {points}")
        grew, rows = found[-1].cpu / found[0].cpu, sizes[-1] / sizes[0]
        verdict = "PASS" if grew <= LINEAR * rows else "FAIL"
        if sizes[-1] < LINEAR_FROM or rows < 2:
            verdict = f"n/a at smoke size (< {LINEAR_FROM:,} rows or one size)"
        print(f"  {name:<27}: CPU x{grew:.1f} for x{rows:.0f} rows (target <= x{LINEAR * rows:.1f}, linear; "
              f"before: x12.8 for x10 at 20k -> 200k): {verdict}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """The scale run, then the curve."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--due-sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scale_run(Path(tmp), args.events)
        curve(Path(tmp), sorted(args.due_sizes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
