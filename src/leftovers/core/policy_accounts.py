"""A policy with per-account overrides: each method about one resource runs on the effective policy of the
resource's account (the first override selecting it, else the base), each a plain Policy with its own memos."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import Any

from leftovers.core.policy import Policy
from leftovers.core.policy_scopes import first_selecting, path_for
from leftovers.core.policy_tags import TagKeys

RESOURCE_METHODS = (
    "first_due", "reminder_due", "tags", "ignored_by", "kept_until", "tag_problem", "deadline",
    "is_reportable", "is_due", "due_at", "owner",
)  # fmt: skip
"""Policy's methods that look at one resource (and so at its account's rules)."""


def scope(policy: Policy) -> None:
    """Make ``policy`` (being built, with overrides) a PerAccountPolicy: its effective policies are built here, so a
    bad override value fails at load."""
    plain = replace(policy, overrides=(), units=None)
    object.__setattr__(policy, "_plain", plain)
    object.__setattr__(policy, "_names_units", any(o.ous for o in policy.overrides))
    object.__setattr__(policy, "_scoped", tuple(replace(plain, **o.changes) for o in policy.overrides))
    object.__setattr__(policy, "__class__", PerAccountPolicy)  # same slots: only the methods change


class PerAccountPolicy(Policy):
    """A Policy whose overrides select some accounts; made by Policy itself when it has overrides."""

    __slots__ = ()

    def for_account(self, account: str) -> Policy:
        """The first override's policy that selects ``account``, else the base's; the OU path is asked each time
        (AccountUnits answers from its hourly read), so an account moved to another OU gets the new one's."""
        path = path_for(self.overrides, account, self.units) if self._names_units else ()
        found = self._chosen.get((account, path))
        if found is None:
            chosen = first_selecting(self.overrides, account, path)
            found = self._plain if chosen is None else self._scoped[self.overrides.index(chosen)]
            assert found is not None  # scope() set both
            self._chosen[(account, path)] = found
        return found

    def override_for(self, account: str) -> str | None:
        """The name of the override that applies to ``account``, if any."""
        chosen = first_selecting(self.overrides, account, path_for(self.overrides, account, self.units))
        return None if chosen is None else chosen.name

    @property
    def needs_units(self) -> bool:
        """Whether an override names an OU (then ``units`` must say where each account is)."""
        return self._names_units

    def tag_keys_for(self, account: str) -> TagKeys:
        """The tag keys read on ``account``'s resources."""
        return self.for_account(account).tag_keys

    def read_tag_keys(self, *kinds: str) -> frozenset[str]:
        """Every tag key of these kinds some account's policy reads."""
        return frozenset(k for p in (self, *self._scoped) for k in Policy.read_tag_keys(p, *kinds))

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Within this block, every effective policy remembers every record's readings (see Policy.remembering)."""
        with ExitStack() as stack:
            for policy in (*self._scoped, *([self._plain] if self._plain is not None else [])):
                stack.enter_context(Policy.remembering(policy))
            yield


def _on_account(name: str) -> Callable[..., Any]:
    method = getattr(Policy, name)

    def run(self: PerAccountPolicy, resource: Any, *args: Any) -> Any:
        return method(self.for_account(resource.key.account), resource, *args)

    run.__name__, run.__doc__ = name, method.__doc__
    return run


for _name in RESOURCE_METHODS:
    setattr(PerAccountPolicy, _name, _on_account(_name))
