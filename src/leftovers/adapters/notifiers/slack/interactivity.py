"""Slack's interactivity requests: the signature check and the ``block_actions`` payload, exactly as Slack sends
them (``application/x-www-form-urlencoded`` with one ``payload`` field of JSON).

Nothing here trusts the body before the signature matched: the body is read as bytes, checked with slack_sdk's
``SignatureVerifier`` (HMAC-SHA256 of ``v0:timestamp:body``, constant-time compare), and parsed only then.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qs

from slack_sdk.signature import Clock, SignatureVerifier

from leftovers.adapters.notifiers.slack import actions
from leftovers.core.errors import LeftoversError
from leftovers.core.model import ResourceKey
from leftovers.service import answers

MAX_AGE = 300
"""Seconds a request's timestamp may be off: an older request is a replay (or a clock far off), and refused."""
MAX_BODY = 1_000_000
"""Bytes: a block_actions payload carries its message (at most 50 blocks), far below this."""
WHAT: dict[str, str] = {
    actions.KEEP_7_DAYS: answers.KEEP_DAYS,
    actions.KEEP_UNTIL: answers.KEEP_UNTIL,
    actions.KEEP_FOREVER: answers.KEEP_FOREVER,
    actions.NOT_MINE: answers.NOT_MINE,
}
"""Each button's action id (the contract in ``slack.actions``) and the answer it asks for (a test holds the two
tables to the same ids)."""


class Rejected(LeftoversError):
    """A request refused before anything was read or changed; ``status`` is the HTTP answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True, slots=True)
class Click:
    """One verified click: the request for the use case, and where and how to answer in Slack."""

    request: answers.Request
    response_url: str | None
    message: Mapping[str, Any] | None


class _At(Clock):
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def verify(secret: str, headers: Mapping[str, str], body: bytes, now: float) -> None:
    """Raise Rejected (401) unless Slack signed ``body`` with ``secret`` within ``MAX_AGE`` seconds of ``now``."""
    given = {k.lower(): v for k, v in headers.items()}
    stamp, signature = given.get("x-slack-request-timestamp"), given.get("x-slack-signature")
    if not stamp or not signature:
        raise Rejected(401, "not signed by Slack: X-Slack-Signature or X-Slack-Request-Timestamp is missing")
    if not stamp.isdigit() or len(stamp) > 12:
        raise Rejected(401, "X-Slack-Request-Timestamp is not a Unix time")
    if abs(now - int(stamp)) > MAX_AGE:
        raise Rejected(401, "X-Slack-Request-Timestamp is more than 5 minutes off: a replayed request is refused")
    if not SignatureVerifier(secret, clock=_At(now)).is_valid(body, stamp, signature):
        raise Rejected(401, "X-Slack-Signature does not match: not signed with this app's signing secret")


def parse(body: bytes) -> Click:
    """The click a verified body holds; Rejected (400) names what is missing or wrong."""
    if len(body) > MAX_BODY:
        raise Rejected(413, f"request body over {MAX_BODY} bytes")
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=20)
        payload = json.loads(fields["payload"][0])
    except (UnicodeDecodeError, KeyError, ValueError):
        raise Rejected(400, "body is not a form with a JSON payload field") from None
    if not isinstance(payload, dict) or payload.get("type") != "block_actions":
        raise Rejected(400, f"payload type {_shown(_get(payload, 'type'))} is not block_actions")
    action = _get(payload, "actions", 0)
    action_id = _get(action, "action_id")
    what = WHAT.get(action_id) if isinstance(action_id, str) else None
    if what is None:
        raise Rejected(400, f"unknown action id {_shown(action_id)}")
    user, ref = _get(payload, "user", "id"), _get(action, "action_ts")
    if not isinstance(user, str) or not user or not isinstance(ref, str) or not ref:
        raise Rejected(400, "payload lacks user.id or actions[0].action_ts")
    channel = _get(payload, "channel", "id") or _get(payload, "container", "channel_id")
    request = answers.Request(
        key=_key(action),
        user=user,
        ref=ref,
        what=what,
        day=_day(action) if what == answers.KEEP_UNTIL else None,
        owner=_text(_get(action, "selected_user")),
        addressed=isinstance(channel, str) and channel.startswith("D"),  # an IM: only its addressee sees it
    )
    message = _get(payload, "message")
    return Click(request, _text(_get(payload, "response_url")), message if isinstance(message, dict) else None)


def _key(action: Any) -> ResourceKey:
    # Buttons carry the key as their value; a date picker has no value, so its block's id carries it.
    text = _get(action, "value") or _get(action, "block_id")
    try:
        return ResourceKey.parse(text if isinstance(text, str) else "")
    except ValueError:
        raise Rejected(400, f"actions[0] names no resource key (value or block_id {_shown(text)})") from None


def _day(action: Any) -> date:
    text = _get(action, "selected_date")
    if isinstance(text, str) and len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise Rejected(400, f"actions[0].selected_date {_shown(text)} is not a YYYY-MM-DD day")


def _get(value: Any, *path: str | int) -> Any:
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and len(value) > step else None
        else:
            value = value.get(step) if isinstance(value, dict) else None
    return value


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _shown(value: Any) -> str:
    # Quoted, on one line and short: what a client sent is named in the answer, never echoed whole.
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
