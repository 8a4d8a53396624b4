"""What the policy already worked out about a record, by the identity of what it read: records are immutable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Memo:
    """Values keyed by the identity of the objects they were computed from.

    A report or a digest asks about one record several times in a row (deadline, owner, keep date, problem...),
    once reading its tags 8 times and its ignore rules 6 times. Only the last record is kept, so a long-lived
    policy (a warm Lambda) holds nothing; within ``remembering`` every record is, for a run that passes over the
    same records more than once.
    """

    def __init__(self) -> None:
        self._found: dict[int, tuple[tuple[object, ...], Any]] = {}
        self._depth = 0

    def get(self, held: tuple[object, ...]) -> tuple[bool, Any]:
        """``(True, value)`` if ``held`` was seen (the same objects, or equal ones: the value depends on them
        alone), else ``(False, None)``."""
        known = self._found.get(id(held[0]))
        # The memo holds what it keys by, so an id cannot be reused by another object while it is here; the tuple
        # comparison runs in C and tries identity first, which is what matches on a run's repeated questions.
        if known is not None and known[0] == held:
            return True, known[1]
        return False, None

    def put(self, held: tuple[object, ...], value: Any) -> None:
        """Remember ``value`` for ``held`` (alone, outside ``remembering``)."""
        if not self._depth:
            self._found.clear()
        self._found[id(held[0])] = (held, value)

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Keep every value within this block; forget them all when the outermost block ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth:
                self._found.clear()
