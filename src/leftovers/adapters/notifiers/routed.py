"""A notifier that cuts the digest by route (core/routing.py) and has each route's own notifier render and deliver
its part: a team's webhook, an app channel, or the run's own destination."""

from __future__ import annotations

from collections.abc import Callable

from leftovers.core.digest import Digest
from leftovers.core.errors import LeftoversError, NotifyError
from leftovers.core.ports import Message, Notifier
from leftovers.core.routing import Path, RoutedMessage, Routing

NotifierFor = Callable[[str], Notifier]
"""Builds the notifier of one destination (``main``, ``slack:C…``, ``webhook:/…``); may raise a LeftoversError."""


class Unreachable:
    """A destination whose notifier could not be built (its webhook parameter unreadable, say): its messages are
    rendered as one that fails at delivery, so its resources stay due while the other routes go out."""

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def render(self, digest: Digest) -> list[Message]:
        """One message naming every entry, which will not be delivered."""
        keys = tuple(e.resource.key for e in digest.entries)
        return [Message(keys, f"{digest.title()} (not sent: {self.problem})")]

    def deliver(self, message: Message) -> None:
        """Always refused, with the reason the destination could not be reached."""
        raise NotifyError(self.problem)


class RoutedNotifier:
    """One digest per route, rendered and delivered by that route's notifier (built once per route, on first use)."""

    def __init__(
        self, routing: Routing, notifier_for: NotifierFor, path_of: Callable[[str], Path] = lambda account: ()
    ) -> None:
        self._routing = routing
        self._notifier_for = notifier_for
        self._path_of = path_of  # an account's OU path: only asked when some route names an OU
        self._notifiers: dict[str, Notifier] = {}

    def __repr__(self) -> str:
        return f"RoutedNotifier(routes={len(self._routing.routes)}, default={self._routing.default!r})"

    def render(self, digest: Digest) -> list[Message]:
        """Each route's messages in turn (routes in file order, the default last), tagged with route and destination."""
        out: list[Message] = []
        for part in self._routing.split(digest, self._path_of):
            for message in self._notifier(part.name, part.to).render(part.digest):
                out.append(RoutedMessage(message.keys, message.text, message.payload, route=part.name, to=part.to))
        return out

    def deliver(self, message: Message) -> None:
        """Deliver a routed message with its route's notifier."""
        if not isinstance(message, RoutedMessage):
            raise NotifyError("a routed notifier delivers only the messages it rendered")
        plain = Message(message.keys, message.text, message.payload)
        self._notifier(message.route, message.to).deliver(plain)

    def _notifier(self, route: str, to: str) -> Notifier:
        # One per route, not per destination: an app notifier remembers its threads, which must not mix digests.
        if route not in self._notifiers:
            try:
                self._notifiers[route] = self._notifier_for(to)
            except LeftoversError as exc:
                self._notifiers[route] = Unreachable(str(exc))
        return self._notifiers[route]
