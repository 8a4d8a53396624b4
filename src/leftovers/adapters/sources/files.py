"""Read events from files: one JSON event, a JSON array of events, or JSON Lines; ``-`` is standard input.

JSON Lines are streamed a line at a time, so memory stays flat however large the file; a single JSON document (an
array, a pretty-printed event) is read whole. A UTF-8 byte-order mark is accepted. Whatever cannot be read (invalid
UTF-8, invalid JSON, nesting or numbers past the parser's limits) comes back as an error naming its line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import IO, Any, AnyStr

from leftovers.adapters.sources.config_fast import config_change_fields
from leftovers.core.errors import LeftoversError

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One event as read, with where it was (``file:line`` or ``file[index]``) or why it could not be read.

    A JSON line holding an EventBridge Config change keeps only the fields its parser reads (``config_fast``).
    """

    location: str
    event: Any = None
    error: str | None = None


def read_events(path: str, stdin: IO[Any] | None = None) -> Iterator[RawEvent]:
    """Every event in ``path``; unreadable parts come back as RawEvent with ``error`` set, never as exceptions."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        stream = stdin or sys.stdin
        yield from _events(name, getattr(stream, "buffer", stream))  # bytes when it can: bad UTF-8 is named
        return
    try:
        with open(path, "rb") as file:
            yield from _events(name, file)
    except FileNotFoundError:
        raise LeftoversError(f"{path}: no such file") from None
    except OSError as exc:
        raise LeftoversError(f"{path}: cannot read ({exc.__class__.__name__}: {exc.strerror or exc})") from None


def _events(name: str, lines: Iterable[AnyStr]) -> Iterator[RawEvent]:
    numbered = enumerate(lines, start=1)
    for number, line in numbered:
        if number == 1:
            line = _without_bom(line)
        if not line.strip():
            continue
        first, error, _ = _load(line)
        if (error is None and not isinstance(first, list)) or not _may_start_a_document(line):
            yield from _json_lines(name, chain([(number, line)], numbered))
        else:
            yield from _document(name, number, line[:0].join(chain([line], (rest for _, rest in numbered))))
        return
    yield RawEvent(name, error="no events in it (it is empty or blank)")


def _without_bom(line: AnyStr) -> AnyStr:
    if isinstance(line, bytes):
        return line[3:] if line.startswith(BOM) else line
    return line[1:] if line.startswith("\ufeff") else line


def _may_start_a_document(line: AnyStr) -> bool:
    """An array, or an object that does not end on its first line (pretty-printed): read as one document."""
    text = line.strip()
    return text[:1] in ("[", b"[") or (text[:1] in ("{", b"{") and text[-1:] not in ("}", b"}"))


def _parses(line: AnyStr) -> bool:
    return _load(line)[1] is None


def _load(text: AnyStr) -> tuple[Any, str | None, int]:
    """The parsed value, or why it is not JSON (one line) and on which line of ``text`` (0: the first)."""
    try:
        return json.loads(text), None, 0
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg}, column {exc.colno})", exc.lineno - 1
    except UnicodeDecodeError as exc:
        bad = exc.object[exc.start : exc.start + 1]
        line = exc.object.count(b"\n", 0, exc.start)
        column = exc.start - (exc.object.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, f"not valid UTF-8 (byte {bad.hex()} at column {column})", line
    except RecursionError:
        return None, "not valid JSON (nested too deeply)", 0
    except ValueError as exc:  # an integer of more digits than Python converts
        try:
            # Read it as a number too large to use, so the source that reads the field can name it (or ignore it).
            return json.loads(text, parse_int=_int_or_huge), None, 0
        except (ValueError, RecursionError):
            return None, f"not valid JSON ({str(exc).split(':')[0].lower()})", 0


class HugeNumber(float):
    """An integer of thousands of digits, as infinity: no real setting has it, and converting it costs time."""

    def __new__(cls, digits: int) -> HugeNumber:
        number = super().__new__(cls, "inf")
        number.digits = digits
        return number

    digits: int

    def __repr__(self) -> str:
        return f"a number of {self.digits} digits"


def _int_or_huge(text: str) -> int | float:
    return int(text) if len(text) < 4000 else HugeNumber(len(text.lstrip("-")))


def _json_lines(name: str, numbered: Iterable[tuple[int, AnyStr]]) -> Iterator[RawEvent]:
    for number, line in numbered:
        if not line or line.isspace():  # not line.strip(), which copies every line to find the blank ones
            continue
        fields = config_change_fields(line) if isinstance(line, bytes) else None
        if fields is not None:
            yield RawEvent(f"{name}:{number}", event=fields)
            continue
        event, error, _ = _load(line)
        yield RawEvent(f"{name}:{number}", event=event, error=error)


def _document(name: str, first: int, text: AnyStr) -> Iterator[RawEvent]:
    whole, error, line = _load(text)
    if error is not None:
        if error.startswith("not valid JSON (Extra data") or _second_line_parses(text):
            yield from _json_lines(name, enumerate(text.splitlines(), start=first))
        else:
            yield RawEvent(f"{name}:{first + line}", error=error)
        return
    if isinstance(whole, list):
        yield from (RawEvent(f"{name}[{i}]", event=e) for i, e in enumerate(whole))
    else:
        yield RawEvent(name, event=whole)


def _second_line_parses(text: AnyStr) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and _parses(lines[1])
