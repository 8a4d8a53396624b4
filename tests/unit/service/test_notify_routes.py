"""The notify use case through the routed notifier, with a recording notifier per destination: a resource is marked
only once every route's message naming it was accepted; a failing route stops itself, never the others."""

from __future__ import annotations

from datetime import timedelta

import pytest

from leftovers.adapters.notifiers.routed import RoutedNotifier
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.model import ResourceKey
from leftovers.core.ports import Message, Notifier
from leftovers.core.routing import MAIN, Route, Routing
from leftovers.service import notify
from leftovers.service.ingest import ingest
from tests.support.changes import T0, change
from tests.support.fakes import RecordingNotifier

SCHEDULE = Schedule()
NIGHT = T0 + timedelta(hours=14)
TEAM, OTHER = "111111111111", "222222222222"
ROUTING = Routing(
    MAIN, (Route("team", "webhook:/team", accounts=(TEAM,)), Route("tagged", "slack:C0TAG1", tags={"x": ("*",)}))
)


def key(account: str, n: int) -> ResourceKey:
    return ResourceKey(account, "us-east-1", "AWS::EC2::Volume", f"vol-{n:04d}")


@pytest.fixture
def store() -> MemoryStore:
    """Three team volumes (the first also tagged), two volumes elsewhere (the first tagged)."""
    s = MemoryStore()
    changes = [change("created", n, key=key(TEAM, n), tags={"x": "1"} if n == 0 else {}) for n in range(3)]
    changes += [change("created", 10 + n, key=key(OTHER, n), tags={"x": "1"} if n == 0 else {}) for n in range(2)]
    ingest(s, changes, SCHEDULE)
    return s


def routed(notifiers: dict[str, Notifier]) -> RoutedNotifier:
    return RoutedNotifier(ROUTING, lambda to: notifiers[to])


def counts(store: MemoryStore) -> dict[ResourceKey, int]:
    return {r.key: r.notify_count for r in store.scan()}


def test_every_route_is_delivered_by_its_own_notifier_and_everything_is_marked(store: MemoryStore) -> None:
    fakes = {"webhook:/team": RecordingNotifier(1), "slack:C0TAG1": RecordingNotifier(5), MAIN: RecordingNotifier(5)}
    result = notify.run(store, routed(dict(fakes)), SCHEDULE, NIGHT, "UTC")
    assert result.error is None
    assert sorted(fakes["webhook:/team"].delivered_keys) == [key(TEAM, n) for n in range(3)]  # type: ignore[type-var]
    assert set(fakes["slack:C0TAG1"].delivered_keys) == {key(TEAM, 0), key(OTHER, 0)}
    assert fakes[MAIN].delivered_keys == [key(OTHER, 1)]
    assert result.messages == 3 + 1 + 1
    assert set(counts(store).values()) == {1}


def test_a_failing_route_stops_itself_only_and_what_it_names_stays_due(store: MemoryStore) -> None:
    team = RecordingNotifier(1, fail_on={2})  # the team's second message fails: its third is never tried
    fakes = {"webhook:/team": team, "slack:C0TAG1": RecordingNotifier(5), MAIN: RecordingNotifier(5)}
    result = notify.run(store, routed(dict(fakes)), SCHEDULE, NIGHT, "UTC")
    assert result.error == "route team (webhook:/team): scripted failure on attempt 2"
    assert team.attempts == 2
    assert team.delivered_keys == [key(TEAM, 0)]
    # vol-0 of the team was accepted by both routes naming it; vol-1 failed, vol-2 was never sent.
    assert set(fakes["slack:C0TAG1"].delivered_keys) == {key(TEAM, 0), key(OTHER, 0)}
    assert fakes[MAIN].delivered_keys == [key(OTHER, 1)]
    assert set(result.unsent) == {key(TEAM, 1), key(TEAM, 2)}
    assert counts(store) == {key(TEAM, 0): 1, key(TEAM, 1): 0, key(TEAM, 2): 0, key(OTHER, 0): 1, key(OTHER, 1): 1}


def test_a_resource_accepted_by_one_route_but_refused_by_another_is_not_marked(store: MemoryStore) -> None:
    fakes = {"webhook:/team": RecordingNotifier(5), "slack:C0TAG1": RecordingNotifier(5, fail_on={1}),
             MAIN: RecordingNotifier(5)}  # fmt: skip
    result = notify.run(store, routed(dict(fakes)), SCHEDULE, NIGHT, "UTC")
    assert (result.error or "").startswith("route tagged (slack:C0TAG1): ")
    assert key(TEAM, 0) in fakes["webhook:/team"].delivered_keys  # accepted by the team's route ...
    assert counts(store)[key(TEAM, 0)] == 0  # ... but the tagged route refused it: still due
    assert counts(store)[key(TEAM, 1)] == counts(store)[key(OTHER, 1)] == 1


def test_a_destination_that_cannot_be_built_fails_its_route_at_delivery_only(store: MemoryStore) -> None:
    def build(to: str) -> Notifier:
        if to == "webhook:/team":
            raise SettingsError("SSM parameter /team", "cannot be read: ParameterNotFound")
        return RecordingNotifier(5)

    result = notify.run(store, RoutedNotifier(ROUTING, build), SCHEDULE, NIGHT, "UTC")
    assert result.error == "route team (webhook:/team): SSM parameter /team: cannot be read: ParameterNotFound"
    assert set(result.unsent) == {key(TEAM, n) for n in range(3)}
    assert counts(store) == {key(TEAM, 0): 0, key(TEAM, 1): 0, key(TEAM, 2): 0, key(OTHER, 0): 1, key(OTHER, 1): 1}


def test_a_message_it_did_not_render_is_refused() -> None:
    with pytest.raises(NotifyError, match="only the messages it rendered"):
        routed({}).deliver(Message((), "forged"))
