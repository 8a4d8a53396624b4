"""What Slack shows after a click: the resource's line replaced in place ("kept until 2026-12-07 by @taro"), or a
note only the clicker sees when the answer was refused. Both are posted to the click's ``response_url``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from leftovers.adapters.notifiers.slack.text import MAX_SEGMENT_CHARS, fit, segment
from leftovers.core.answers import KEEP
from leftovers.core.model import Answer, Resource
from leftovers.core.rich_text import Owner
from leftovers.service.answers import Outcome

LINES: dict[str, dict[str, str]] = {
    "en": {
        "kept_until": "{name} kept until {day} by {who}",
        "kept": "{name} kept by {who}",
        "to_channel": "{name}: not theirs, says {who}; it goes to the channel",
        "to_owner": "{name}: not theirs, says {who}; handed to {owner}",
    },
    "ja": {
        "kept_until": "{name} は {day} まで残します（{who}）",
        "kept": "{name} はずっと残します（{who}）",
        "to_channel": "{name} は {who} のものではありません: チャンネルに戻します",
        "to_owner": "{name} は {who} のものではありません: {owner} に渡します",
    },
}
"""The replaced line per digest language (the policy's ``language``); English for any other."""


def reply(outcome: Outcome, message: Mapping[str, Any] | None, language: str = "en") -> dict[str, Any] | None:
    """The body to post to ``response_url``; ``None`` when a repeated click has nothing new to show."""
    if outcome.refused is not None:
        return {"response_type": "ephemeral", "replace_original": False, "text": fit(outcome.refused, 3000)}
    if outcome.repeated or outcome.record is None or outcome.answer is None:
        return None
    return replaced(message or {}, str(outcome.record.key), line(outcome.record, outcome.answer, language))


def line(record: Resource, answer: Answer, language: str = "en") -> str:
    """The resource's new line: its name, what was answered, and who answered (a mention)."""
    words = LINES.get(language, LINES["en"])
    values = {
        "name": f"*{fit(record.display_name, MAX_SEGMENT_CHARS)}*",
        "who": segment(Owner(answer.by, (("slack", answer.by),))),
        "day": answer.until.isoformat() if answer.until else "",
        "owner": fit(answer.owner or "", MAX_SEGMENT_CHARS),
    }
    if answer.kind == KEEP:
        return words["kept_until" if answer.until else "kept"].format(**values)
    return words["to_channel" if answer.owner is None else "to_owner"].format(**values)


def replaced(message: Mapping[str, Any], key: str, text: str) -> dict[str, Any]:
    """The message with the key's line (its section and buttons) replaced by ``text``; other lines stay as sent."""
    blocks = [b for b in message.get("blocks") or [] if isinstance(b, dict)]
    new = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    at = next((i for i, b in enumerate(blocks) if _names(b, key)), None)
    if at is None:
        blocks.append(new)  # a message laid out otherwise: add the answer rather than lose it
    else:
        start = at - 1 if at and blocks[at - 1].get("type") == "section" and blocks[at].get("type") == "actions" else at
        blocks[start : at + 1] = [new]
    return {"replace_original": True, "text": message.get("text") or text, "blocks": blocks}


def _names(block: Mapping[str, Any], key: str) -> bool:
    if block.get("block_id") == key:
        return True
    elements = [*(block.get("elements") or []), block.get("accessory")]
    return any(isinstance(e, dict) and e.get("value") == key for e in elements)
