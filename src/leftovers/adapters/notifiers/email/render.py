"""A digest as e-mail: one message per recipient, plain text and HTML with every piece of user text escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from leftovers.adapters.notifiers.addresses import candidates
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.ports import Message
from leftovers.core.rich_text import Field, Link, Owner, Segment, neutralise, plain, plain_line

# A link is shown as a link only when it is https and cannot break out of the attribute.
_SAFE_URL = re.compile(r"^https://[^\s<>\"'\x00-\x1f\x7f]{1,2000}$")
SEPARATOR = " · "


def _html_segment(seg: Segment) -> str:
    if isinstance(seg, Link) and _SAFE_URL.fullmatch(seg.url):
        return f'<a href="{html.escape(seg.url)}">{html.escape(neutralise(seg.label))}</a>'
    text = seg.name if isinstance(seg, Owner) else seg.label if isinstance(seg, Link) else seg
    return html.escape(neutralise(text))


def html_line(fields: tuple[Field, ...]) -> str:
    """One entry's fields as escaped HTML (links where safe)."""
    return SEPARATOR.join("".join(_html_segment(s) for s in f) for f in fields)


def bodies(digest: Digest) -> tuple[str, str]:
    """The digest as (plain text, HTML): title, groups with their lines, total and warnings."""
    closing = [line for line in (digest.footer(), *digest.warnings()) if line]
    scope = digest.scope()
    text = [neutralise(digest.title()), *([neutralise(plain(scope))] if scope else []), ""]
    page = [f"<h2>{html.escape(neutralise(digest.title()))}</h2>"]
    if scope:
        page.append(f"<p>{html_line((scope,))}</p>")
    for label, entries in digest.groups():
        name = neutralise(plain((label,)))
        text += [f"{name} ({len(entries)})", *(f"- {neutralise(plain_line(digest.line(e)))}" for e in entries), ""]
        page.append(f"<h3>{html.escape(name)} ({len(entries)})</h3><ul>")
        page += [f"<li>{html_line(digest.line(e))}</li>" for e in entries]
        page.append("</ul>")
    text += [neutralise(line) for line in closing]
    page += [f"<p>{html.escape(neutralise(line))}</p>" for line in closing]
    return "\n".join(text).rstrip() + "\n", "<html><body>" + "\n".join(page) + "</body></html>"


def render_email(digest: Digest, addresses: Mapping[str, str], fallback: str | None) -> list[Message]:
    """One message per recipient naming exactly their leftovers; those with no address go to ``fallback``.

    Without a fallback they form a last message that cannot be delivered, so they stay due and the run says why.
    """
    by_address: dict[str, list[DigestEntry]] = {}
    for entry in digest.entries:
        found = candidates(entry, addresses)
        to = found[0].lower() if found else (fallback or "")
        by_address.setdefault(to, []).append(entry)
    unaddressed = by_address.pop("", [])
    messages = [_message(digest, to, entries) for to, entries in by_address.items()]
    if unaddressed:
        messages.append(_message(digest, None, unaddressed))
    return messages


def _message(digest: Digest, to: str | None, entries: list[DigestEntry]) -> Message:
    theirs = replace(digest, entries=tuple(entries))
    text, page = bodies(theirs)
    payload: dict[str, Any] = {"to": to, "subject": neutralise(theirs.title()), "text": text, "html": page}
    return Message(tuple(e.resource.key for e in theirs.entries), text, payload)
