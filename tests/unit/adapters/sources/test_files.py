"""Reading event files: JSON Lines streamed a line at a time, documents whole, every problem named by line."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from leftovers.adapters.sources.files import read_events


class Lines(io.RawIOBase):
    """A byte stream of JSON Lines that counts how many lines were read."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.read_lines = 0

    def __iter__(self) -> Iterator[bytes]:  # type: ignore[override]
        for n in range(self.count):
            self.read_lines += 1
            yield json.dumps({"n": n}).encode() + b"\n"


def test_json_lines_are_consumed_lazily() -> None:
    source = Lines(1_000_000)
    events = read_events("-", source)  # type: ignore[arg-type]
    first = [next(events) for _ in range(3)]
    assert [e.event for e in first] == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert source.read_lines <= 4  # the first line once more at most, never the whole input


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a": 1}\n\n{"b": 2}\n', [("<stdin>:1", {"a": 1}), ("<stdin>:3", {"b": 2})]),
        (b'[{"a": 1}, {"b": 2}]', [("<stdin>[0]", {"a": 1}), ("<stdin>[1]", {"b": 2})]),
        (b'\n{\n  "a": 1\n}\n', [("<stdin>", {"a": 1})]),
        (b'\xef\xbb\xbf{"a": 1}\n', [("<stdin>:1", {"a": 1})]),
        (b"garbage\n" + b'{"a": 1}\n', [("<stdin>:1", None), ("<stdin>:2", {"a": 1})]),
    ],
)
def test_shapes_and_locations(data: bytes, expected: list[tuple[str, object]]) -> None:
    assert [(e.location, e.event) for e in read_events("-", io.BytesIO(data))] == expected  # type: ignore[arg-type]


def test_a_broken_document_is_named_at_its_line() -> None:
    (only,) = read_events("-", io.BytesIO(b'\n{\n  "a": 1,\n  oops\n}\n'))  # type: ignore[arg-type]
    assert only.location == "<stdin>:4"
    assert only.error is not None
    assert only.error.startswith("not valid JSON")


@pytest.mark.parametrize("binary", [True, False], ids=["file", "text stream"])
def test_blank_lines_of_any_whitespace_between_json_lines_are_skipped_and_numbering_kept(binary: bool) -> None:
    event = json.dumps({"detail-type": "x", "source": "y"})
    text = f"{event}\n\n \t\r\n\x0b\x0c\n{event}\n   \n{event}\n"
    stream = io.BytesIO(text.encode()) if binary else io.StringIO(text)
    found = list(read_events("-", stream))
    assert [(r.location, r.error) for r in found] == [("<stdin>:1", None), ("<stdin>:5", None), ("<stdin>:7", None)]
