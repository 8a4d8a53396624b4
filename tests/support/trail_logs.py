"""CloudTrail log files laid out as a trail delivers them, for replay tests (local folders and moto's S3)."""

from __future__ import annotations

import copy
import gzip
import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.support.events import load_event


def log_key(account: str, region: str, day: date, unique: str = "Mu0KsOhtH1ar15ZZ", org: str | None = None) -> str:
    """The key CloudTrail gives a log file delivered on ``day`` at 02:10 UTC."""
    folder = f"AWSLogs/{org + '/' if org else ''}{account}/CloudTrail/{region}/{day:%Y/%m/%d}"
    return f"{folder}/{account}_CloudTrail_{region}_{day:%Y%m%d}T0210Z_{unique}.json.gz"


def digest_key(account: str, region: str, day: date) -> str:
    """Where the digest file of the same hour goes (replay must skip it)."""
    folder = f"AWSLogs/{account}/CloudTrail-Digest/{region}/{day:%Y/%m/%d}"
    return f"{folder}/{account}_CloudTrail-Digest_{region}_trail_{region}_{day:%Y%m%d}T021000Z.json.gz"


def log_bytes(records: list[Any], compress: bool = True) -> bytes:
    """A log file's bytes: compact JSON as CloudTrail writes it, gzip-compressed as S3 stores it."""
    text = json.dumps({"Records": records}, separators=(",", ":")).encode()
    return gzip.compress(text) if compress else text


def record(fixture: str, **changes: Any) -> dict[str, Any]:
    """A bare record: a ``trail_record_*`` fixture, or the ``detail`` of an EventBridge one, with ``changes``."""
    event = copy.deepcopy(load_event(fixture))
    return {**event.get("detail", event), **changes}


def write(root: Path, key: str, data: bytes) -> Path:
    """Write ``data`` at ``root/key``, creating folders."""
    path = root / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
