"""Read events from files: one JSON event, a JSON array of events, or JSON Lines; ``-`` is standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from leftovers.core.errors import LeftoversError


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One event as read, with where it was (``file:line`` or ``file[index]``) or why it could not be read."""

    location: str
    event: Any = None
    error: str | None = None


def read_events(path: str, stdin: TextIO | None = None) -> Iterator[RawEvent]:
    """Every event in ``path``; unreadable parts come back as RawEvent with ``error`` set, never as exceptions."""
    name = "<stdin>" if path == "-" else path
    text = _read(path, stdin)
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" or _first_line_parses(text):
            yield from _json_lines(name, text)
        else:
            yield RawEvent(f"{name}:{exc.lineno}", error=f"not valid JSON ({exc.msg}, column {exc.colno})")
        return
    if isinstance(whole, list):
        yield from (RawEvent(f"{name}[{i}]", event=e) for i, e in enumerate(whole))
    else:
        yield RawEvent(name, event=whole)


def _read(path: str, stdin: TextIO | None) -> str:
    if path == "-":
        return (stdin or sys.stdin).read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LeftoversError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LeftoversError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None


def _first_line_parses(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _json_lines(name: str, text: str) -> Iterator[RawEvent]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield RawEvent(f"{name}:{number}", event=json.loads(line))
        except json.JSONDecodeError as exc:
            yield RawEvent(f"{name}:{number}", error=f"not valid JSON ({exc.msg}, column {exc.colno})")
