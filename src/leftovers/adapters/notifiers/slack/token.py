"""The bot token's own check, free of slack_sdk so a Lambda can run it when it loads the secret."""

from __future__ import annotations


def token_problem(token: str) -> str | None:
    """Why ``token`` cannot be a Slack bot token, without quoting it; else None."""
    if not token.isascii() or not token.isprintable() or " " in token:
        return "contains spaces, control or non-ASCII characters: copy it again from the app's OAuth page"
    if not token.startswith(("xoxb-", "xoxp-")):
        return "is not a bot token (it starts with xoxb-): copy the Bot User OAuth Token"
    return None
