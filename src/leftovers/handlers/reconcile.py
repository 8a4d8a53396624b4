"""The daily run's first step: heal deletions whose events were lost, so the digest that follows leaves them out.

The same use case as ``leftovers reconcile --due`` with the CLI's defaults (no limit, 10 AWS calls a second, the
tagging API on, Config off), each adjustable by a variable. By default it checks what is due, read through the due
index: every resource the digest would name is checked first, and the run never reads the whole table (scope
``all`` checks every tracked record, a Scan). The due rows it read go on to the notify step (``due_rows``, when they
fit the state), so the run reads each due item once. An access-denied or unsupported type is counted unknown, never
deleted; a failure to reach AWS or the table raises, and the state machine goes on to the digest anyway (its Catch).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from leftovers.adapters.stores.codec import to_values
from leftovers.bootstrap import make_inventory
from leftovers.core.errors import SettingsError
from leftovers.core.inventory import Presence, Verdict
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Inventory
from leftovers.handlers._wiring import current, logger, parse_at
from leftovers.service.reconcile import reconcile

LIMIT = "LEFTOVERS_RECONCILE_LIMIT"  # check at most N records, oldest first; empty: all (as the CLI's --limit)
SCOPE = "LEFTOVERS_RECONCILE_SCOPE"  # "due" (default): what is due, as --due; "all": every tracked record
MAX_ROWS_BYTES = 100_000  # the due rows handed to notify share the state's 256 KB with the rest
USE_CONFIG = "LEFTOVERS_RECONCILE_CONFIG"  # "true": also ask AWS Config (as the CLI's --config)
MARGIN_MS = 60_000  # a batch of 200 one-call-each records at 10 calls a second takes ~20 s
OUT_OF_TIME = "not checked: the run's time was up"
LOGGED_KEYS = 100  # the healed keys the log names, at most


@dataclass(frozen=True, slots=True)
class Options:
    """The reconcile step's settings, read once at cold start."""

    limit: int | None = None
    use_config: bool = False
    scope: str = "due"


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
    return Options(int(limit) if limit else None, use_config == "true", scope)


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
    """Input: the scheduler's ``at``; returns ``counts`` (``checked``, ``present``, ``healed``, ``unknown``) and
    ``due_rows``: the due records still there, in the stores' row encoding, or ``None`` when notify must read them."""
    wiring, chosen = current(), options()
    at = parse_at((event or {}).get("at"))
    remaining = getattr(context, "get_remaining_time_in_millis", lambda: sys.maxsize)
    inventory = UntilDeadline(make_inventory(use_config=chosen.use_config), remaining)
    due = list(wiring.store.due(at)) if chosen.scope == "due" else None
    result = reconcile(wiring.store, inventory, wiring.settings.policy, at, limit=chosen.limit, candidates=due)
    counts = {"checked": result.checked, "present": result.present, "healed": result.healed,
              "unknown": result.unknown_total}  # fmt: skip
    unknown = {f"{rtype}: {reason}": n for (rtype, reason), n in sorted(result.unknown.items())}
    healed = [str(k) for k in result.gone[:LOGGED_KEYS]]
    logger.info("reconciled", extra={**counts, "unknown_reasons": unknown, "gone": healed})
    # A retagged record may no longer be due (a keep tag): notify then reads the due records itself.
    return {"counts": counts, "due_rows": None if result.retagged else handed_over(due, set(result.gone))}


def handed_over(due: list[Resource] | None, gone: set[ResourceKey]) -> list[tuple[Any, ...]] | None:
    """The due rows still there (a healed record's stored version moved, so it is left out), if they fit."""
    if due is None:
        return None
    rows = [to_values(r) for r in due if r.key not in gone]
    return rows if len(json.dumps(rows)) <= MAX_ROWS_BYTES else None
