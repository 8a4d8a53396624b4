"""A digest as Slack Block Kit messages, split so that each message stays inside Slack's limits."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from leftovers.adapters.notifiers.slack.text import fields, fit, heading, width
from leftovers.core import i18n
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import ResourceKey
from leftovers.core.ports import Message
from leftovers.core.rich_text import plain

# Documented Block Kit limits (docs.slack.dev: blocks per message, section text, header text).
MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
# Our own caps: the fallback `text` is a summary, and one absurd name must never fill a whole section.
MAX_FALLBACK_CHARS = 3000
MAX_LINE_CHARS = 2000
# Slack also rejects a message whose blocks add up to ~12,000 characters (`msg_blocks_too_long`, undocumented; see
# slackapi/bolt-js#2509 and #2867, where one was refused at 11,341), so the default budget leaves a wide margin.
DEFAULT_MESSAGE_CHARS = 8000
MIN_MESSAGE_CHARS = MAX_SECTION_CHARS + 2 * MAX_HEADER_CHARS


def render_line(digest: Digest, entry: DigestEntry) -> str:
    """One entry as a bullet line of mrkdwn: user text escaped, owners as mentions, console links as links."""
    return "• " + fields(digest.line(entry), MAX_LINE_CHARS)


@dataclass
class _Page:
    """The sections, keys and per-type counts of one message under construction."""

    reserved: int  # blocks every message spends besides its sections (header, scope)
    sections: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    keys: list[ResourceKey] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    chars: int = 0
    last_group: int | None = None

    def extend(self, group: int, line: str, budget: int) -> bool:
        """Append ``line`` to the last section if it shows this group and both limits allow."""
        grow = 1 + width(line)
        if self.last_group != group or self.widths[-1] + grow > MAX_SECTION_CHARS or self.chars + grow > budget:
            return False
        self.sections[-1].append(line)
        self.widths[-1] += grow
        self.chars += grow
        return True

    def open(self, group: int, lines: list[str], budget: int) -> bool:
        """Start a new section with ``lines`` if the block count and the budget allow."""
        size = width("\n".join(lines))
        if self.sections and (len(self.sections) + 1 + self.reserved > MAX_BLOCKS or self.chars + size > budget):
            return False
        self.sections.append(lines)
        self.widths.append(size)
        self.chars += size
        self.last_group = group
        return True


def _pages(digest: Digest, budget: int, reserved: int) -> list[_Page]:
    pages = [_Page(reserved)]
    continued = f"({i18n.text(digest.language, 'continued')})"
    for group, (label, entries) in enumerate(digest.groups()):
        for n, entry in enumerate(entries):
            line = render_line(digest, entry)
            page = pages[-1]
            if not page.extend(group, line, budget):
                if page.last_group == group and page.open(group, [line], budget):
                    pass  # the same group goes on in a new section of the same message: no second heading
                else:
                    title = heading(label, continued if n else f"({len(entries)})")
                    if not page.open(group, [title, line], budget):
                        page = _Page(reserved)
                        pages.append(page)
                        page.open(group, [title, line], budget)
            page.keys.append(entry.resource.key)
            page.counts[entry.resource.key.resource_type] += 1
    return pages


def render_messages(digest: Digest, *, message_chars: int = DEFAULT_MESSAGE_CHARS) -> list[Message]:
    """The digest as Block Kit messages; every entry appears in exactly one, in digest order."""
    if message_chars < MIN_MESSAGE_CHARS:
        raise ValueError(f"message_chars must be at least {MIN_MESSAGE_CHARS}")
    if not digest.entries:
        return []
    scope = digest.scope()
    top: list[dict[str, Any]] = [_context(fields((scope,), MAX_HEADER_CHARS))] if scope else []
    pages = _pages(digest, message_chars - 2 * MAX_HEADER_CHARS, 1 + len(top))
    title = digest.title()
    messages = []
    for i, page in enumerate(pages, 1):
        part = i18n.text(digest.language, "part", i=i, n=len(pages)) if len(pages) > 1 else ""
        header = fit(title, MAX_HEADER_CHARS - width(part), mrkdwn=False) + part
        summary = ", ".join(f"{count} {rtype}" for rtype, count in page.counts.items())
        text = fit(f"{title}{part}: {summary}", MAX_FALLBACK_CHARS)
        blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": header}}, *top]
        blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(s)}} for s in page.sections]
        messages.append(Message(keys=tuple(page.keys), text=text, payload={"text": text, "blocks": blocks}))
    closing = [line for line in (digest.footer(), *digest.warnings()) if line]
    if closing:
        _add_footer(messages, fit_lines(closing, MAX_SECTION_CHARS))
    return messages


def fit_lines(lines: list[str], limit: int) -> str:
    """Lines escaped one by one, then as many as fit in ``limit`` (the first always, cut if it must be)."""
    out = [fit(lines[0], limit)]
    for line in lines[1:]:
        piece = fit(line, limit)
        if width("\n".join([*out, piece])) > limit:
            break
        out.append(piece)
    return "\n".join(out)


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _add_footer(messages: list[Message], footer: str) -> None:
    """The monthly total closes the last message, or a message of its own when the last one is full."""
    block = _context(footer)
    last = messages[-1]
    blocks = list(last.payload["blocks"])
    if len(blocks) < MAX_BLOCKS:
        messages[-1] = Message(keys=last.keys, text=last.text, payload={**last.payload, "blocks": [*blocks, block]})
    else:
        text = plain((footer,))
        messages.append(Message(keys=(), text=text, payload={"text": text, "blocks": [block]}))
