"""The scheduled job: find what is due, send it, and mark each resource only once its message was accepted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from leftovers.core.deadlines import Deadlines
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.errors import NotifyError
from leftovers.core.lifecycle import is_due, mark_notified
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Message, Notifier, Store
from leftovers.core.routing import RoutedMessage
from leftovers.service.batches import save_recomputed

Describe = Callable[[Resource], DigestEntry | None]
"""Turns a due record into a digest entry, or ``None`` when policy says not to tell (ignored, kept)."""


@dataclass(frozen=True, slots=True)
class NotifyResult:
    """What a run did: how many were due, which were sent and marked, which stay due, and why."""

    due: int
    sent: tuple[ResourceKey, ...] = ()
    unsent: tuple[ResourceKey, ...] = ()
    messages: int = 0
    error: str | None = None
    previews: tuple[Message, ...] = field(default=())
    routes: tuple[RouteOutcome, ...] = ()
    """With routing, what each route's delivery did (for logs and the CLI's summary)."""


@dataclass(frozen=True, slots=True)
class RouteOutcome:
    """One route's delivery: its name and destination, how many of its messages were accepted, why it stopped."""

    name: str
    to: str
    accepted: int = 0
    error: str | None = None


def build_digest(
    store: Store,
    at: datetime,
    timezone: str,
    describe: Describe = DigestEntry,
    due: Iterable[Resource] | None = None,
    **style: Any,
) -> Digest:
    """The digest of everything due at ``at`` that policy lets through; ``style`` is passed to Digest.

    ``due`` is what an earlier step already read from the due index (the store is not asked again).
    """
    records = store.due(at) if due is None else due
    entries = (describe(r) for r in records if is_due(r, at))
    return Digest(at=at, timezone=timezone, entries=tuple(e for e in entries if e is not None), **style)


def send(
    notifier: Notifier, digest: Digest, on_accepted: Callable[[list[ResourceKey]], object] = lambda keys: None
) -> NotifyResult:
    """Deliver the digest message by message; a resource counts as sent once every message naming it was accepted.

    A failure stops its own route's messages (the rest of that route stays due) but not the other routes': without
    routing there is one route, so the first failure stops the run. ``on_accepted`` gets each batch of resources
    whose last message was just accepted.
    """
    messages = notifier.render(digest)
    waiting = Counter(k for m in messages for k in m.keys)  # messages still to be accepted, per resource
    routes = {_route(m): RouteOutcome(*_route(m)) for m in messages}  # unrouted messages share the route ("", "")
    sent: list[ResourceKey] = []
    for message in messages:
        route = _route(message)
        if routes[route].error is not None:
            continue
        try:
            notifier.deliver(message)
        except NotifyError as exc:
            routes[route] = replace(routes[route], error=str(exc))
            continue
        routes[route] = replace(routes[route], accepted=routes[route].accepted + 1)
        waiting.subtract(message.keys)
        done = [k for k in dict.fromkeys(message.keys) if waiting[k] == 0]
        if done:
            on_accepted(done)
            sent.extend(done)
    unsent = tuple(k for k in waiting if waiting[k] > 0)
    failed = [f"route {r.name} ({r.to}): {r.error}" if r.name else r.error for r in routes.values() if r.error]
    named = tuple(r for r in routes.values() if r.name)
    delivered = sum(r.accepted for r in routes.values())
    return NotifyResult(len(digest.entries), tuple(sent), unsent, delivered, "; ".join(failed) or None, routes=named)


def _route(message: Message) -> tuple[str, str]:
    """The route a message belongs to and its destination (routed messages name theirs; others share one)."""
    return (message.route, message.to) if isinstance(message, RoutedMessage) else ("", "")


def mark(
    store: Store,
    keys: Collection[ResourceKey],
    at: datetime,
    deadlines: Deadlines,
    seen: Collection[Resource] = (),
) -> int:
    """Mark these resources notified at ``at``; idempotent, so a retried step does not count twice.

    ``seen`` holds records as the notify step read them: each is written without being read again (the save is
    conditional on its version, which proves it unchanged); only the other keys are read first. If some record
    changed meanwhile, the save reloads and marks afresh.
    """
    wanted = set(keys)
    records = [r for r in seen if r.key in wanted]
    unread = wanted - {r.key for r in records}
    if unread:
        records += store.load(unread).values()
    return len(save_recomputed(store, records, lambda r: mark_notified(r, at, deadlines), "marking"))


def run(
    store: Store,
    notifier: Notifier,
    deadlines: Deadlines,
    at: datetime,
    timezone: str,
    describe: Describe = DigestEntry,
    dry_run: bool = False,
    **style: Any,
) -> NotifyResult:
    """The whole job; with ``dry_run`` it renders the messages and changes nothing."""
    digest = build_digest(store, at, timezone, describe, **style)
    if dry_run:
        previews = tuple(notifier.render(digest))
        keys = tuple(k for m in previews for k in m.keys)
        return NotifyResult(len(digest.entries), unsent=keys, messages=len(previews), previews=previews)
    seen = {e.resource.key: e.resource for e in digest.entries}
    return send(notifier, digest, lambda keys: mark(store, keys, at, deadlines, [seen[k] for k in keys]))
