"""The daily run's first step: heal deletions whose events were lost, so the digest that follows leaves them out.

The same use case as ``leftovers reconcile --due`` with the CLI's defaults (no limit, 10 AWS calls a second, the
tagging API on, Config off), each adjustable by a variable. By default it checks what is due, read through the due
index: every resource the digest would name is checked first, and the run never reads the whole table (scope
``all`` checks every tracked record, a Scan). The due rows it read go on to the notify step (``due_rows``, when they
fit the state, as rows by name), so the run reads each due item once; the run's lease is taken first, so no other
execution marks them meanwhile. An access-denied or unsupported type is counted unknown, never
deleted; a failure to reach AWS or the table raises, and the state machine goes on to the digest anyway (its Catch).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from leftovers.bootstrap import make_inventory
from leftovers.core.errors import SettingsError
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Inventory
from leftovers.core.run_lease import RunInProgress
from leftovers.handlers._state import pack, row_out
from leftovers.handlers._wiring import current, logger, parse_at, parse_run
from leftovers.service.daily_run import check_due, hold

LIMIT = "LEFTOVERS_RECONCILE_LIMIT"  # check at most N records, oldest first; empty: all (as the CLI's --limit)
SCOPE = "LEFTOVERS_RECONCILE_SCOPE"  # "due" (default): what is due, as --due; "all": every tracked record
MAX_ROWS_BYTES = 100_000  # the due rows handed to notify share the state's 256 KB with the rest
USE_CONFIG = "LEFTOVERS_RECONCILE_CONFIG"  # "true": also ask AWS Config (as the CLI's --config)
MEMBER_ROLE = "LEFTOVERS_MEMBER_ROLE"  # organization mode: the member role assumed in each record's account
MARGIN_MS = 60_000  # a batch of 200 one-call-each records at 10 calls a second takes ~20 s
OUT_OF_TIME = "not checked: the run's time was up"
LOGGED_KEYS = 100  # the healed keys the log names, at most
WAITS = (5, 10, 20, 40, 80, 160, 300, 300, 300)  # seconds between tries while another run holds the lease (~20 min)


@dataclass(frozen=True, slots=True)
class Options:
    """The reconcile step's settings, read once at cold start."""

    limit: int | None = None
    use_config: bool = False
    scope: str = "due"
    member_role: str | None = None


@cache
def options() -> Options:
    """This execution environment's options (the first invocation reads them; a bad value fails it)."""
    return read_options(os.environ)


def read_options(env: Mapping[str, str]) -> Options:
    """Options from ``env``; a bad value raises SettingsError naming the variable."""
    limit, use_config = env.get(LIMIT, "").strip(), env.get(USE_CONFIG, "").strip().lower()
    scope = env.get(SCOPE, "").strip().lower() or "due"
    if scope not in ("due", "all"):
        raise SettingsError(SCOPE, f"expected due or all, got {scope!r}")
    if limit and not (limit.isdigit() and int(limit) > 0):
        raise SettingsError(LIMIT, f"expected a whole number above 0, or empty for no limit; got {limit!r}")
    if use_config not in ("", "true", "false"):
        raise SettingsError(USE_CONFIG, f"expected true or false, got {use_config!r}")
    member_role = env.get(MEMBER_ROLE, "").strip() or None
    return Options(int(limit) if limit else None, use_config == "true", scope, member_role)


class UntilDeadline:
    """The inventory until ``margin_ms`` before the invocation ends; later batches are unknown, not a timeout."""

    def __init__(self, inventory: Inventory, remaining_ms: Callable[[], int], margin_ms: int = MARGIN_MS) -> None:
        self.inventory, self.remaining_ms, self.margin_ms = inventory, remaining_ms, margin_ms

    def check(self, records: Sequence[Resource]) -> dict[ResourceKey, Verdict]:
        """The inventory's verdicts, or UNKNOWN for every record once the time is nearly up."""
        if self.remaining_ms() < self.margin_ms:
            return dict.fromkeys((r.key for r in records), Verdict(Presence.UNKNOWN, OUT_OF_TIME))
        return self.inventory.check(records)


def handler(event: dict[str, Any] | None, context: Any) -> dict[str, Any]:
    """Input: ``at`` and ``run`` (the execution); returns ``counts`` (``checked``, ``present``, ``healed``,
    ``unknown``, and in organization mode ``unreachable_accounts``) and ``due_rows``: the due records still there,
    as rows by name (packed), or ``None`` when notify must read them; in organization mode also ``unreachable``
    (account -> why its member role could not be assumed); or, while another execution holds the lease,
    ``wait_seconds`` before the state machine asks again (``waited`` counts the tries; RunInProgress once they are
    used up)."""
    wiring, chosen, event = current(), options(), event or {}
    at = parse_at(event.get("at"))
    waited = int((event.get("reconcile") or {}).get("waited") or 0)  # this step's own earlier answer
    try:
        hold(wiring.lease, parse_run(event.get("run")))  # before the read: no other run may mark what it reads
    except RunInProgress as busy:
        if waited >= len(WAITS):
            raise
        logger.info("waiting for another run", extra={"holder": busy.holder, "waited": waited})
        return {"counts": None, "due_rows": None, "waited": waited + 1, "wait_seconds": WAITS[waited]}
    remaining = getattr(context, "get_remaining_time_in_millis", lambda: sys.maxsize)
    across = make_inventory(use_config=chosen.use_config, member_role=chosen.member_role)
    inventory = UntilDeadline(across, remaining)
    checked = check_due(wiring.store, inventory, wiring.settings.policy, at, limit=chosen.limit, scope=chosen.scope)
    result = checked.result
    counts = {"checked": result.checked, "present": result.present, "healed": result.healed,
              "unknown": result.unknown_total}  # fmt: skip
    unknown = {f"{rtype}: {reason}": n for (rtype, reason), n in sorted(result.unknown.items())}
    healed = [str(k) for k in result.gone[:LOGGED_KEYS]]
    unreachable: dict[str, str] = dict(getattr(across, "unreachable", None) or {})  # organization mode only
    if chosen.member_role:
        counts["unreachable_accounts"] = len(unreachable)
    logger.info("reconciled", extra={**counts, "unknown_reasons": unknown, "gone": healed})
    if unreachable:  # their records stay, unknown: a missing member role must be seen, not silently skipped
        logger.warning("member accounts unreachable", extra={"role": chosen.member_role, "accounts": unreachable})
    # A retagged record may no longer be due (a keep tag): notify then reads the due records itself.
    rows = None if checked.due is None or result.retagged else pack([row_out(r) for r in checked.due])
    handed = rows if rows is not None and len(rows) <= MAX_ROWS_BYTES else None
    out = {"counts": counts, "due_rows": handed, "waited": waited, "wait_seconds": 0}
    return {**out, "unreachable": unreachable} if chosen.member_role else out
