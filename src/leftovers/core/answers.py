"""Answers about a resource (Slack's Keep / Not mine buttons): recorded on the record, honoured by the policy.

An answer is appended to the record's ``actions`` (the audit list ``report --format json`` shows), once per click:
a retried or double-clicked answer carries the same ``ref`` and ``by`` and changes nothing. Only the answers given
since the current incarnation was created count: a resource deleted and created again starts unanswered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from leftovers.core.errors import LeftoversError
from leftovers.core.model import Answer, Resource
from leftovers.core.policy_tags import FOREVER, Kept

KEEP: Final = "keep"
NOT_MINE: Final = "not_mine"
KINDS: Final = (KEEP, NOT_MINE)
MAX_ANSWERS = 20
"""Answers kept per record (the oldest are dropped): a stored item stays small whatever people click."""
LONGEST_KEEP = timedelta(days=3660)
"""A chosen day further ahead than this (ten years) is a slip of the date picker, not a plan."""


class AnswerRefused(LeftoversError):
    """An answer that cannot be applied: the reason is shown to the person who clicked."""


@dataclass(frozen=True, slots=True)
class Rules:
    """What people may answer: whether *Keep forever* is allowed, and who may answer for any resource."""

    keep_forever: bool = True
    admins: frozenset[str] = frozenset()
    keep_days: int = 7


def keep(at: datetime, by: str, ref: str, until: date | None, today: date, rules: Rules) -> Answer:
    """A keep answer until ``until`` (``None``: forever), checked against the rules and the answerer's ``today``."""
    if until is None:
        if not rules.keep_forever:
            raise AnswerRefused("Keep forever is turned off here: pick a day instead")
    elif until <= today:
        raise AnswerRefused(f"{until.isoformat()} is not after today ({today.isoformat()}): pick a later day")
    elif until - today > LONGEST_KEEP:
        raise AnswerRefused(f"{until.isoformat()} is more than ten years ahead: pick an earlier day")
    return Answer(at=at, by=by, kind=KEEP, ref=ref, until=until)


def not_mine(at: datetime, by: str, ref: str, owner: str | None = None) -> Answer:
    """A not-mine answer: the resource moves to ``owner``, or to the channel when ``None``."""
    return Answer(at=at, by=by, kind=NOT_MINE, ref=ref, owner=owner)


def recorded(resource: Resource, answer: Answer) -> Resource:
    """The record with ``answer`` appended, or unchanged when this click (``ref`` by ``by``) is already there."""
    if any(a.ref == answer.ref and a.by == answer.by for a in resource.actions):
        return resource
    return resource.evolve(actions=(*resource.actions, answer)[-MAX_ANSWERS:])


def current(resource: Resource) -> tuple[Answer, ...]:
    """The answers given about this incarnation (none from before its creation)."""
    start = resource.created_at
    return tuple(a for a in resource.actions if start is None or a.at >= start)


def kept(resource: Resource) -> Kept:
    """What the latest keep answer says: ``None`` (none given), a day, or ``"forever"``."""
    latest = _latest(resource, KEEP)
    if latest is None:
        return None
    return FOREVER if latest.until is None else latest.until


def moved(resource: Resource) -> Answer | None:
    """The latest not-mine answer, whose ``owner`` replaces the tag's or creator's (``None``: the channel)."""
    return _latest(resource, NOT_MINE)


def longer(a: Kept, b: Kept) -> Kept:
    """The longer of two keeps: a keep tag and an answer both hold, so neither can shorten the other."""
    if FOREVER in (a, b):
        return FOREVER
    if isinstance(a, date) and isinstance(b, date):
        return max(a, b)
    return a if b is None else b


def _latest(resource: Resource, kind: str) -> Answer | None:
    return next((a for a in reversed(current(resource)) if a.kind == kind), None)
