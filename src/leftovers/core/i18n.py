"""The digest's words in each supported language; English is the default and the fallback for an unknown one."""

from __future__ import annotations

from datetime import timedelta
from string import Formatter

from leftovers.core.i18n_strings import STRINGS
from leftovers.core.rich_text import Field, Link, Owner

_FORMATTER = Formatter()


def _template(language: str, key: str) -> str:
    # A missing key is a bug the both-languages test catches: no silent English inside a Japanese digest.
    return STRINGS.get(language, STRINGS["en"])[key]


def text(language: str, key: str, **values: object) -> str:
    """The string ``key`` in ``language``, formatted."""
    return _template(language, key).format(**values)


def segments(language: str, key: str, **values: object) -> Field:
    """The string ``key`` as rich-text segments: owners and links stay pieces a notifier renders itself."""
    out: list[str | Owner | Link] = []
    for literal, name, spec, conversion in _FORMATTER.parse(_template(language, key)):
        if literal:
            out.append(literal)
        if name is None:
            continue
        value = values[name]
        if isinstance(value, Owner | Link):
            out.append(value)
        else:
            value = _FORMATTER.convert_field(value, conversion) if conversion else value
            out.append(format(value, spec or ""))
    return tuple(out)


def age(language: str, span: timedelta) -> str:
    """A short human age: ``3d 4h`` / ``3日4時間``."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return text(language, "age_days", d=days, h=hours)
    if hours:
        return text(language, "age_hours", h=hours, m=mins)
    return text(language, "age_minutes", m=mins)
