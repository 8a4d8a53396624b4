"""The daily run's marking step: mark notified exactly the resources whose message was accepted (idempotent).

Input: the notify step's output (``at``, ``run``, ``sent`` keys, ``seen`` rows by name, packed, ``more``, ``error``).
A row that does not decode (a deploy changed the columns mid-run) is read again by key. After the last part the
run's lease is given back.
"""

from __future__ import annotations

from typing import Any

from leftovers.handlers._state import keys_in, packed_rows_in
from leftovers.handlers._wiring import current, logger, parse_at, parse_run
from leftovers.service.daily_run import hold, mark_sent


def handler(event: dict[str, Any], context: Any) -> int:
    """Returns how many records changed."""
    wiring = current()
    at, run = parse_at(event["at"]), parse_run(event.get("run"))
    keys = keys_in(event.get("sent", []))
    seen = hold(wiring.lease, run, packed_rows_in(event.get("seen")))
    marked = mark_sent(wiring.store, keys, at, wiring.settings.policy, seen)
    if run and (not event.get("more") or event.get("error") is not None):
        wiring.lease.release(run)
    logger.info("marked", extra={"accepted": len(keys), "marked": marked})
    return marked
