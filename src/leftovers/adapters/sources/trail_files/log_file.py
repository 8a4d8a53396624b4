"""One CloudTrail log file (``{"Records": [...]}``, gzip or not): the records that can matter, fully parsed, and
a count of the rest, which are skipped before being parsed whole.

About 2% of management events create or delete something. msgspec splits the document into raw records and reads
only a few head fields of each (bench/replay.py: about 4 times json.loads' rate); only records whose event name is
mapped, and that are neither read-only nor failed, are decoded in full.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any

import msgspec

from leftovers.core.errors import LeftoversError

GZIP_MAGIC = b"\x1f\x8b"


class NotATrailLog(LeftoversError):
    """Valid JSON, but not a ``{"Records": [...]}`` document (perhaps Config history: the caller may try that)."""

    def __init__(self, location: str, text: bytes, problem: str) -> None:
        super().__init__(f"{location}: not a CloudTrail log file ({problem})")
        self.text = text


class _Document(msgspec.Struct):
    Records: list[msgspec.Raw]


class _Head(msgspec.Struct):
    """The fields that decide whether a record can matter; any type, so odd values reach the parser's checks."""

    eventName: Any = None
    readOnly: Any = None
    errorCode: Any = None


_DOCUMENT = msgspec.json.Decoder(_Document)
_HEAD = msgspec.json.Decoder(_Head)
_WHOLE = msgspec.json.Decoder()


@dataclass(slots=True)
class LogRecords:
    """What one log file holds: the records that can matter (index, record), how many were skipped, and the
    records that are not JSON objects (index, why)."""

    total: int = 0
    wanted: list[tuple[int, Any]] = field(default_factory=list)
    skipped: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)


def decompress(data: bytes, location: str) -> bytes:
    """``data`` as JSON text: gunzipped when it starts with gzip's magic bytes."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise LeftoversError(f"{location}: not a readable gzip file ({exc})") from None


def log_records(data: bytes, location: str, names: Set[str]) -> LogRecords:
    """The records of a log file's bytes whose event name is in ``names`` and that are neither read-only nor
    failed; a file that is not a ``{"Records": [...]}`` JSON document is a LeftoversError naming ``location``."""
    text = decompress(data, location)
    try:
        raws = _DOCUMENT.decode(text).Records
    except msgspec.ValidationError as exc:
        raise NotATrailLog(location, text, str(exc)) from None
    except msgspec.DecodeError as exc:
        raise LeftoversError(f"{location}: not valid JSON ({exc})") from None
    found = LogRecords(total=len(raws))
    for index, raw in enumerate(raws):
        try:
            head = _HEAD.decode(raw)
        except msgspec.ValidationError:
            found.bad.append((index, "not a JSON object"))
            continue
        name = head.eventName
        if type(name) is str and (name not in names or head.readOnly in (True, "true") or head.errorCode):
            found.skipped += 1
            continue
        found.wanted.append((index, _WHOLE.decode(raw)))  # a missing or odd eventName: the parser says what is wrong
    return found
