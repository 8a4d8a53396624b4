"""A digest as Slack Block Kit messages, split so that each message stays inside Slack's limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from leftovers.core.digest import Digest
from leftovers.core.model import ResourceKey
from leftovers.core.ports import Message

# Documented Block Kit limits (docs.slack.dev: blocks per message, section text, header text).
MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
# Our own caps: the fallback `text` is a summary, and one absurd name must never fill a whole section.
MAX_FALLBACK_CHARS = 3000
MAX_LINE_CHARS = 2000
MAX_TYPE_CHARS = 200
# Slack also rejects a message whose blocks add up to ~12,000 characters (`msg_blocks_too_long`, undocumented; see
# slackapi/bolt-js#2509 and #2867, where one was refused at 11,341), so the default budget leaves a wide margin.
DEFAULT_MESSAGE_CHARS = 8000
MIN_MESSAGE_CHARS = MAX_SECTION_CHARS + MAX_HEADER_CHARS
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# A name or tag may hold newlines or control characters; one resource must stay one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def width(text: str) -> int:
    """Length as Slack counts it (UTF-16 code units), so characters outside the BMP count twice."""
    return len(text.encode("utf-16-le")) // 2


def fit(text: str, limit: int, *, mrkdwn: bool = True) -> str:
    """``text`` on one line, escaped for mrkdwn (when asked), and cut with an ellipsis to at most ``limit`` wide."""
    escapes = _ESCAPES if mrkdwn else {}
    text = _CONTROL.sub(" ", text)
    whole = "".join(escapes.get(ch, ch) for ch in text) if mrkdwn else text
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


@dataclass
class _Page:
    """The sections, keys and per-type counts of one message under construction."""

    sections: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    keys: list[ResourceKey] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    chars: int = 0
    last_type: str | None = None

    def extend(self, rtype: str, line: str, budget: int) -> bool:
        """Append ``line`` to the last section if it shows this type and both limits allow."""
        grow = 1 + width(line)
        if self.last_type != rtype or self.widths[-1] + grow > MAX_SECTION_CHARS or self.chars + grow > budget:
            return False
        self.sections[-1].append(line)
        self.widths[-1] += grow
        self.chars += grow
        return True

    def open(self, rtype: str, lines: list[str], budget: int) -> bool:
        """Start a new section with ``lines`` if the block count and the budget allow."""
        size = width("\n".join(lines))
        # One block of every message is its header.
        if self.sections and (len(self.sections) + 2 > MAX_BLOCKS or self.chars + size > budget):
            return False
        self.sections.append(lines)
        self.widths.append(size)
        self.chars += size
        self.last_type = rtype
        return True


def _pages(digest: Digest, budget: int) -> list[_Page]:
    pages = [_Page()]
    for rtype, entries in digest.groups():
        heading = f"*{fit(rtype, MAX_TYPE_CHARS)}*"
        for n, entry in enumerate(entries):
            line = "• " + fit(digest.line(entry), MAX_LINE_CHARS)
            page = pages[-1]
            if not page.extend(rtype, line, budget):
                if page.last_type == rtype and page.open(rtype, [line], budget):
                    pass  # the same group goes on in a new section of the same message: no second heading
                else:
                    label = f"{heading} ({'continued' if n else len(entries)})"
                    if not page.open(rtype, [label, line], budget):
                        page = _Page()
                        pages.append(page)
                        page.open(rtype, [label, line], budget)
            page.keys.append(entry.resource.key)
            page.counts[rtype] = page.counts.get(rtype, 0) + 1
    return pages


def render_messages(digest: Digest, *, message_chars: int = DEFAULT_MESSAGE_CHARS) -> list[Message]:
    """The digest as Block Kit messages; every entry appears in exactly one, in digest order."""
    if message_chars < MIN_MESSAGE_CHARS:
        raise ValueError(f"message_chars must be at least {MIN_MESSAGE_CHARS}")
    if not digest.entries:
        return []
    pages = _pages(digest, message_chars - MAX_HEADER_CHARS)
    title = digest.title()
    messages = []
    for i, page in enumerate(pages, 1):
        part = f" · part {i}/{len(pages)}" if len(pages) > 1 else ""
        header = fit(title, MAX_HEADER_CHARS - width(part), mrkdwn=False) + part
        summary = ", ".join(f"{count} {rtype}" for rtype, count in page.counts.items())
        text = fit(f"{title}{part}: {summary}", MAX_FALLBACK_CHARS)
        blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": header}}]
        blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(s)}} for s in page.sections]
        messages.append(Message(keys=tuple(page.keys), text=text, payload={"text": text, "blocks": blocks}))
    footer = digest.footer()
    if footer:
        _add_footer(messages, fit(footer, MAX_SECTION_CHARS))
    return messages


def _add_footer(messages: list[Message], footer: str) -> None:
    """The monthly total closes the last message, or a message of its own when the last one is full."""
    block = {"type": "context", "elements": [{"type": "mrkdwn", "text": footer}]}
    last = messages[-1]
    blocks = list(last.payload["blocks"])
    if len(blocks) < MAX_BLOCKS:
        messages[-1] = Message(keys=last.keys, text=last.text, payload={**last.payload, "blocks": [*blocks, block]})
    else:
        messages.append(Message(keys=(), text=footer, payload={"text": footer, "blocks": [block]}))
