"""The daily run's first step: find what is due, post it, return exactly the keys whose message Slack accepted.

When the reconcile step handed over the due rows it read (``reconcile.due_rows``), they are used instead of a
second query. It also returns the sent records as it read them (``seen``, in the stores' row encoding): the mark
step writes each one that is unchanged since without reading it again, so the whole run reads each due item once.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from leftovers.adapters.stores.codec import from_values, to_values
from leftovers.bootstrap import notify_options
from leftovers.core.digest import Digest
from leftovers.handlers._wiring import current, logger, parse_at
from leftovers.service.notify import NotifyResult, build_digest, send

MAX_STATE_BYTES = 150_000
"""Keys and rows travel to the mark step in the state (256 KB at most): a larger digest goes in parts."""


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Returns ``at``, ``due``, ``sent`` (keys), ``seen`` (their rows), ``unsent``, ``messages``, ``error`` and
    ``more`` (parts left)."""
    wiring = current()
    at = parse_at((event or {}).get("at"))
    options = notify_options(wiring.settings, at, slack=True)  # the policy's filter, owners and costs, as the CLI
    handed = ((event or {}).get("reconcile") or {}).get("due_rows")  # the reconcile step's read, if it succeeded
    due = [from_values(row) for row in handed] if isinstance(handed, list) else None
    part, more = first_part(build_digest(wiring.store, at, wiring.settings.timezone, due=due, **options))
    result = send(wiring.notifier(), part) if part.entries else NotifyResult(due=0)
    read = {e.resource.key: e.resource for e in part.entries}
    logger.info(
        "notified",
        extra={"due": result.due, "sent": len(result.sent), "unsent": len(result.unsent), "error": result.error},
    )
    return {
        "at": at.isoformat(),
        "due": result.due,
        "sent": [str(k) for k in result.sent],
        "seen": [to_values(read[k]) for k in result.sent],
        "unsent": len(result.unsent),
        "messages": result.messages,
        "error": result.error,
        "more": more and result.error is None,
    }


def first_part(digest: Digest, budget: int = MAX_STATE_BYTES) -> tuple[Digest, bool]:
    """The longest prefix of the digest whose keys and rows fit in ``budget`` bytes of JSON, and whether any were
    left."""
    used = 0
    for index, entry in enumerate(digest.entries):
        used += len(str(entry.resource.key).encode()) + 4  # quotes, comma and space around each key
        used += len(json.dumps(to_values(entry.resource)).encode()) + 2
        if used > budget:
            return replace(digest, entries=digest.entries[:index]), True
    return digest, False
