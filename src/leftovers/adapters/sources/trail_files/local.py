"""Log files on disk: files named on the command line, and folders walked recursively in delivery-time order.

Each folder is listed on its own when the walk reaches it, so memory holds one folder's names, never the list of
every file (an organization's year of logs is millions of files).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from leftovers.adapters.sources.trail_files.layout import Selection, account_of, is_log_file, order_key
from leftovers.core.errors import LeftoversError


@dataclass(frozen=True, slots=True)
class LogFile:
    """A log file to replay: where it is, the account its path names, and how to read its bytes."""

    location: str
    account: str | None
    read: Callable[[], bytes]


def local_files(path: str, selection: Selection) -> Iterator[LogFile]:
    """The log file ``path`` names, or every wanted log file under the folder ``path``."""
    root = Path(path).expanduser()
    if root.is_file():
        yield _log_file(root)
        return
    if not root.is_dir():
        raise LeftoversError(f"{path}: no such file or folder")
    yield from _walk(root, selection)


def _walk(folder: Path, selection: Selection) -> Iterator[LogFile]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(((e.name, e.is_dir()) for e in listing), key=lambda e: order_key(e[0]))
    except OSError as exc:
        raise LeftoversError(f"{folder}: cannot list ({exc.strerror})") from None
    for name, is_dir in entries:
        child = folder / name
        if is_dir:
            if selection.wants_folder(child.parts):
                yield from _walk(child, selection)
        elif is_log_file(name):
            yield _log_file(child)


def _log_file(path: Path) -> LogFile:
    return LogFile(str(path), account_of(path.parts), lambda: _read(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LeftoversError(f"{path}: cannot read ({exc.strerror})") from None
