"""Where a key sits in a TOML text: tomllib gives values but no positions, so errors find the line by scanning."""

from __future__ import annotations

import re
from collections import Counter

from leftovers.core.errors import SettingsError

Path = tuple[str | int, ...]
_ARRAY_HEADER = re.compile(r"^\[\[\s*([^\[\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\[\s*([^\[\]]+?)\s*\]")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$")


class ConfigFileError(SettingsError):
    """A config file key with a bad value; the message names the file, the line (when found) and the key."""

    def __init__(self, source: str, line: int | None, key: str, problem: str) -> None:
        super().__init__(key, problem)
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.setting}: {self.problem}" if self.setting else f"{where}: {self.problem}"


def syntax_error(source: str, message: str) -> ConfigFileError:
    """A tomllib syntax error as one line, with its position moved to the front like every other error."""
    found = _TOML_POSITION.search(message)
    line = int(found.group(1)) if found else None
    return ConfigFileError(source, line, "", f"invalid TOML: {_TOML_POSITION.sub('', message)}")


def dotted(path: Path) -> str:
    """``("ignore", 2, "name_regex")`` -> ``ignore[2].name_regex``; keys that are not bare are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if _BARE_KEY.match(part) else f'"{part}"'
            out += f".{text}" if out else text
    return out


def line_of(text: str, path: Path) -> int | None:
    """The line that sets ``path``; when it is not found as written (an inline table), the line of its parent."""
    while path:
        found = _exact_line(text.splitlines(), path)
        if found is not None:
            return found
        path = path[:-1]
    return None


def _exact_line(lines: list[str], path: Path) -> int | None:
    """The line assigning ``path``'s last key inside its table or array entry, or an entry's header line.

    An entry is known by its header and the index of every array entry it sits in (``override[1].ignore[0]`` is
    header ``override.ignore`` at ``(1, 0)``): a nested array's entries are counted within their parent's entry.
    """
    key = path[-1] if isinstance(path[-1], str) else None
    container = path[:-1] if key is not None else path
    header = ".".join(p for p in container if isinstance(p, str))
    indices = tuple(p for p in container if isinstance(p, int))
    current: tuple[str, tuple[int, ...]] = ("", ())
    latest: dict[str, tuple[int, ...]] = {}  # array header -> the indices of its last entry so far
    counts = Counter[tuple[str, tuple[int, ...]]]()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if found := _ARRAY_HEADER.match(line):
            name = found.group(1)
            parent = _enclosing(name, latest)
            counts[(name, parent)] += 1
            latest[name] = (*parent, counts[(name, parent)] - 1)
            current = (name, latest[name])
            if key is None and current == (header, indices):
                return number
        elif found := _TABLE_HEADER.match(line):
            current = (found.group(1), _enclosing(found.group(1), latest))
        elif key is not None and current == (header, indices) and _assigns(line, key):
            return number
    return None


def _enclosing(name: str, latest: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The indices of the innermost array entry a header ``name`` sits in (``()`` at the top)."""
    parts = name.split(".")
    return next((latest[p] for k in range(len(parts) - 1, 0, -1) if (p := ".".join(parts[:k])) in latest), ())


def _assigns(line: str, key: str) -> bool:
    quoted = re.escape(key)
    return re.match(rf"""^(?:{quoted}|"{quoted}"|'{quoted}')\s*=""", line) is not None
