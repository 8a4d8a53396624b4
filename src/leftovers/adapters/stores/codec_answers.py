"""Answers in a stored row: one compact JSON list of ``[time, by, kind, ref, until, owner]``, oldest first."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from leftovers.core.model import Answer


def encode_answers(
    answers: tuple[Answer, ...], dumps: Callable[[object], str], encode_time: Callable[[datetime], str | None]
) -> str:
    """The JSON text of a record's answers, with the codec's JSON encoder and time format (it imports this module)."""
    rows = [[encode_time(a.at), a.by, a.kind, a.ref, a.until and a.until.isoformat(), a.owner] for a in answers]
    return dumps(rows)


def decode_answers(text: str) -> tuple[Answer, ...]:
    """Inverse of ``encode_answers``."""
    return tuple(
        Answer(datetime.fromisoformat(at), by, kind, ref, date.fromisoformat(until) if until else None, owner)
        for at, by, kind, ref, until, owner in json.loads(text)
    )
