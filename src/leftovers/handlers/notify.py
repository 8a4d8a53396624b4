"""The daily run's posting step: post what is due (one part of it per invocation), return what Slack accepted.

Input: ``at``, ``run`` (the execution, which holds the lease) and ``reconcile.due_rows`` (the rows the first step
read: rows by name, packed), all three written by the state machine itself, never taken from the execution's
input. Output:
``due`` (in all, never 0 while something is due), ``sent`` (keys), ``seen`` (those that travel whole: rows by
name, packed), ``skipped`` (how many keys were too large for the state: each named in a warning, never posted),
``unsent``, ``messages``, ``error`` and ``more`` (parts left).
"""

from __future__ import annotations

import os
from typing import Any

from leftovers.adapters.accounts.names import names_for
from leftovers.bootstrap import notify_options
from leftovers.handlers._state import pack, packed_rows_in, part_size, row_out, row_size
from leftovers.handlers._wiring import current, logger, parse_at, parse_run
from leftovers.service.daily_run import hold, post_part

MAX_STATE_BYTES = 150_000
"""Keys and rows travel to the mark step in the state (256 KB at most): a larger digest goes in parts."""


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """One part of the digest, posted; see the module's docstring for the output."""
    wiring, event = current(), event or {}
    at, run = parse_at(event.get("at")), parse_run(event.get("run"))
    due = hold(wiring.lease, run, packed_rows_in((event.get("reconcile") or {}).get("due_rows")))
    options = notify_options(wiring.settings, at)  # the policy's filter, owners and costs, as the CLI
    options["account_names"], problem = names_for(os.environ, run)  # organization mode: "name (id)"
    if problem:
        logger.warning("account names", extra={"problem": problem})
    part = post_part(wiring.store, wiring.notifier(), at, wiring.settings.timezone, options,
                     budget=MAX_STATE_BYTES, measure=part_size, row_size=row_size, due=due)  # fmt: skip
    result = part.result
    for key in part.skipped:  # an unbounded row stored before ingest bounded its fields
        logger.warning("skipped a resource too large to pass between steps", extra={"key": str(key)[:300]})
    if not part.due and run:
        wiring.lease.release(run)  # nothing to mark: the run ends here
    logger.info("notified", extra={"due": part.due, "sent": len(result.sent), "skipped": len(part.skipped),
                                   "unsent": len(result.unsent), "error": result.error})  # fmt: skip
    for route in result.routes:  # with [routing]: one line per route, naming its destination (never a secret)
        logger.info("route", extra={"route": route.name, "to": route.to, "accepted": route.accepted,
                                    "error": route.error})  # fmt: skip
    return {
        "at": at.isoformat(),
        "run": run,
        "due": part.due,
        "sent": [str(k) for k in result.sent],
        "seen": pack([row_out(r) for r in part.whole]),
        "skipped": len(part.skipped),
        "unsent": len(result.unsent),
        "messages": result.messages,
        "error": result.error,
        "more": part.more,
    }
