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


def reply(outcome: Outcome, message: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The body to post to ``response_url``; ``None`` when a repeated click has nothing new to show."""
    if outcome.refused is not None:
        return {"response_type": "ephemeral", "replace_original": False, "text": fit(outcome.refused, 3000)}
    if outcome.repeated or outcome.record is None or outcome.answer is None:
        return None
    return replaced(message or {}, str(outcome.record.key), line(outcome.record, outcome.answer))


def line(record: Resource, answer: Answer) -> str:
    """The resource's new line: its name, what was answered, and who answered (a mention)."""
    name = f"*{fit(record.display_name, MAX_SEGMENT_CHARS)}*"
    who = segment(Owner(answer.by, (("slack", answer.by),)))
    if answer.kind == KEEP:
        return f"{name} kept until {answer.until.isoformat()} by {who}" if answer.until else f"{name} kept by {who}"
    if answer.owner is None:
        return f"{name}: not theirs, says {who}; it goes to the channel"
    return f"{name}: not theirs, says {who}; handed to {fit(answer.owner, MAX_SEGMENT_CHARS)}"


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
