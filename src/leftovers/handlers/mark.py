"""The daily run's second step: mark notified exactly the resources whose message was accepted (idempotent)."""

from __future__ import annotations

from typing import Any

from leftovers.adapters.stores.codec import from_values
from leftovers.core.model import ResourceKey
from leftovers.handlers._wiring import current, logger, parse_at
from leftovers.service.notify import mark


def handler(event: dict[str, Any], context: Any) -> int:
    """Input: the notify step's ``at``, ``sent`` keys and ``seen`` rows (optional); returns how many records changed."""
    wiring = current()
    at = parse_at(event["at"])
    keys = [ResourceKey.parse(k) for k in event.get("sent", [])]
    seen = [from_values(row) for row in event.get("seen") or ()]
    marked = mark(wiring.store, keys, at, wiring.settings.policy, seen) if keys else 0
    logger.info("marked", extra={"accepted": len(keys), "marked": marked})
    return marked
