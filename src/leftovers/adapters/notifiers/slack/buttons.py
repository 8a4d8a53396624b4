"""The buttons under each resource line of an app-mode message (action ids from ``slack.actions``)."""

from __future__ import annotations

from typing import Any

from leftovers.adapters.notifiers.slack import actions
from leftovers.adapters.notifiers.slack.blocks import render_line
from leftovers.core.digest import Digest, DigestEntry

# Button words per digest language; Slack shows plain_text labels of up to 75 characters.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        actions.KEEP_7_DAYS: "Keep 7 days",
        actions.KEEP_UNTIL: "Keep until…",
        actions.KEEP_FOREVER: "Keep forever",
        actions.NOT_MINE: "Not mine",
    },
    "ja": {
        actions.KEEP_7_DAYS: "7日間残す",
        actions.KEEP_UNTIL: "この日まで残す…",
        actions.KEEP_FOREVER: "ずっと残す",
        actions.NOT_MINE: "自分のではない",
    },
}
MAX_ACTION_ELEMENTS = 25
"""Block Kit's limit of elements in one actions block."""
MAX_BLOCK_ID = 255
"""Block Kit's limit on a block_id, which carries the key for the date picker (an element with no value)."""
BLOCKS_PER_ENTRY = 2
"""A section with the line, then an actions block with its buttons."""


def _text(label: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": label, "emoji": True}


def _button(action_id: str, words: dict[str, str], value: str, **extra: str) -> dict[str, Any]:
    return {"type": "button", "action_id": action_id, "text": _text(words[action_id]), "value": value, **extra}


def elements(entry: DigestEntry, language: str, keep_forever: bool = True) -> list[dict[str, Any]]:
    """Keep 7 days, Keep until… (a date picker), Keep forever (unless disabled), Not mine; values are the key."""
    words = LABELS.get(language, LABELS["en"])
    value = str(entry.resource.key)
    out = [_button(actions.KEEP_7_DAYS, words, value)]
    if len(value) <= MAX_BLOCK_ID:
        # A date picker has no value of its own: the key rides in its block's id, the day comes as selected_date.
        picker = {
            "type": "datepicker",
            "action_id": actions.KEEP_UNTIL,
            "placeholder": _text(words[actions.KEEP_UNTIL]),
        }
        out.append(picker)
    if keep_forever:
        out.append(_button(actions.KEEP_FOREVER, words, value))
    out.append(_button(actions.NOT_MINE, words, value, style="danger"))
    return out[:MAX_ACTION_ELEMENTS]


def entry_blocks(digest: Digest, entry: DigestEntry, keep_forever: bool = True) -> list[dict[str, Any]]:
    """One resource: its line as a section, then its buttons."""
    line = render_line(digest, entry)
    buttons: dict[str, Any] = {"type": "actions", "elements": elements(entry, digest.language, keep_forever)}
    key = str(entry.resource.key)
    if len(key) <= MAX_BLOCK_ID:
        buttons["block_id"] = key
    return [{"type": "section", "text": {"type": "mrkdwn", "text": line}}, buttons]
