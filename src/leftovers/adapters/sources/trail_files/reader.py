"""Log files to lifecycle changes, streamed: one file in memory at a time, every bad record named and counted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import msgspec

from leftovers.adapters.sources.base import Parsed
from leftovers.adapters.sources.config_history import history_items, is_config_history, parse_config_item
from leftovers.adapters.sources.trail_files.local import LogFile
from leftovers.adapters.sources.trail_files.log_file import NotATrailLog, log_records
from leftovers.core.errors import EventRejected, LeftoversError
from leftovers.core.model import ResourceChange

RecordParser = Callable[[Mapping[str, Any], str | None], Parsed]
MAX_NAMED = 200  # rejections kept word for word; past that only counted, so a bad bucket cannot fill memory


@dataclass(slots=True)
class Tally:
    """What a replay went through: files and records read, records ignored, and what was rejected, and where."""

    files: int = 0
    records: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    rejections: list[str] = field(default_factory=list)

    def reject(self, where: str, why: str) -> None:
        """Count a rejection; name it while fewer than MAX_NAMED were named."""
        self.counts["rejected"] += 1
        if len(self.rejections) < MAX_NAMED:
            self.rejections.append(f"{where}: rejected: {why}")

    def take(self, where: str, parse: Callable[[], Parsed]) -> tuple[ResourceChange, ...]:
        """The changes ``parse()`` finds; a rejection (named by ``where``) or an ignored event is counted instead."""
        try:
            parsed = parse()
        except EventRejected as exc:
            self.reject(where, str(exc))
            return ()
        if parsed.ignored is not None:
            self.counts["ignored"] += 1
        return parsed.changes

    @property
    def unnamed(self) -> int:
        """Rejections counted but not named."""
        return self.counts["rejected"] - len(self.rejections)


def trail_changes(
    files: Iterable[LogFile], names: Set[str], parse: RecordParser, tally: Tally
) -> Iterator[ResourceChange]:
    """The changes every record of ``files`` makes; a file that cannot be read is one rejection, a bad record
    another, and neither stops the replay."""
    for log in files:
        try:
            found = log_records(log.read(), log.location, names)
        except NotATrailLog as other:
            yield from _config_history(log.location, other, tally)
            continue
        except LeftoversError as exc:
            tally.reject(log.location, str(exc).removeprefix(f"{log.location}: "))
            continue
        tally.files += 1
        tally.records += found.total
        tally.counts["ignored"] += found.skipped
        bad = dict(found.bad)
        wanted = sorted([*found.wanted, *((index, None) for index in bad)], key=itemgetter(0))  # in file order
        for index, record in wanted:
            if index in bad:
                tally.reject(f"{log.location}[{index}]", bad[index])
                continue
            yield from tally.take(f"{log.location}[{index}]", lambda: parse(record, log.account))  # noqa: B023 (called at once)


def _config_history(location: str, other: NotATrailLog, tally: Tally) -> Iterator[ResourceChange]:
    """A Config history file (or GetResourceConfigHistory output) met among the logs: every item counts."""
    try:
        document = msgspec.json.decode(other.text)
    except msgspec.DecodeError as exc:
        tally.reject(location, f"not valid JSON ({exc})")
        return
    if not is_config_history(document):
        tally.reject(location, str(other).removeprefix(f"{location}: ") + " nor AWS Config history")
        return
    tally.files += 1
    for index, item in history_items(document):
        tally.records += 1
        yield from tally.take(f"{location}[{index}]", lambda: parse_config_item(item))  # noqa: B023 (called at once)
