"""Replay benchmark: CloudTrail log files into SQLite, next to ``gzip -dc`` of the same files to /dev/null.

Decompressing is the floor any replay pays. The files are generated to look like a real trail: gzip-compressed
``{"Records": [...]}`` documents of ~500 records in the AWSLogs layout (2 accounts, 2 regions), records ~1-1.5 KB
built from the real-format fixtures in tests/events, and a real mix: ~2% create or delete something the call table
maps, ~1% failed calls, ~17% other writes, ~80% read-only calls. Leftovers' side is the ``replay`` command's own
code path (folder walk, pre-filter, parser, lifecycle, versioned save); reading the same files with stdlib json
shows what msgspec's pre-filter earns. Target: Leftovers >= 50% of the gzip rate (records/s of CPU time: one core,
and steady on a shared machine; wall-clock figures are printed too). Memory: peak RSS must stay flat when the
input triples (files are streamed, never listed whole).

    .venv/bin/python bench/replay.py [--records 300000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from leftovers.adapters.config_file import load_policy
from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record, parse_event
from leftovers.adapters.sources.trail_files.layout import Selection
from leftovers.adapters.sources.trail_files.local import local_files
from leftovers.adapters.sources.trail_files.log_file import log_records
from leftovers.adapters.sources.trail_files.reader import Tally, trail_changes
from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.core.errors import EventRejected
from leftovers.service.ingest import ingest

EVENTS = Path(__file__).resolve().parent.parent / "tests" / "events"
PER_FILE = 500
ACCOUNTS = ("111122223333", "444455556666")
REGIONS = ("us-east-1", "eu-west-1")
READS = ("DescribeInstances", "DescribeVolumes", "ListFunctions20150331", "GetBucketAcl", "DescribeAlarms",
         "ListTagsForResource", "GetCallerIdentity", "DescribeLogGroups", "AssumeRole", "Decrypt")  # fmt: skip
WRITES = ("CreateTags", "PutBucketPolicy", "UpdateFunctionConfiguration20150331v2", "AuthorizeSecurityGroupIngress",
          "ConsoleLogin", "PutRetentionPolicy", "StartInstances", "StopInstances")  # fmt: skip
TARGET = 0.5
MEASURED_FROM = 50_000  # records: below this the ratio is a timing of start-up costs


def _detail(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((EVENTS / f"{name}.json").read_text())
    return event["detail"]


def mapped_templates() -> list[tuple[dict[str, Any], str]]:
    """Every CloudTrail fixture that creates or deletes something, with the resource id it names."""
    found = []
    for path in sorted(EVENTS.glob("cloudtrail_*.json")):
        try:
            changes = parse_event(json.loads(path.read_text())).changes
        except EventRejected:  # the fixtures of malformed calls
            continue
        if changes:
            found.append((_detail(path.stem), changes[0].key.resource_id))
    return found


class Generator:
    """Records in the real mix, each with its own ids and times."""

    def __init__(self, seed: int = 11) -> None:
        self.rng = random.Random(seed)
        self.mapped = mapped_templates()
        self.read = _detail("cloudtrail_read_only_call")
        self.write = _detail("cloudtrail_unmapped_call")
        self.failed = _detail("cloudtrail_failed_call")
        self.roles = [_detail("cloudtrail_terminate_instances")["userIdentity"], self.read["userIdentity"]]
        self.serial = 0

    def record(self, at: datetime, account: str, region: str) -> dict[str, Any]:
        """One record; a mapped one gets a fresh resource id of the same shape."""
        self.serial += 1
        roll = self.rng.random()
        if roll < 0.02:
            template, rid = self.rng.choice(self.mapped)
            fresh = rid[:-6] + f"{self.serial:06x}" if len(rid) > 8 else rid
            record = json.loads(json.dumps(template).replace(rid, fresh))
        else:
            record = copy.deepcopy(self.failed if roll < 0.03 else self.write if roll < 0.2 else self.read)
            record["eventName"] = self.rng.choice(WRITES if roll < 0.2 and roll >= 0.03 else READS)
        record["userIdentity"] = self.rng.choice(self.roles)
        record.update(
            eventTime=at.strftime("%Y-%m-%dT%H:%M:%SZ"), eventID=str(uuid.UUID(int=self.rng.getrandbits(128))),
            requestID=str(uuid.UUID(int=self.rng.getrandbits(128))), awsRegion=region, recipientAccountId=account,
            sourceIPAddress=f"198.51.100.{self.rng.randrange(256)}",
        )  # fmt: skip
        return record


def generate(root: Path, records: int, seed: int = 11) -> int:
    """Write ``records`` records as gzip log files under ``root/AWSLogs``; return the number of files."""
    gen = Generator(seed)
    start = datetime(2026, 9, 1, tzinfo=UTC)
    files = 0
    for first in range(0, records, PER_FILE):
        account, region = ACCOUNTS[files % 2], REGIONS[(files // 2) % 2]
        at = start + timedelta(minutes=5 * files)
        count = min(PER_FILE, records - first)
        batch = [gen.record(at + timedelta(seconds=i % 300), account, region) for i in range(count)]
        folder = root / "AWSLogs" / account / "CloudTrail" / region / f"{at:%Y/%m/%d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{account}_CloudTrail_{region}_{at:%Y%m%dT%H%MZ}_{files:016x}.json.gz"
        text = json.dumps({"Records": batch}, separators=(",", ":")).encode()
        (folder / name).write_bytes(gzip.compress(text, compresslevel=6))
        files += 1
    return files


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_gzip(root: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for ``gzip -dc`` of every log file to /dev/null (one process at a time: one core)."""
    began, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(f"find {root} -name '*.json.gz' -print0 | xargs -0 gzip -dc > /dev/null", shell=True, check=True)
    return time.perf_counter() - began, _children_cpu() - cpu


