"""Ingest memory benchmark: peak RSS of ``leftovers ingest FILE`` for two sizes of JSON Lines, next to a baseline.

The baseline is how ingest read files before streaming: the whole text read, then split into lines (peak about
3x the input). Both run in a fresh interpreter each and fold the same events (updates of a fixed set of resources,
so the store and the run's record cache stay the same size and only the input grows) into a new SQLite file.
Target: streaming peak RSS grows by less than a quarter of the input's growth (flat), where the baseline's grows
with the input.

    .venv/bin/python bench/ingest_memory.py [--events 25000] [--factor 4] [--resources 1000]
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent / "tests" / "events" / "config_discovered_ec2_instance.json"
MB = 1024 * 1024
# Ingest holds one chunk of changes (service.ingest.CHUNK, 10,000) at a time: below two chunks in the smaller file,
# memory grows with the input by design, and the verdict would measure the chunk, not the streaming.
MEASURED_FROM = 20_000


def write_events(path: Path, events: int, resources: int) -> int:
    """``events`` Config updates of ``resources`` instances as JSON Lines, written a line at a time; the bytes."""
    base = json.loads(TEMPLATE.read_text())
    start = datetime(2026, 11, 1, tzinfo=UTC)
    with path.open("w") as out:
        for i in range(events):
            event = copy.deepcopy(base)
            item = event["detail"]["configurationItem"]
            rid = f"i-{i % resources:017x}"
            item.update(resourceId=rid, resourceName=f"bench-{rid}", ARN=f"arn:aws:ec2:::instance/{rid}")
            item["configurationItemStatus"] = "ResourceDiscovered" if i < resources else "OK"
            item["configurationItemCaptureTime"] = (start + timedelta(seconds=i)).isoformat().replace("+00:00", "Z")
            out.write(json.dumps(event) + "\n")
    return path.stat().st_size


def child(mode: str, events: str, db: str) -> None:
    """Ingest ``events`` into ``db`` the current way (the real CLI) or the old way; print peak RSS in bytes."""
    if mode == "stream":
        from leftovers.cli import cli

        cli.main(["--store", db, "ingest", events], standalone_mode=False)
    else:
        from leftovers.adapters.config_file import load_policy
        from leftovers.adapters.sources import parse_event
        from leftovers.adapters.stores.sqlite import SQLiteStore
        from leftovers.service.ingest import ingest

        text = Path(events).read_text(encoding="utf-8")  # the old reader: whole text, then split
        lines = text.splitlines()
        changes = (c for line in lines if line.strip() for c in parse_event(json.loads(line)).changes)
        ingest(SQLiteStore(db), changes, load_policy(None))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)  # Linux reports kilobytes


def peak(mode: str, events: Path, db: Path) -> int:
    """Peak RSS in bytes of one ingest in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(events), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Print peak RSS per size for streaming and the baseline, and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=25_000, help="events in the smaller file")
    parser.add_argument("--factor", type=int, default=4, help="the larger file has this many times more")
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    sizes, peaks = [], {"stream": [], "whole": []}
    with tempfile.TemporaryDirectory() as tmp:
        for n, events in enumerate((args.events, args.events * args.factor)):
            path = Path(tmp) / f"events-{n}.jsonl"
            sizes.append(write_events(path, events, min(args.resources, events)))
            for mode, found in peaks.items():
                found.append(peak(mode, path, Path(tmp) / f"{mode}-{n}.db"))
            path.unlink()
    grown = sizes[1] - sizes[0]
    print(f"ingest memory: JSON Lines of {args.events} and {args.events * args.factor} Config events")
    print(f"  input                        : {sizes[0] / MB:8.1f} MB -> {sizes[1] / MB:8.1f} MB (+{grown / MB:.1f} MB)")
    for mode, label in (("stream", "leftovers (streamed)"), ("whole", "baseline (read whole, split)")):
        small, large = peaks[mode]
        print(f"  {label:<29}: {small / MB:8.1f} MB -> {large / MB:8.1f} MB peak RSS (+{(large - small) / MB:.1f} MB)")
    growth = (peaks["stream"][1] - peaks["stream"][0]) / grown
    verdict = "PASS" if growth < 0.25 else "FAIL"
    if args.events < MEASURED_FROM:
        verdict = f"n/a at smoke size (< {MEASURED_FROM:,} events: one chunk grows with the input)"
    print(f"  streamed peak grows {growth:.0%} of the input's growth (target < 25%): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
