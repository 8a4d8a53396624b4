"""The webhook URL's own check, free of slack_sdk so every Lambda can run it when it loads the secret."""

from __future__ import annotations

import re

# Printable ASCII only: a tab, a newline or a DEL in a URL means it was pasted wrongly, and urllib would echo it.
_PRINTABLE = re.compile(r"^[\x21-\x7e]*$")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a webhook URL (control characters, spaces, non-ASCII), without quoting it; else None."""
    if not url.isascii():
        return "contains non-ASCII characters: copy it again from Slack's app settings"
    if not _PRINTABLE.fullmatch(url):  # not match: "$" would let a final newline through
        return "contains spaces or control characters (pasted across lines?): copy it again from Slack"
    return None
