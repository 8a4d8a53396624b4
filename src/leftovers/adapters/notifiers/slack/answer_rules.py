"""The interactivity endpoint's settings, read once from ``LEFTOVERS_*`` variables (a bad value names its variable)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from leftovers.adapters.notifiers.slack.endpoint import SLACK_RESPONSE_URLS
from leftovers.core.answers import Rules
from leftovers.core.errors import SettingsError

ADMINS = "LEFTOVERS_SLACK_ADMINS"
"""Slack user ids (comma or space separated) who may answer for any resource."""
KEEP_FOREVER = "LEFTOVERS_KEEP_FOREVER"
"""``false`` turns the *Keep forever* answer off (the app-mode notifier hides the button then)."""
SIGNING_SECRET = "LEFTOVERS_SLACK_SIGNING_SECRET"
"""The app's signing secret itself (for ``leftovers actions serve``); a function reads it from SSM instead."""
SIGNING_SECRET_PARAMETER = "LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER"
"""The SSM SecureString holding the signing secret (the deployed function)."""
RESPONSE_URLS = "LEFTOVERS_SLACK_RESPONSE_URLS"
"""Where response URLs may point (Slack's host unless a test or a proxy says otherwise)."""
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def rules(env: Mapping[str, str]) -> Rules:
    """Who may answer for anything, and whether keeping forever is allowed."""
    admins = frozenset(env.get(ADMINS, "").replace(",", " ").split())
    wrong = sorted(a for a in admins if not _USER_ID.match(a))
    if wrong:
        raise SettingsError(ADMINS, f"{', '.join(map(repr, wrong[:3]))} is not a Slack user id (like U0123ABCD)")
    word = env.get(KEEP_FOREVER, "true").strip().lower()
    if word not in _BOOLEANS:
        raise SettingsError(KEEP_FOREVER, f"{word[:20]!r} is not true or false")
    return Rules(keep_forever=_BOOLEANS[word], admins=admins)


def response_urls(env: Mapping[str, str]) -> str:
    """The prefix a response URL must start with."""
    return env.get(RESPONSE_URLS) or SLACK_RESPONSE_URLS


def secret_problem(secret: str) -> str | None:
    """Why a stored signing secret cannot be Slack's (it would fail every signature), without quoting it."""
    if not secret.isascii() or not secret.isprintable() or secret != secret.strip() or " " in secret:
        return "contains spaces, control or non-ASCII characters (pasted across lines?): copy it again from Slack"
    return None
