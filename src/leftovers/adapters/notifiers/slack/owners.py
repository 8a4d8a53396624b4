"""Who gets a direct message: each digest entry's owner resolved to a Slack user id, or to nobody (the channel)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from leftovers.adapters.notifiers.addresses import candidates
from leftovers.core.digest import DigestEntry

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")

Lookup = Callable[[str], str | None]
"""An e-mail address -> the Slack user id that has it, or ``None`` (``users.lookupByEmail``)."""


class OwnerResolver:
    """Resolves owners once per address: the ``[slack_users]`` map first, then ``lookup`` by e-mail."""

    def __init__(self, lookup: Lookup | None = None, addresses: Mapping[str, str] | None = None) -> None:
        self._lookup = lookup
        self._addresses = addresses or {}
        self._known: dict[str, str | None] = {}

    def user(self, entry: DigestEntry) -> str | None:
        """The Slack user id to send ``entry`` to directly, or ``None`` when it belongs in the channel."""
        mapped = entry.owner.handle("slack") if entry.owner else None
        if mapped and _USER_ID.fullmatch(mapped):
            return mapped
        if self._lookup is None:
            return None
        for address in candidates(entry, self._addresses):
            key = address.lower()
            if key not in self._known:
                found = self._lookup(address)
                self._known[key] = found if found and _USER_ID.fullmatch(found) else None
            if self._known[key]:
                return self._known[key]
        return None

    def split(self, entries: Iterable[DigestEntry]) -> tuple[dict[str, list[DigestEntry]], list[DigestEntry]]:
        """Entries per resolved user (in first-seen order), and the rest, for the channel."""
        by_user: dict[str, list[DigestEntry]] = {}
        rest: list[DigestEntry] = []
        for entry in entries:
            user = self.user(entry)
            if user is None:
                rest.append(entry)
            else:
                by_user.setdefault(user, []).append(entry)
        return by_user, rest