def run_leftovers(root: Path, db: Path) -> tuple[float, float, Tally]:
    """(wall, CPU) seconds for the replay command's code path: walk, pre-filter, parse, lifecycle, versioned save."""
    store = SQLiteStore(db)
    began, cpu = time.perf_counter(), time.process_time()
    tally = Tally()
    files = local_files(str(root), Selection())
    changes = trail_changes(files, mapped_event_names(), parse_cloudtrail_record, tally)
    tally.counts.update(ingest(store, changes, load_policy(None)))
    elapsed, used = time.perf_counter() - began, time.process_time() - cpu
    store.close()
    return elapsed, used, tally


def run_reading(root: Path, fast: bool) -> float:
    """CPU seconds to read every file and keep the records that can matter: msgspec's pre-filter (``fast``, what
    replay does) or stdlib ``json.loads`` of every record, the way without a fast library."""
    names = mapped_event_names()
    cpu = time.process_time()
    for path in sorted(root.rglob("*.json.gz")):
        data = path.read_bytes()
        if fast:
            log_records(data, str(path), names)
            continue
        for record in json.loads(gzip.decompress(data))["Records"]:
            _ = record.get("eventName") in names and not record.get("readOnly") and not record.get("errorCode")
    return time.process_time() - cpu


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Print records/second for both sides and the ratio against the target, then the memory check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the best counts")
    args = parser.parse_args(argv)
    if shutil.which("gzip") is None:
        print("replay: gzip not found; cannot measure the baseline: FAIL")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "trail"
        files = generate(root, args.records)
        size = sum(p.stat().st_size for p in root.rglob("*.json.gz"))
        ours_runs, gzip_runs, tally = [], [], Tally()
        for n in range(args.repeat):  # alternate, and keep each side's best: the machine may be shared
            wall, cpu, tally = run_leftovers(root, Path(tmp) / f"replay-{n}.db")
            ours_runs.append((wall, cpu))
            gzip_runs.append(run_gzip(root))
        fast, stdlib = run_reading(root, fast=True), run_reading(root, fast=False)
        rss_one = peak_rss_mb()
        bigger = Path(tmp) / "bigger"
        for copy_n in range(3):  # the same files three times over: three times the input
            shutil.copytree(root / "AWSLogs", bigger / f"copy{copy_n}" / "AWSLogs")
        run_leftovers(bigger, Path(tmp) / "bigger.db")
        rss_three = peak_rss_mb()
    ours, raw = min(w for w, _ in ours_runs), min(w for w, _ in gzip_runs)
    ours_cpu, raw_cpu = min(c for _, c in ours_runs), min(c for _, c in gzip_runs)
    # CPU time gives the verdict: "one core" is what it measures, and it holds on a machine other work shares.
    ratio, wall_ratio = raw_cpu / ours_cpu, raw / ours
    changes = sum(tally.counts[k] for k in ("tracked", "resolved", "updated", "unchanged"))
    kept = args.records - tally.counts["ignored"]
    n = args.records
    print(f"replay: {n:,} CloudTrail records in {files} gzip log files ({size / 1e6:.1f} MB); "
          f"{kept:,} parsed whole, {changes:,} changes (best of {args.repeat}; records/s of CPU time)")  # fmt: skip
    print(f"  leftovers replay into SQLite       : {n / ours_cpu:10,.0f} records/s ({ours_cpu:.2f} s; wall {ours:.2f})")
    print(f"  gzip -dc to /dev/null (the floor)  : {n / raw_cpu:10,.0f} records/s ({raw_cpu:.2f} s; wall {raw:.2f})")
    print(f"  reading only, msgspec pre-filter   : {n / fast:10,.0f} records/s ({fast:.2f} s)")
    print(f"  reading only, stdlib json.loads    : {n / stdlib:10,.0f} records/s ({stdlib:.2f} s): "
          f"msgspec reads {stdlib / fast:.1f}x as fast")  # fmt: skip
    verdict = "PASS" if ratio >= TARGET else "FAIL"
    if args.records < MEASURED_FROM:  # the ratio of two sub-second timings says nothing
        verdict = f"n/a at smoke size (< {MEASURED_FROM:,} records)"
    print(f"  ratio {ratio:.0%} of the gzip rate (target >= {TARGET:.0%}): {verdict} (wall clock: {wall_ratio:.0%})")
    flat = rss_three - rss_one < 30
    print(f"  peak RSS {rss_one:.0f} MB after {args.records:,} records, {rss_three:.0f} MB after 3x as many "
          f"(flat: grows < 30 MB): {'PASS' if flat else 'FAIL'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
