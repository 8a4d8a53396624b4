"""Interactivity requests built exactly as Slack builds them: a ``block_actions`` payload, form-encoded as
``payload=<JSON>``, signed with ``v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>")``."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import urlencode

from leftovers.adapters.notifiers.slack import actions

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
"""A signing secret shaped like Slack's (32 hex-ish characters); tests check it never leaks."""
NOW = 1_796_014_800  # 2026-11-30T05:00:00Z, 14:00 in Tokyo


def app_message(*keys: str, text: str = "3 leftovers") -> dict[str, Any]:
    """A message as the app posts it: per resource, a section with its line and an actions block with buttons."""
    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": text}}]
    for key in keys:
        name = key.rsplit("|", 1)[-1]
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*{name}* · created 10 days ago"}})
        blocks.append(
            {
                "type": "actions",
                "block_id": key,
                "elements": [
                    {"type": "button", "action_id": actions.KEEP_7_DAYS, "value": key, "text": _text("Keep 7 days")},
                    {"type": "datepicker", "action_id": actions.KEEP_UNTIL, "placeholder": _text("Keep until…")},
                    {"type": "button", "action_id": actions.KEEP_FOREVER, "value": key, "text": _text("Keep forever")},
                    {"type": "button", "action_id": actions.NOT_MINE, "value": key, "text": _text("Not mine")},
                ],
            }
        )
    return {"type": "message", "subtype": "bot_message", "text": text, "ts": "1796014000.000100", "blocks": blocks}


def _text(label: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": label, "emoji": True}


def click(
    key: str,
    action_id: str = actions.KEEP_7_DAYS,
    *,
    user: str = "U0ALICE",
    response_url: str = "https://hooks.slack.com/actions/T0TEAM/1/abc",
    channel: str = "C0LEFTOVERS",
    action_ts: str = "1796014795.123456",
    selected_date: str | None = None,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A block_actions payload for one click on ``key``'s element ``action_id``."""
    if action_id == actions.KEEP_UNTIL:
        action: dict[str, Any] = {"type": "datepicker", "selected_date": selected_date, "initial_date": None}
    else:
        action = {"type": "button", "value": key, "text": _text("Keep")}
    action.update({"action_id": action_id, "block_id": key, "action_ts": action_ts})
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T0TEAM"},
        "api_app_id": "A0LEFTOVERS",
        "token": "verification-token-unused",
        "container": {
            "type": "message",
            "message_ts": "1796014000.000100",
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": "1234567890.123.abcdef",
        "team": {"id": "T0TEAM", "domain": "example"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "directmessage" if channel.startswith("D") else "leftovers"},
        "message": message or app_message(key),
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [action],
    }


def signed(payload: dict[str, Any], secret: str = SECRET, at: int = NOW) -> tuple[dict[str, str], bytes]:
    """Headers and body of Slack's POST carrying ``payload``."""
    body = urlencode({"payload": json.dumps(payload)}).encode()
    digest = hmac.new(secret.encode(), b"v0:%d:" % at + body, hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": str(at),
        "X-Slack-Signature": f"v0={digest}",
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    }
    return headers, body


def function_url_event(headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """Slack's POST as a Lambda function URL hands it over (payload format 2.0): headers lowercased, body base64."""
    import base64

    from tests.support.events import load_event

    event: dict[str, Any] = load_event("function_url_slack_interaction")
    event["headers"].update({k.lower(): v for k, v in headers.items()})
    event["headers"]["content-length"] = str(len(body))
    event["body"] = base64.b64encode(body).decode()
    return event
