"""Where CloudTrail delivers log files (and Config its history files), and which folders and files a replay wants.

``AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<account>_CloudTrail_<region>_<time>_<unique>.json.gz``,
or ``AWSLogs/<org-id>/<account>/...`` for an organization trail. Digest and Insights files live beside the logs
(``CloudTrail-Digest/``, ``CloudTrail-Insight/``) and are skipped. Pure: the same rules serve local folders and S3.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

ROOT = "AWSLogs"
LOGS = "CloudTrail"
CONFIG = "Config"  # AWSLogs/<account>/Config/<region>/<yyyy>/<m>/<d>/ConfigHistory/: Config's history files
HISTORY = "ConfigHistory"  # beside it ConfigSnapshot/ and OversizedChangeNotification/ are skipped
_ORG = re.compile(r"o-[a-z0-9]{10,32}")
_ACCOUNT = re.compile(r"\d{12}")
_FILE = re.compile(r"^(\d{12})_CloudTrail_[a-z0-9-]+_(\d{8}T\d{4}Z)_")
_SUFFIXES = (".json.gz", ".json")
_NOT_LOGS = ("CloudTrail-Digest", "CloudTrail-Insight")


@dataclass(frozen=True, slots=True)
class Selection:
    """Which delivery days, accounts and regions to replay (empty: all)."""

    since: date | None = None
    until: date | None = None
    accounts: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()

    def wants_folder(self, parts: Sequence[str]) -> bool:
        """Whether the folder ``parts`` (path components, the bucket prefix or local root included) can hold wanted
        log files; folders outside the AWSLogs layout are walked."""
        if ROOT not in parts:
            return not any(part in _NOT_LOGS for part in parts)
        rest = list(parts[len(parts) - parts[::-1].index(ROOT) :])
        if rest and _ORG.fullmatch(rest[0]):
            rest = rest[1:]
        if not rest:
            return True
        account, *rest = rest
        if self.accounts and account not in self.accounts:
            return False
        if not rest:
            return True
        service, *rest = rest
        if service not in (LOGS, CONFIG):
            return False  # digests, Insights
        if not rest:
            return True
        region, *day = rest
        if self.regions and region not in self.regions:
            return False
        if service == CONFIG and len(day) > 3 and day[3] != HISTORY:
            return False
        return self._wants_day(day[:3])

    def _wants_day(self, day: list[str]) -> bool:
        """A year, year/month or year/month/day folder overlapping [since, until]."""
        if not day or not all(part.isdigit() for part in day):
            return True
        numbers = tuple(int(part) for part in day)
        low = (self.since.year, self.since.month, self.since.day)[: len(numbers)] if self.since else None
        high = (self.until.year, self.until.month, self.until.day)[: len(numbers)] if self.until else None
        return (low is None or numbers >= low) and (high is None or numbers <= high)


def is_log_file(name: str) -> bool:
    """A CloudTrail log file by its name (``.json.gz`` as delivered, or ``.json``), never a digest file."""
    return name.endswith(_SUFFIXES) and not any(marker in name for marker in _NOT_LOGS)


def account_of(parts: Sequence[str]) -> str | None:
    """The account a log file's path names: its AWSLogs account folder, else the account its file name starts
    with; ``None`` outside the layout."""
    if ROOT in parts:
        rest = list(parts[len(parts) - parts[::-1].index(ROOT) :])
        rest = rest[1:] if rest and _ORG.fullmatch(rest[0]) else rest
        if rest and _ACCOUNT.fullmatch(rest[0]):
            return rest[0]
    found = _FILE.match(parts[-1]) if parts else None
    return found.group(1) if found else None


def order_key(name: str) -> tuple[str, str]:
    """Sorts a folder's entries in delivery-time order: the time in a log file's name, else the name itself."""
    found = _FILE.match(name)
    return (found.group(2) if found else "", name)
