"""E-mail addresses an owner may be reached at: from the config's map, an e-mail-shaped owner, or the SSO session
name CloudTrail recorded. Shared by the Slack app (``users.lookupByEmail``) and the e-mail notifier."""

from __future__ import annotations

import re
from collections.abc import Mapping

from leftovers.core.digest import DigestEntry
from leftovers.core.policy import principal_name

# One @, a dotted domain, no spaces or angle brackets: what an owner tag or session name holds when it is an address.
# Deliberately plain: the lookup or the mail server, not this pattern, decides whether the person exists.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$")
MAX_ADDRESS = 254


def is_email(text: str | None) -> bool:
    """True when ``text`` is shaped like one e-mail address."""
    return text is not None and len(text) <= MAX_ADDRESS and _EMAIL.fullmatch(text) is not None


def candidates(entry: DigestEntry, mapped: Mapping[str, str] | None = None) -> list[str]:
    """Addresses that may reach the owner, best first: the map's, the owner's name, the CloudTrail session name."""
    owner = entry.owner.name if entry.owner else None
    names = [mapped.get(owner) if mapped and owner else None, owner]
    created_by = entry.resource.created_by
    names.append(principal_name(created_by) if created_by else None)
    return [n for n in dict.fromkeys(names) if is_email(n)]  # type: ignore[misc]
