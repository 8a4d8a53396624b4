"""What to do about the Web API errors a Slack app most often meets, so a refused run says more than a code."""

from __future__ import annotations

from typing import Final

# Error codes from Slack's chat.postMessage reference (docs.slack.dev/reference/methods/chat.postMessage).
HINTS: Final = {
    "channel_not_found": "give the channel's id, and invite the app to it: /invite @Leftovers",
    "not_in_channel": "invite the app to the channel: /invite @Leftovers",
    "is_archived": "the channel is archived: choose another with --slack-channel",
    "invalid_auth": "the bot token was not accepted: copy it again from the app's OAuth page",
    "not_authed": "no bot token reached Slack",
    "token_revoked": "the bot token was revoked: reinstall the app and copy the new token",
    "account_inactive": "the app was uninstalled: reinstall it and copy the new token",
    "missing_scope": "the app lacks a scope: update it from slack-app-manifest.yaml and reinstall it",
    "invalid_blocks": "Slack rejected the message layout: please report it with the --dry-run output",
    "msg_blocks_too_long": "the message was too long for Slack: please report it with the --dry-run output",
}


def hint(error: str) -> str:
    """`` (what to do)`` for a known error code, else nothing."""
    found = HINTS.get(error)
    return f" ({found})" if found else ""
