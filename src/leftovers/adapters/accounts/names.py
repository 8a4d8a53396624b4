"""Account names from AWS Organizations (ListAccounts, every page), asked at most once per ``ttl``, and once more
in a run that meets an account they do not know (one created since: its first digest must name it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

TTL = timedelta(hours=1)  # an account renamed or added shows within the hour; a warm Lambda asks once an hour
SWITCH = "LEFTOVERS_ACCOUNT_NAMES"
"""Set to ``organizations`` (template.yaml does so in organization mode) to name accounts in the deployed digest."""


def boto3_organizations() -> Any:
    import boto3  # only when names are asked for: the notify function imports this module at every cold start

    from leftovers.adapters.inventory.clients import RETRIES

    return boto3.client("organizations", region_name="us-east-1", config=RETRIES)


class AccountNames:
    """Account id -> name of every account of the organization; the last answer is kept for ``ttl`` (``lookup``
    asks again, once per run, for an account created since)."""

    def __init__(
        self, client: Any = None, ttl: timedelta = TTL, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._client, self.ttl, self.now = client, ttl, now
        self._names: dict[str, str] = {}
        self._asked: datetime | None = None
        self.problem: str | None = None
        """Why the last ask failed (the names then stay as they were: ids are shown for unknown accounts)."""
        self.calls = 0
        self._asked_again_for: str | None = None  # the run an unknown account last made them be asked again for

    def names(self) -> dict[str, str]:
        """The names, asked again once ``ttl`` has passed; on failure the previous answer and ``problem`` set."""
        if self._asked is not None and self.now() - self._asked < self.ttl:
            return self._names
        self._asked = self.now()  # a failure is not retried on every call either
        from botocore.exceptions import BotoCoreError, ClientError

        from leftovers.adapters.inventory.clients import error_code

        if self._client is None:
            self._client = boto3_organizations()
        try:
            found: dict[str, str] = {}
            for page in self._client.get_paginator("list_accounts").paginate():
                self.calls += 1
                found.update({a["Id"]: a["Name"] for a in page["Accounts"]})
        except ClientError as exc:
            self.problem = f"cannot list the organization's accounts ({error_code(exc)}): accounts are shown by id"
            return self._names
        except BotoCoreError as exc:
            self.problem = f"cannot reach AWS Organizations ({exc}): accounts are shown by id"
            return self._names
        self._names, self.problem = found, None
        return found

    def lookup(self, run: str | None = None) -> Mapping[str, str]:
        """The names as ``run`` sees them: an account they do not know makes them be asked again, if they are
        older than this lookup and were not asked again for ``run`` yet (``None``: once for this lookup)."""
        return _RunNames(self, run, self.now())

    def ask_again(self, run: str | None, since: datetime) -> None:
        """Ask again for ``run`` unless the answer was got ``since`` or was already asked again for that run."""
        fresh = self._asked is not None and self._asked >= since
        if fresh or (run is not None and self._asked_again_for == run):
            return
        self._asked_again_for, self._asked = run, None
        self.names()


class _RunNames(Mapping[str, str]):
    """One run's view of ``AccountNames``. The digest asks it for each account it shows; a miss may ask
    Organizations (see ``AccountNames.lookup``), so the core never needs to know which accounts a digest holds."""

    def __init__(self, names: AccountNames, run: str | None, since: datetime) -> None:
        self._owner, self._run, self._since = names, run, since

    def __getitem__(self, account: str) -> str:
        known = self._owner.names()
        if account not in known:
            self._owner.ask_again(self._run, self._since)
            known = self._owner.names()
        return known[account]

    def __iter__(self) -> Iterator[str]:
        return iter(self._owner.names())

    def __len__(self) -> int:
        return len(self._owner.names())


@cache
def _deployed() -> AccountNames:
    return AccountNames()  # one per execution environment: a warm function asks once an hour


def names_for(env: Mapping[str, str], run: str | None = None) -> tuple[Mapping[str, str], str | None]:
    """The account names for ``run`` when ``env`` switches them on (``SWITCH``), else none, and why they could not
    be listed (None when they were, or were not asked for); for the deployed functions."""
    switch = env.get(SWITCH, "").strip()
    if switch not in ("", "organizations"):
        from leftovers.core.errors import SettingsError

        raise SettingsError(SWITCH, f"expected organizations or empty, got {switch!r}")
    if not switch:
        return {}, None
    names = _deployed()
    names.names()  # the hourly ask happens here, so its problem can be reported before the digest is built
    return names.lookup(run), names.problem
