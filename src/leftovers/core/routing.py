"""Routing: which destinations each digest entry goes to, by account, OU, owner, tag or monthly cost.

A destination is an opaque string here (``main``, or whatever an adapter understands); the core only decides which
routes an entry matches. An entry goes to every route it matches, and to the default when it matches none, so no
leftover is ever dropped for want of a route.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.ports import Message

MAIN = "main"
"""The run's own destination (the webhook, channel or address it would use without routing)."""
DEFAULT_ROUTE = "default"
"""The name of the route that gets what no other route matched (reserved: no route may take it)."""
Path = tuple[str, ...]
"""An account's organizational units from the root down (``("r-ab12", "ou-ab12-aaaa1111")``); ``()`` if unknown."""


@dataclass(frozen=True, slots=True)
class Route:
    """One rule: a name, a destination, and conditions (all must hold; within one list, any value matches)."""

    name: str
    to: str
    accounts: tuple[str, ...] = ()
    ous: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Tag key -> accepted values; ``"*"`` accepts any value (the key must still be there)."""
    min_monthly_cost: float | None = None
    """USD per month; an entry without an estimate never matches."""

    def __post_init__(self) -> None:
        if not self.conditions():
            raise ValueError(f"route {self.name!r} needs a condition ({', '.join(CONDITIONS)})")

    def conditions(self) -> tuple[str, ...]:
        """The names of the conditions this route sets."""
        return tuple(name for name in CONDITIONS if getattr(self, name) not in (None, (), {}))

    def matches(self, entry: DigestEntry, path: Path = ()) -> bool:
        """Whether every condition this route sets holds for ``entry`` (in an account at ``path``)."""
        return all(CONDITIONS[name](self, entry, path) for name in self.conditions())


def _tag_matches(wanted: Mapping[str, tuple[str, ...]], tags: Mapping[str, str]) -> bool:
    return all(k in tags and ("*" in values or tags[k] in values) for k, values in wanted.items())


Test = Callable[[Route, DigestEntry, Path], bool]
CONDITIONS: dict[str, Test] = {
    "accounts": lambda r, e, p: e.resource.key.account in r.accounts,
    "ous": lambda r, e, p: any(unit in p for unit in r.ous),
    "owners": lambda r, e, p: e.owner is not None and e.owner.name in r.owners,
    "tags": lambda r, e, p: _tag_matches(r.tags, e.resource.tag_map),
    "min_monthly_cost": lambda r, e, p: (
        e.monthly_cost_usd is not None and e.monthly_cost_usd >= (r.min_monthly_cost or 0.0)
    ),
}
"""Each condition a route may set, and how it is checked (only the ones a route sets are)."""


@dataclass(frozen=True, slots=True)
class Routed:
    """The part of a digest one route gets: the route's name, its destination, and its digest."""

    name: str
    to: str
    digest: Digest


@dataclass(frozen=True, slots=True)
class RoutedMessage(Message):
    """A message rendered for one route, carrying that route's name and destination."""

    route: str = DEFAULT_ROUTE
    to: str = MAIN


@dataclass(frozen=True, slots=True)
class Routing:
    """The rule table: routes in file order, and the destination of what none of them matched."""

    default: str
    routes: tuple[Route, ...] = ()

    def __post_init__(self) -> None:
        names = [r.name for r in self.routes]
        if DEFAULT_ROUTE in names or len(set(names)) != len(names):
            raise ValueError(f"route names must be unique and not {DEFAULT_ROUTE!r}")

    @property
    def needs_units(self) -> bool:
        """Whether some route names an OU (only then are the accounts' OU paths read)."""
        return any(r.ous for r in self.routes)

    def every(self) -> list[tuple[str, str]]:
        """(name, destination) of every route in file order, then the default's."""
        return [*((r.name, r.to) for r in self.routes), (DEFAULT_ROUTE, self.default)]

    def destinations(self, entry: DigestEntry, path: Path = ()) -> tuple[tuple[str, str], ...]:
        """(route name, destination) for every route ``entry`` matches, or the default alone when none does."""
        found = tuple((r.name, r.to) for r in self.routes if r.matches(entry, path))
        return found or ((DEFAULT_ROUTE, self.default),)

    def split(self, digest: Digest, path_of: Callable[[str], Path] = lambda account: ()) -> list[Routed]:
        """One digest per route that got entries (routes in file order, the default last); each heading names its
        route, the default's keeps the usual heading."""
        paths: dict[str, Path] = {}
        taken: dict[str, list[DigestEntry]] = {}
        for entry in digest.entries:
            account = entry.resource.key.account
            if self.needs_units and account not in paths:
                paths[account] = path_of(account)
            for name, _ in self.destinations(entry, paths.get(account, ())):
                taken.setdefault(name, []).append(entry)
        return [
            Routed(name, to, replace(digest, entries=tuple(taken[name]), route=None if name == DEFAULT_ROUTE else name))
            for name, to in self.every()
            if name in taken
        ]
