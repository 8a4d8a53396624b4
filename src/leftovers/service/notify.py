"""The scheduled job: find what is due, send it, and mark each resource only once its message was accepted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
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
    failed: dict[str, str] = {}  # route -> why its delivery stopped
    sent: list[ResourceKey] = []
    delivered = 0
    for message in messages:
        route = _route(message)
        if route in failed:
            continue
        try:
            notifier.deliver(message)
        except NotifyError as exc:
            failed[route] = str(exc)
            continue
        delivered += 1
        waiting.subtract(message.keys)
        done = [k for k in dict.fromkeys(message.keys) if waiting[k] == 0]
        if done:
            on_accepted(done)
            sent.extend(done)
    unsent = tuple(k for k in waiting if waiting[k] > 0)
    error = "; ".join(f"{route}: {why}" if route else why for route, why in failed.items()) if failed else None
    return NotifyResult(len(digest.entries), tuple(sent), unsent, delivered, error)


def _route(message: Message) -> str:
    """The route a message belongs to (routed messages name theirs), tagging its error with route and destination."""
    return f"route {message.route} ({message.to})" if isinstance(message, RoutedMessage) else ""


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
