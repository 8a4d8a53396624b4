"""Slack mrkdwn text: escaping, widths as Slack counts them, and rich-text segments rendered as Slack syntax."""

from __future__ import annotations

import re

from leftovers.core.rich_text import Field, Link, Owner, Segment, neutralise, plain

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TABLE = str.maketrans(_ESCAPES)
# A Slack user id as the config maps it; anything else is shown as the owner's name, never as markup. Both patterns
# are used with fullmatch: "$" would let a final newline through.
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")
# A link Slack renders as <url|label>: https only, and nothing that could close the markup early.
_SAFE_URL = re.compile(r"^https://[^\s<>|\x00-\x1f\x7f]{1,1000}$")
MAX_SEGMENT_CHARS = 200
"""One name, tag or id in a line: long enough to read, short enough that a line of them fits Slack's limits."""
SEPARATOR = " · "


def width(text: str) -> int:
    """Length as Slack counts it (UTF-16 code units), so characters outside the BMP count twice."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def fit(text: str, limit: int, *, mrkdwn: bool = True) -> str:
    """``text`` on one line, neutralised and escaped for mrkdwn (when asked), cut with an ellipsis to ``limit``."""
    escapes = _ESCAPES if mrkdwn else {}
    text = neutralise(text)
    whole = text.translate(_TABLE) if mrkdwn else text
    if width(whole) <= limit:
        return whole
    pieces: list[str] = []
    used = 0
    for ch in text:  # escape piece by piece, so a cut never splits an entity like "&amp;"
        piece = escapes.get(ch, ch)
        if used + width(piece) > limit - 1:
            break
        pieces.append(piece)
        used += width(piece)
    return "".join(pieces) + "…"


def segment(seg: Segment, limit: int = MAX_SEGMENT_CHARS) -> str:
    """One segment as mrkdwn: text escaped, a mapped owner as a mention, a safe link as a link."""
    if isinstance(seg, Owner):
        user = seg.handle("slack")
        return f"<@{user}>" if user and _USER_ID.fullmatch(user) else fit(seg.name, limit)
    if isinstance(seg, Link):
        label = fit(seg.label, limit)
        return f"<{seg.url.replace('&', '&amp;')}|{label}>" if _SAFE_URL.fullmatch(seg.url) else label
    return fit(seg, limit)


def fields(line: tuple[Field, ...], limit: int) -> str:
    """A line of fields as mrkdwn, at most ``limit`` wide (as plain text, cut, if the markup would not fit)."""
    text = SEPARATOR.join("".join(segment(s) for s in f) for f in line)
    if width(text) <= limit:
        return text
    return fit(SEPARATOR.join(plain(f) for f in line), limit)


def heading(label: Segment, suffix: str) -> str:
    """A group's heading: the type or owner in bold (a mapped owner as a mention), then ``suffix``."""
    if isinstance(label, Owner) and segment(label).startswith("<@"):
        return f"{segment(label)} {suffix}"
    name = label if isinstance(label, str) else plain((label,))
    return f"*{fit(name, MAX_SEGMENT_CHARS)}* {suffix}"
