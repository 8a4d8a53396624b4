"""The policy: per-resource deadlines from tags, ignore rules, per-type grace periods, owners.

A ``Policy`` implements the ``Deadlines`` protocol, so the lifecycle rules use it unchanged: a kept resource gets
no deadline (or one at the end of its keep date), an ignored one none at all, and an expiry tag replaces the grace
period. Because deadlines are stored when a record changes, the notify run re-checks every due record against the
policy of the day (``is_due``): a config change takes effect without rewriting the store.

With overrides (``[[override]]``) the policy is a ``PerAccountPolicy`` (core/policy_accounts.py): every method about
one resource runs on the effective policy of the resource's account, a plain Policy built once per override. A
policy without overrides stays this class, so the common case pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from leftovers.core import answers, local_time
from leftovers.core.deadlines import DEFAULT_REMINDER, DEFAULT_TOMBSTONE_TTL, with_deadline
from leftovers.core.lifecycle import is_due
from leftovers.core.model import Resource
from leftovers.core.policy_memo import Memo
from leftovers.core.policy_rules import IgnoreRule, first_match, glob_lookup
from leftovers.core.policy_scopes import Override, Units
from leftovers.core.policy_tags import FOREVER, Kept, TagKeys, TagReading, read_tags
from leftovers.core.routing import Routing
from leftovers.core.times import check_zone

LANGUAGES = ("en", "ja")


@dataclass(frozen=True, slots=True)
class Policy:
    """Everything a leftovers.toml says, as pure rules over one resource at a time."""

    grace: timedelta = timedelta(0)
    reminder: timedelta | None = DEFAULT_REMINDER
    tombstone_ttl: timedelta = DEFAULT_TOMBSTONE_TTL
    timezone: str = "UTC"
    language: str = "en"
    tag_keys: TagKeys = field(default_factory=TagKeys)
    ignore: tuple[IgnoreRule, ...] = ()
    type_grace: tuple[tuple[str, timedelta], ...] = ()
    slack_users: Mapping[str, str] = field(default_factory=dict)
    email_addresses: Mapping[str, str] = field(default_factory=dict)
    """Owner name -> the address e-mail notices (and Slack's lookup by e-mail) use for them."""
    keep_forever_button: bool = True
    """Whether app-mode messages offer *Keep forever* (``[slack_app] keep_forever``)."""
    thread_after: int = 10
    """Channel lines beyond which the app posts one message per owner with the lines in its thread."""
    routing: Routing | None = None
    """Where each leftover's notice goes (``[routing]``); ``None``: everything to the run's own destination."""
    overrides: tuple[Override, ...] = ()
    """Per-account values, in file order: the first that selects a resource's account applies to it."""
    units: Units | None = field(default=None, repr=False, compare=False)
    """Account -> its OU path (AWS Organizations), needed when an override names an OU."""
    # Per resource type: the ignore rules whose type globs can match it, and its grace period. Filled lazily;
    # the deadline is computed for every ingested event, and glob matching was half of that cost.
    _by_type: dict[str, tuple[tuple[IgnoreRule, ...], timedelta]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # Tag readings and ignore verdicts already worked out (see Memo: each record was read up to 8 times a run).
    _tag_memo: Memo = field(default_factory=Memo, init=False, repr=False, compare=False)
    _ignore_memo: Memo = field(default_factory=Memo, init=False, repr=False, compare=False)
    # With overrides (see PerAccountPolicy): the effective policies, and which one each (account, OU path) gets.
    _plain: Policy | None = field(default=None, init=False, repr=False, compare=False)
    _names_units: bool = field(default=False, init=False, repr=False, compare=False)
    _scoped: tuple[Policy, ...] = field(default=(), init=False, repr=False, compare=False)
    _chosen: dict[tuple[str, tuple[str, ...]], Policy] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.grace < timedelta(0) or any(g < timedelta(0) for _, g in self.type_grace):
            raise ValueError("grace period must not be negative")
        if self.reminder is not None and self.reminder <= timedelta(0):
            raise ValueError("reminder interval must be positive (or None for never)")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
        check_zone(self.timezone)  # fails here, once, rather than in the middle of a digest
        if self.overrides:
            from leftovers.core.policy_accounts import scope  # it builds on this class

            scope(self)
        elif type(self) is not Policy:  # replace() on a policy with overrides, without them
            object.__setattr__(self, "__class__", Policy)

    # -- per account (PerAccountPolicy overrides each of these) ----------------------------------------------
    def for_account(self, account: str) -> Policy:
        """The policy that applies to ``account``: without overrides, this one."""
        return self

    def override_for(self, account: str) -> str | None:
        """The name of the override that applies to ``account``, if any."""
        return None

    @property
    def needs_units(self) -> bool:
        """Whether an override names an OU (then ``units`` must say where each account is)."""
        return False

    def tag_keys_for(self, account: str) -> TagKeys:
        """The tag keys read on ``account``'s resources."""
        return self.tag_keys

    def read_tag_keys(self, *kinds: str) -> frozenset[str]:
        """Every tag key of these kinds (default: expires, keep, owner) some account's policy reads (what ingest
        must never drop from a record)."""
        return frozenset(key for kind in kinds or ("expires", "keep", "owner") for key in getattr(self.tag_keys, kind))

    # -- the Deadlines protocol ------------------------------------------------------------------------------
    def first_due(self, resource: Resource) -> datetime | None:
        """The resource's deadline: never for ignored or kept-forever resources."""
        return self.deadline(resource)

    def reminder_due(self, resource: Resource) -> datetime | None:
        """Another notice one interval after the last, but not while kept or before an expiry date."""
        if resource.last_notified_at is None or self.reminder is None or self._silent(resource):
            return None
        reading = self.tags(resource)
        after_last = self.later(resource.last_notified_at, self.reminder)
        return _latest(after_last, self._expiry(resource, reading), self._keep_start(self.kept_until(resource)))

    # -- what the rules say about one resource ---------------------------------------------------------------
    def tags(self, resource: Resource) -> TagReading:
        """The resource's keep, expiry and owner tags, read with the configured keys."""
        held = (resource.tag_map,)
        found, reading = self._tag_memo.get(held)
        if not found:
            reading = read_tags(held[0], self.tag_keys)
            self._tag_memo.put(held, reading)
        return reading  # type: ignore[no-any-return]

    def ignored_by(self, resource: Resource) -> str | None:
        """The name of the ignore rule that silences this resource, if any."""
        rules = self._for_type(resource.key.resource_type)[0]
        if not rules:
            return None
        # Every field a rule reads: a copy made by ``evolve`` (the deadline's) shares them, so it hits the memo.
        held = (resource.key, resource.name, resource.arn, resource.tags, resource.details)
        found, name = self._ignore_memo.get(held)
        if not found:
            name = first_match(rules, resource)
            self._ignore_memo.put(held, name)
        return name  # type: ignore[no-any-return]

    @contextmanager
    def remembering(self) -> Iterator[None]:
        """Within this block, remember every record's tag reading and ignore verdict, not only the last one's."""
        with self._tag_memo.remembering(), self._ignore_memo.remembering():
            yield

    def kept_until(self, resource: Resource) -> Kept:
        """``None`` (not kept), the date a keep tag or an answer silences it until, or ``"forever"`` (the longer of
        the two: an answer is honoured exactly as a keep tag)."""
        return answers.longer(self.tags(resource).kept, answers.kept(resource))

    def tag_problem(self, resource: Resource) -> str | None:
        """Why a keep or expiry tag was not understood (it then counts as absent), else ``None``."""
        return self.tags(resource).problem

    def grace_for(self, resource_type: str) -> timedelta:
        """The grace period of the first per-type rule whose glob matches, else the global one."""
        return self._for_type(resource_type)[1]

    def _for_type(self, resource_type: str) -> tuple[tuple[IgnoreRule, ...], timedelta]:
        known = self._by_type.get(resource_type)
        if known is None:
            rules = tuple(r for r in self.ignore if r.may_match_type(resource_type))
            found: timedelta | None = glob_lookup(self.type_grace, resource_type)
            known = self._by_type[resource_type] = (rules, self.grace if found is None else found)
        return known

    def deadline(self, resource: Resource) -> datetime | None:
        """When the resource is first due: its expiry tag, else creation + grace; after any keep date."""
        if resource.created_at is None or self.ignored_by(resource) is not None:
            return None
        reading = self.tags(resource)
        kept = self.kept_until(resource)
        if kept == FOREVER:
            return None
        grace = self.grace_for(resource.key.resource_type)
        base = self._expiry(resource, reading) or self.later(resource.created_at, grace)
        return _latest(base, self._keep_start(kept))

    def is_reportable(self, resource: Resource, at: datetime) -> bool:
        """Not ignored, and not kept at ``at``."""
        if self.ignored_by(resource) is not None:
            return False
        kept = self.kept_until(resource)
        start = self._keep_start(kept)
        return kept != FOREVER and (start is None or start <= at)

    def is_due(self, resource: Resource, at: datetime) -> bool:
        """Due at ``at`` under *this* policy, whatever deadline the store remembers from an older one."""
        return self.is_reportable(resource, at) and is_due(with_deadline(resource, self), at)

    def due_at(self, resource: Resource) -> datetime | None:
        """When a run will send it: this policy's next deadline, but never before the stored ``next_due_at`` (the
        due index every run reads); ``None`` when either says never. ``is_due`` and the index agree with it."""
        own = with_deadline(resource, self).next_due_at
        stored = resource.next_due_at
        return None if own is None or stored is None else max(own, stored)

    def owner(self, resource: Resource) -> str | None:
        """Whom a not-mine answer named (``None``: the channel), else the owner tag's value, else who created it
        (from CloudTrail), shortened to a readable name."""
        if (move := answers.moved(resource)) is not None:
            return move.owner
        name = self.tags(resource).owner or resource.created_by
        return None if name is None else principal_name(name)

    def slack_user(self, owner: str | None) -> str | None:
        """The Slack user id to mention for an owner, when the config maps one."""
        return None if owner is None else self.slack_users.get(owner)

    def day_start(self, day: date) -> datetime:
        """The first moment of ``day`` in the policy's time zone, in UTC: dates in tags mean local days."""
        return local_time.day_start(day, self.timezone)

    def later(self, moment: datetime, delta: timedelta) -> datetime:
        """``moment + delta`` in the policy's time zone (see ``core.local_time.later``)."""
        return local_time.later(moment, delta, self.timezone)

    def _silent(self, resource: Resource) -> bool:
        return self.ignored_by(resource) is not None or self.kept_until(resource) == FOREVER

    def _expiry(self, resource: Resource, reading: TagReading) -> datetime | None:
        if reading.expires is None:
            return None
        if isinstance(reading.expires, timedelta):
            return None if resource.created_at is None else self.later(resource.created_at, reading.expires)
        return self.day_start(reading.expires)

    def _keep_start(self, kept: Kept) -> datetime | None:
        return self.day_start(kept) if isinstance(kept, date) else None


def principal_name(principal: str) -> str:
    """``arn:aws:sts::1:assumed-role/Admin/alice`` -> ``alice``; ``arn:aws:iam::1:user/bob`` -> ``bob``.

    Anything else (a root ARN, a service name) stays whole: a bare "root" would not say which account.
    """
    resource = principal.split(":", 5)[-1] if principal.startswith("arn:") else ""
    return resource.rsplit("/", 1)[-1] if "/" in resource and not resource.endswith("/") else principal


def _latest(*moments: datetime | None) -> datetime | None:
    known = [m for m in moments if m is not None]
    return max(known) if known else None
