"""A digest as Slack app messages: a direct message per resolved owner, the rest in the channel, buttons on every
line, and a thread per owner when the channel part is long. Each message names exactly the resources it shows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from leftovers.adapters.notifiers.slack.blocks import DEFAULT_MESSAGE_CHARS, MAX_BLOCKS, MAX_HEADER_CHARS, fit_lines
from leftovers.adapters.notifiers.slack.buttons import entry_blocks
from leftovers.adapters.notifiers.slack.owners import OwnerResolver
from leftovers.adapters.notifiers.slack.text import fields, fit, heading, width
from leftovers.core import i18n
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.ports import Message
from leftovers.core.rich_text import Segment

META = "leftovers"
"""The payload key for routing that is not Slack's (thread links, the DM's fallback); removed before posting."""
Block = dict[str, Any]
SENT_BY_DM = {"en": "Sent by direct message: ", "ja": "DMで送った相手: "}
"""The closing line's words, per digest language (the core's strings carry no Slack-only wording)."""
MAX_MENTIONS_CHARS = 900
"""The "sent by direct message" list: a context text holds 3,000 characters, and the total and warnings follow."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Where and how: the channel, whether *Keep forever* is offered, and when the channel part gets threads."""

    channel: str
    keep_forever: bool = True
    thread_after: int = 10
    message_chars: int = DEFAULT_MESSAGE_CHARS


def render_app(digest: Digest, layout: Layout, resolver: OwnerResolver) -> list[Message]:
    """Channel messages for owners nobody could resolve, one DM (or several) per resolved owner, then a summary."""
    if not digest.entries:
        return []
    by_user, rest = resolver.split(digest.entries)
    messages: list[Message] = []
    if rest:
        part = replace(digest, entries=tuple(rest))
        long = len(rest) > layout.thread_after
        messages += threads(part, layout) if long else pages(part, layout, layout.channel, headings=True)
    for user, entries in by_user.items():
        mine = replace(digest, entries=tuple(entries), group_by="owner")
        messages += pages(mine, layout, user, headings=False, fallback=layout.channel)
    closing = [line for line in (digest.footer(), *digest.warnings()) if line]
    counts = {user: len(entries) for user, entries in by_user.items()}
    if closing or counts:
        sent = SENT_BY_DM.get(digest.language, SENT_BY_DM["en"])
        messages.append(summary(layout.channel, counts, fit_lines(closing, 2000) if closing else "", sent))
    return messages


def threads(digest: Digest, layout: Layout) -> list[Message]:
    """Per owner, a short channel message, then that owner's lines (with buttons) in its thread."""
    by_owner = replace(digest, group_by="owner")
    out: list[Message] = []
    for n, (label, entries) in enumerate(by_owner.groups()):
        ref = f"owner-{n}"
        theirs = replace(by_owner, entries=tuple(entries))
        text = fit(theirs.title(), 3000)
        section = {"type": "section", "text": {"type": "mrkdwn", "text": heading(label, f"({len(entries)})")}}
        parent: dict[str, Any] = {"channel": layout.channel, "text": text, "blocks": [section], META: {"parent": ref}}
        out.append(Message((), text, parent))
        replies = pages(theirs, layout, layout.channel, headings=False)
        out += [replace(m, payload={**m.payload, META: {"reply_to": ref}}) for m in replies]
    return out


def pages(
    digest: Digest, layout: Layout, channel: str, *, headings: bool, fallback: str | None = None
) -> list[Message]:
    """The digest's lines with their buttons, split to stay within 50 blocks and the character budget."""
    scope = digest.scope()
    top: list[Block] = [_context(fields((scope,), MAX_HEADER_CHARS))] if scope else []
    reserved = 1 + len(top) + (1 if fallback else 0)  # header, scope, and room for a "could not DM" note
    chunks: list[tuple[list[Block], list[DigestEntry]]] = [([], [])]
    chars = 0
    for label, entries in digest.groups():
        for n, entry in enumerate(entries):
            blocks, taken = chunks[-1]
            body = entry_blocks(digest, entry, layout.keep_forever)
            size = width(body[0]["text"]["text"])
            fresh = not taken
            need = ([_heading(label)] if headings and (n == 0 or fresh) else []) + body
            if taken and (len(blocks) + len(need) + reserved > MAX_BLOCKS or chars + size > layout.message_chars):
                blocks, taken, chars = [], [], 0
                chunks.append((blocks, taken))
                need = ([_heading(label)] if headings else []) + body
            blocks += need
            taken.append(entry)
            chars += size
    return [_message(digest, channel, top, blocks, taken, i, len(chunks), fallback) for i, (blocks, taken) in
            enumerate(chunks, 1)]  # fmt: skip


def _message(
    digest: Digest,
    channel: str,
    top: list[Block],
    blocks: list[Block],
    taken: list[DigestEntry],
    i: int,
    n: int,
    fallback: str | None,
) -> Message:
    part = i18n.text(digest.language, "part", i=i, n=n) if n > 1 else ""
    title = fit(digest.title(), MAX_HEADER_CHARS - width(part), mrkdwn=False) + part
    text = fit(f"{digest.title()}{part}", 3000)
    header: Block = {"type": "header", "text": {"type": "plain_text", "text": title}}
    payload: dict[str, Any] = {"channel": channel, "text": text, "blocks": [header, *top, *blocks]}
    if fallback:
        payload[META] = {"fallback": fallback}
    return Message(tuple(e.resource.key for e in taken), text, payload)


def summary(channel: str, counts: dict[str, int], closing: str, sent: str = SENT_BY_DM["en"]) -> Message:
    """The channel's last word: who got a DM (mentions built here from checked ids), the total, the warnings.

    It names no resource; the notifier rebuilds it at delivery without the people a DM could not reach.
    """
    sent_to = _mentions(counts, MAX_MENTIONS_CHARS)
    text = "\n".join(t for t in (f"{sent}{sent_to}" if sent_to else "", closing) if t)
    meta = {"summary": {"counts": counts, "closing": closing, "sent": sent}}
    return Message((), text, {"channel": channel, "text": text, "blocks": [_context(text)], META: meta})


def _mentions(counts: dict[str, int], limit: int) -> str:
    """``<@U…> (n)`` per user, as many as fit in ``limit``, then how many more (Slack caps a context text)."""
    shown: list[str] = []
    used = 0
    for user, n in counts.items():
        mention = f"<@{user}> ({n})"
        if used + len(mention) + 2 > limit:
            return ", ".join(shown) + f", and {len(counts) - len(shown)} more"
        shown.append(mention)
        used += len(mention) + 2
    return ", ".join(shown)


def _heading(label: Segment) -> Block:
    return _context(heading(label, ""))


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
