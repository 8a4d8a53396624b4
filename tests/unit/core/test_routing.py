"""Routing in the core: each condition, "any within a list, all across keys", every match, the default otherwise."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.rich_text import Owner
from leftovers.core.routing import DEFAULT_ROUTE, MAIN, Route, Routing

AT = datetime(2026, 12, 1, tzinfo=UTC)
A, B, C = "111111111111", "222222222222", "333333333333"
PATHS = {A: ("r-ab12", "ou-ab12-sandbox1"), B: ("r-ab12", "ou-ab12-sandbox1", "ou-ab12-teamb111"), C: ("r-ab12",)}


def entry(
    account: str = A, rid: str = "i-1", owner: str | None = None, tags: dict[str, str] | None = None,
    cost: float | None = None,
) -> DigestEntry:  # fmt: skip
    key = ResourceKey(account, "us-east-1", "AWS::EC2::Instance", rid)
    return DigestEntry(Resource(key, tags=tags, created_at=AT), Owner(owner) if owner else None, cost)


def names(routing: Routing, e: DigestEntry) -> list[str]:
    return [name for name, _ in routing.destinations(e, PATHS.get(e.resource.key.account, ()))]


def test_each_condition_alone() -> None:
    routing = Routing(
        MAIN,
        (
            Route("acct", "slack:C0A", accounts=(A,)),
            Route("ou", "slack:C0B", ous=("ou-ab12-teamb111",)),
            Route("owner", "slack:C0C", owners=("alice",)),
            Route("tag", "slack:C0D", tags={"team": ("a",)}),
            Route("any-env", "slack:C0E", tags={"env": ("*",)}),
            Route("dear", "webhook:/leftovers/routes/platform", min_monthly_cost=100),
        ),
    )
    assert names(routing, entry(A)) == ["acct"]
    assert names(routing, entry(B)) == ["ou"]
    assert names(routing, entry(C, owner="alice")) == ["owner"]
    assert names(routing, entry(C, owner="bob")) == [DEFAULT_ROUTE]
    assert names(routing, entry(C, tags={"team": "a"})) == ["tag"]
    assert names(routing, entry(C, tags={"team": "b"})) == [DEFAULT_ROUTE]
    assert names(routing, entry(C, tags={"env": "anything"})) == ["any-env"]
    assert names(routing, entry(C, cost=100.0)) == ["dear"]
    assert names(routing, entry(C, cost=99.99)) == [DEFAULT_ROUTE]
    assert names(routing, entry(C, cost=None)) == [DEFAULT_ROUTE]  # an unknown cost never matches
    assert names(routing, entry(A, cost=500.0)) == ["acct", "dear"]  # every route that matches


def test_a_parent_ou_covers_the_accounts_of_its_nested_ous() -> None:
    routing = Routing(MAIN, (Route("sandboxes", "slack:C0A", ous=("ou-ab12-sandbox1",)),))
    assert names(routing, entry(A)) == ["sandboxes"]
    assert names(routing, entry(B)) == ["sandboxes"]
    assert names(routing, entry(C)) == [DEFAULT_ROUTE]
    assert names(routing, entry("444444444444")) == [DEFAULT_ROUTE]  # outside the organization: path ()


def test_any_value_within_a_list_and_every_key_across() -> None:
    route = Route("x", "slack:C0A", accounts=(A, B), owners=("alice", "bob"), tags={"team": ("a", "b")})
    routing = Routing(MAIN, (route,))
    assert names(routing, entry(B, owner="bob", tags={"team": "a"})) == ["x"]
    assert names(routing, entry(B, owner="carol", tags={"team": "a"})) == [DEFAULT_ROUTE]
    assert names(routing, entry(C, owner="bob", tags={"team": "a"})) == [DEFAULT_ROUTE]
    assert names(routing, entry(A, owner="alice")) == [DEFAULT_ROUTE]  # the tag is missing


def test_a_route_needs_a_condition_and_names_are_unique() -> None:
    with pytest.raises(ValueError, match="needs a condition"):
        Route("bare", "slack:C0A")
    with pytest.raises(ValueError, match="unique"):
        Routing(MAIN, (Route("x", "slack:C0A", accounts=(A,)), Route("x", "slack:C0B", accounts=(B,))))
    with pytest.raises(ValueError, match="unique"):
        Routing(MAIN, (Route(DEFAULT_ROUTE, "slack:C0A", accounts=(A,)),))


def test_split_gives_one_digest_per_route_each_heading_naming_its_route() -> None:
    routing = Routing(MAIN, (Route("team-a", "slack:C0A", accounts=(A,)), Route("dear", "slack:C0P",
                                                                                  min_monthly_cost=100)))  # fmt: skip
    entries = (entry(A, "i-a", cost=5.0), entry(A, "i-a2", cost=300.0), entry(C, "i-c"))
    digest = Digest(AT, "UTC", entries)
    asked: list[str] = []
    parts = routing.split(digest, lambda account: asked.append(account) or ())
    assert [(p.name, p.to) for p in parts] == [("team-a", "slack:C0A"), ("dear", "slack:C0P"), (DEFAULT_ROUTE, MAIN)]
    assert [[e.resource.key.resource_id for e in p.digest.entries] for p in parts] == [["i-a", "i-a2"], ["i-a2"],
                                                                                        ["i-c"]]  # fmt: skip
    assert parts[0].digest.title().endswith("· route team-a")
    assert "route" not in parts[2].digest.title()  # what no route took reads as the usual digest
    assert asked == []  # no route names an OU: Organizations is not asked


def test_split_reads_each_accounts_path_once_when_a_route_names_an_ou() -> None:
    routing = Routing(MAIN, (Route("ou", "slack:C0A", ous=("ou-ab12-teamb111",)),))
    asked: list[str] = []
    digest = Digest(AT, "UTC", (entry(B, "i-1"), entry(B, "i-2"), entry(A, "i-3")))
    parts = routing.split(digest, lambda account: asked.append(account) or PATHS[account])
    assert asked == [B, A]
    assert [len(p.digest.entries) for p in parts] == [2, 1]


def _route_or_none(**kw: object) -> Route | None:
    try:
        return Route(**kw)  # type: ignore[arg-type]
    except ValueError:  # a route without a condition: the config refuses it
        return None


ACCOUNTS = st.sampled_from([A, B, C])
ROUTES = st.builds(
    lambda **kw: _route_or_none(**kw),
    name=st.uuids().map(str),
    to=st.sampled_from(["slack:C0A", "webhook:/p", MAIN]),
    accounts=st.lists(ACCOUNTS, max_size=2).map(tuple),
    ous=st.lists(st.sampled_from(["ou-ab12-sandbox1", "ou-ab12-teamb111", "r-ab12"]), max_size=1).map(tuple),
    owners=st.lists(st.sampled_from(["alice", "bob"]), max_size=1).map(tuple),
    tags=st.dictionaries(st.sampled_from(["team", "env"]), st.sampled_from([("a",), ("*",), ("a", "b")]), max_size=1),
    min_monthly_cost=st.none() | st.floats(0, 500),
).filter(lambda r: r is not None)
ENTRIES = st.builds(
    entry,
    account=ACCOUNTS,
    rid=st.uuids().map(str),
    owner=st.none() | st.sampled_from(["alice", "bob"]),
    tags=st.none() | st.dictionaries(st.sampled_from(["team", "env"]), st.sampled_from(["a", "b"])),
    cost=st.none() | st.floats(0, 1000),
)


@given(st.lists(ROUTES, max_size=4, unique_by=lambda r: r.name), st.lists(ENTRIES, max_size=12))
def test_every_entry_reaches_a_destination_and_the_default_exactly_when_nothing_matched(
    routes: list[Route], entries: list[DigestEntry]
) -> None:
    routing = Routing("slack:C0DEFAULT", tuple(routes))
    parts = routing.split(Digest(AT, "UTC", tuple(entries)), lambda account: PATHS[account])
    got: dict[str, set[str]] = {}
    for part in parts:
        for e in part.digest.entries:
            got.setdefault(e.resource.key.resource_id, set()).add(part.name)
    for e in entries:
        matched = {r.name for r in routes if r.matches(e, PATHS[e.resource.key.account])}
        assert got[e.resource.key.resource_id] == (matched or {DEFAULT_ROUTE})
