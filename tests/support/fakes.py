"""Fakes that implement the ports for unit tests (fakes over mocks)."""

from __future__ import annotations

from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError
from leftovers.core.ports import Message


class RecordingNotifier:
    """Renders ``per_message`` resources per message and records what it delivered; can fail on chosen messages."""

    def __init__(self, per_message: int = 2, fail_on: set[int] | None = None) -> None:
        self.per_message = per_message
        self.fail_on = fail_on or set()
        self.attempts = 0
        self.delivered: list[Message] = []

    def render(self, digest: Digest) -> list[Message]:
        """Chunks of ``per_message`` entries, in digest order."""
        keys = [e.resource.key for _, group in digest.groups() for e in group]
        chunks = [tuple(keys[i : i + self.per_message]) for i in range(0, len(keys), self.per_message)]
        return [Message(keys=c, text="\n".join(str(k) for k in c)) for c in chunks]

    def deliver(self, message: Message) -> None:
        """Record the message, or fail if this attempt number was scripted to."""
        self.attempts += 1
        if self.attempts in self.fail_on:
            raise NotifyError(f"scripted failure on attempt {self.attempts}")
        self.delivered.append(message)

    @property
    def delivered_keys(self) -> list[object]:
        """Every key delivered so far, in order."""
        return [k for m in self.delivered for k in m.keys]
