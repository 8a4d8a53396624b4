"""Terminal notifier: the digest printed readably, the default when no Slack webhook is set."""

from __future__ import annotations

import sys
from typing import TextIO

from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError
from leftovers.core.ports import Message
from leftovers.core.rich_text import Field, Segment, neutralise, plain, plain_line


def text(segments: Field | tuple[Segment, ...]) -> str:
    """Segments as one terminal-safe line: owners by name, links by label, no control or invisible characters."""
    return neutralise(plain(segments))


class TerminalNotifier:
    """Writes the whole digest as one message to a text stream (standard output by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        # Resolved at delivery, not here, so a stream swapped in later (click's test runner) is honoured.
        self._stream = stream

    def render(self, digest: Digest) -> list[Message]:
        """One message naming every entry: the title, then per group a heading and indented lines."""
        if not digest.entries:
            return []
        lines = [digest.title()]
        scope = digest.scope()
        if scope:
            lines.append(text(scope))
        keys = []
        for label, entries in digest.groups():
            lines += ["", f"{text((label,))} ({len(entries)})"]
            lines += [f"  {neutralise(plain_line(digest.line(entry)))}" for entry in entries]
            keys += [entry.resource.key for entry in entries]
        closing = [line for line in (digest.footer(), *digest.warnings()) if line]
        if closing:
            lines += ["", *(neutralise(line) for line in closing)]
        return [Message(keys=tuple(keys), text="\n".join(lines))]

    def deliver(self, message: Message) -> None:
        """Write the message and a final newline; raise NotifyError if the stream refuses it."""
        stream = self._stream or sys.stdout
        out = message.text + "\n"
        try:
            try:
                stream.write(out)
            except UnicodeEncodeError:
                # A terminal that cannot show "·" or a name's accents still gets a readable digest.
                encoding = getattr(stream, "encoding", None) or "ascii"
                stream.write(out.encode(encoding, "replace").decode(encoding))
            stream.flush()
        except OSError as e:
            raise NotifyError(f"could not write the digest: {e.strerror or e}") from e
