"""``[routing]`` in leftovers.toml -> Routing: every key checked at load, each error naming its key's path."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from leftovers.adapters.config_file import checks as v
from leftovers.core.routing import DEFAULT_ROUTE, MAIN, Route, Routing

ROUTING = ("default", "route")
ROUTE = ("name", "to", "accounts", "ous", "owners", "tags", "min_monthly_cost")
# The destination forms the notifiers understand: the run's own, a Slack channel id (app mode, the run's bot
# token), or an SSM parameter holding a webhook URL (never the URL itself: it is a secret).
DESTINATIONS = {
    "main": re.compile(r"main"),
    "slack:CHANNEL_ID": re.compile(r"slack:[CG][A-Z0-9]{2,30}"),
    "webhook:/ssm/parameter/name": re.compile(r"webhook:/[A-Za-z0-9_.\-/]{1,1010}"),
}
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")  # shown in headings and logs: nothing to escape
ACCOUNT = re.compile(r"\d{12}")
UNIT = re.compile(r"ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}")  # Organizations' id patterns


def parse_routing(doc: Mapping[str, Any]) -> Routing | None:
    """The routing table, or ``None`` when the file has no ``[routing]``; BadValue at the offending key."""
    if "routing" not in doc:
        return None
    raw = v.table(doc, "routing")
    v.known(raw, ROUTING, ("routing",))
    if "default" not in raw:
        problem = f'needs default = "{MAIN}" (or a destination): a leftover no route matches must still go somewhere'
        # Positioned at the table, or at the first route when only [[routing.route]] headers are written.
        raise v.BadValue(("routing", "route", 0) if raw.get("route") else ("routing",), problem)
    default = destination(raw, "default", ("routing",))
    entries = v.get(raw, "route", list, [], ("routing",))
    routes = tuple(_route(r, ("routing", "route", i)) for i, r in enumerate(entries))
    seen: dict[str, int] = {}
    for i, route in enumerate(routes):
        if route.name in seen:
            raise v.BadValue(("routing", "route", i, "name"), f"another route is already named {route.name!r}")
        seen[route.name] = i
    return Routing(default, routes)


def destination(table: Mapping[str, Any], key: str, at: v.Key) -> str:
    """A destination in one of the known forms."""
    value = v.get(table, key, str, "", at)
    if not any(form.fullmatch(value) for form in DESTINATIONS.values()):
        raise v.BadValue((*at, key), f"unknown destination {value!r} (use {', '.join(DESTINATIONS)})")
    return str(value)


def _route(raw: Any, at: v.Key) -> Route:
    if not isinstance(raw, dict):
        raise v.BadValue(at, "must be a table ([[routing.route]] with keys under it)")
    v.known(raw, ROUTE, at)
    if "name" not in raw:
        raise v.BadValue(at, "every route needs a name (previews, logs and the digest's heading show it)")
    name = v.get(raw, "name", str, "", at)
    if not NAME.fullmatch(name) or name == DEFAULT_ROUTE:
        problem = f"must be up to 64 letters, digits, spaces, '.', '_' or '-' (and not {DEFAULT_ROUTE!r}), not {name!r}"
        raise v.BadValue((*at, "name"), problem)
    if "to" not in raw:
        raise v.BadValue(at, f"route {name!r} needs a destination (to = ...)")
    try:
        return Route(
            name,
            destination(raw, "to", at),
            accounts=_ids(raw, "accounts", ACCOUNT, "a 12-digit account id", at),
            ous=_ids(raw, "ous", UNIT, "an OU id (ou-...) or the root id (r-...)", at),
            owners=v.names(raw, "owners", at),
            tags=_tags(raw, at),
            min_monthly_cost=_cost(raw, at),
        )
    except ValueError as exc:  # no condition at all
        raise v.BadValue(at, f"{exc}: a route without one would take everything") from None


def _ids(raw: Mapping[str, Any], key: str, shape: re.Pattern[str], what: str, at: v.Key) -> tuple[str, ...]:
    found = v.names(raw, key, at)
    for value in found:
        if not shape.fullmatch(value):
            raise v.BadValue((*at, key), f"{value!r} is not {what}")
    return found


def _tags(raw: Mapping[str, Any], at: v.Key) -> dict[str, tuple[str, ...]]:
    tags = v.table(raw, "tags", at)
    return {k: v.names(tags, k, (*at, "tags")) for k in tags}


def _cost(raw: Mapping[str, Any], at: v.Key) -> float | None:
    value = raw.get("min_monthly_cost")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
        raise v.BadValue((*at, "min_monthly_cost"), f"must be a number of USD per month, 0 or more, not {value!r}")
    return float(value)
