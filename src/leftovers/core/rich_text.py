"""Notifier-neutral rich text: plain words, owners and links that each notifier renders in its own syntax.

The core never writes channel syntax (a Slack ``<@U…>``, an HTML ``<a>``): it hands over these pieces, and each
notifier escapes the plain text first, then renders owners as mentions and links as links where it can.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters (a newline would forge a row), bidi overrides and isolates (they reorder what is shown), and
# zero-width characters (they make two names look alike): none may reach a person from a resource's own text.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


def neutralise(text: str) -> str:
    """``text`` on one line and as it reads: control characters become spaces, invisible ones are dropped."""
    if text.isascii() and text.isprintable():  # the common case, at C speed
        return text
    return _CONTROL.sub(" ", _INVISIBLE.sub("", text))


@dataclass(frozen=True, slots=True)
class Owner:
    """Who a leftover belongs to: the name to show, and per-channel handles (``("slack", "U0TARO1234")``)."""

    name: str
    handles: tuple[tuple[str, str], ...] = ()

    def handle(self, channel: str) -> str | None:
        """The owner's handle on ``channel`` (e.g. a Slack user id), or ``None`` when unknown."""
        return next((h for c, h in self.handles if c == channel), None)


@dataclass(frozen=True, slots=True)
class Link:
    """A link to show as ``label`` where the channel can (a console page); plain ``label`` elsewhere."""

    url: str
    label: str


Segment = str | Owner | Link
"""A piece of a line: plain text (escaped by the notifier), an owner (a mention where known) or a link."""
Field = tuple[Segment, ...]
"""One fact of a line ("created … (3d ago)", "owner …"); a notifier joins fields with its separator."""


def plain(segments: Iterable[Segment]) -> str:
    """The segments as plain text: owners by name, links by label."""
    return "".join(s if isinstance(s, str) else s.name if isinstance(s, Owner) else s.label for s in segments)


def plain_line(fields: Iterable[Field], separator: str = " · ") -> str:
    """A line of fields as plain text (a notifier still neutralises it before showing it)."""
    return separator.join(plain(f) for f in fields)
