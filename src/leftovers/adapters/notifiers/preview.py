"""Notifiers that render exactly what would be sent, and send nothing (dry runs)."""

from __future__ import annotations

from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError
from leftovers.core.ports import Message, Notifier


class Preview:
    """A notifier's messages, rendered but never sent (dry runs)."""

    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def render(self, digest: Digest) -> list[Message]:
        """Exactly what the notifier would send (an app looks owners up: reads only)."""
        return self._notifier.render(digest)

    def deliver(self, message: Message) -> None:
        """A preview never sends."""
        raise NotifyError("a preview sends nothing")


class SlackPreview:
    """The messages Slack would get, rendered without a webhook (for dry runs); it delivers nothing."""

    def render(self, digest: Digest) -> list[Message]:
        """Exactly what SlackWebhookNotifier.render gives."""
        from leftovers.adapters.notifiers.slack.blocks import render_messages

        return render_messages(digest)

    def deliver(self, message: Message) -> None:
        """A preview never sends."""
        raise NotifyError("a preview sends nothing")
