"""Terminal notifier: the digest printed readably, the default when no Slack webhook is set."""

from __future__ import annotations

import re
import sys
from typing import TextIO

from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError
from leftovers.core.ports import Message

# A name may hold newlines or terminal escape sequences; neither may reach the terminal from a digest line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


class TerminalNotifier:
    """Writes the whole digest as one message to a text stream (standard output by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        # Resolved at delivery, not here, so a stream swapped in later (click's test runner) is honoured.
        self._stream = stream

    def render(self, digest: Digest) -> list[Message]:
        """One message naming every entry: the title, then per resource type a heading and indented lines."""
        if not digest.entries:
            return []
        lines = [digest.title()]
        keys = []
        for rtype, entries in digest.groups():
            lines += ["", f"{_CONTROL.sub(' ', rtype)} ({len(entries)})"]
            lines += [f"  {_CONTROL.sub(' ', digest.line(entry))}" for entry in entries]
            keys += [entry.resource.key for entry in entries]
        footer = digest.footer()
        if footer:
            lines += ["", footer]
        return [Message(keys=tuple(keys), text="\n".join(lines))]

    def deliver(self, message: Message) -> None:
        """Write the message and a final newline; raise NotifyError if the stream refuses it."""
        stream = self._stream or sys.stdout
        text = message.text + "\n"
        try:
            try:
                stream.write(text)
            except UnicodeEncodeError:
                # A terminal that cannot show "·" or a name's accents still gets a readable digest.
                encoding = getattr(stream, "encoding", None) or "ascii"
                stream.write(text.encode(encoding, "replace").decode(encoding))
            stream.flush()
        except OSError as e:
            raise NotifyError(f"could not write the digest: {e.strerror or e}") from e
