"""Per-account policy: overrides that give some accounts, or the accounts under some OUs, their own grace period,
reminder interval, tag keys and ignore rules. The first override (in file order) that selects an account applies."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from leftovers.core.errors import SettingsError

Units = Callable[[str], tuple[str, ...]]
"""Account id -> the ids from the organization's root down to the OU holding it (``()``: outside it)."""

SCOPED = ("grace", "reminder", "type_grace", "tag_keys", "ignore")
"""The Policy fields an override may replace; the rest (time zone, language, Slack users...) are the run's, not an
account's: one digest has one language."""


@dataclass(frozen=True, slots=True)
class Override:
    """A named set of Policy field values for the accounts it selects (by id, or by an OU or root on their path).

    ``changes`` replace the base policy's values; the config file has already added an override's ignore rules to
    the base file's (see adapters/config_file/overrides.py), so here an ``ignore`` value is the whole list.
    """

    name: str
    accounts: tuple[str, ...] = ()
    ous: tuple[str, ...] = ()
    changes: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.name:
            raise ValueError("an override needs a name")
        if not self.accounts and not self.ous:
            raise ValueError(f"override {self.name!r} selects no account: give accounts or ous")
        if unknown := sorted(set(self.changes) - set(SCOPED)):
            raise ValueError(f"override {self.name!r} cannot set {', '.join(unknown)} (only {', '.join(SCOPED)})")

    def selects(self, account: str, path: tuple[str, ...]) -> bool:
        """Whether the account is one named, or sits in (or under) one of the OUs named."""
        return account in self.accounts or any(unit in path for unit in self.ous)


def path_for(overrides: tuple[Override, ...], account: str, units: Units | None) -> tuple[str, ...]:
    """The account's OU path when an override names an OU (else ``()``, without asking); SettingsError when nothing
    can say where accounts are: the base policy must never apply silently in an OU override's place."""
    named = next((o.name for o in overrides if o.ous), None)
    if named is None:
        return ()
    if units is None:
        raise SettingsError("override", f"override {named} names an OU, but no AWS Organizations reader was given")
    return units(account)


def first_selecting(overrides: tuple[Override, ...], account: str, path: tuple[str, ...]) -> Override | None:
    """The first override (in file order) that selects the account."""
    return next((o for o in overrides if o.selects(account, path)), None)


def shadowed(overrides: tuple[Override, ...]) -> tuple[str, ...]:
    """One line per account or OU an override names that an earlier override already names: the first match wins,
    so the later one never applies there (valid, but most likely a mistake)."""
    lines: list[str] = []
    for i, override in enumerate(overrides):
        for kind, ids in (("account", override.accounts), ("OU", override.ous)):
            for id_ in ids:
                earlier = next((o for o in overrides[:i] if id_ in (o.accounts if kind == "account" else o.ous)), None)
                if earlier is not None:
                    lines.append(
                        f"override {override.name!r}: {kind} {id_} is already selected by override "
                        f"{earlier.name!r} above, so this one never applies to it"
                    )
    return tuple(lines)
