"""Answering from a notice: keep a resource (N days, until a day, forever) or say it is not yours.

The channel adapter (Slack's interactivity endpoint) turns a click into a ``Request``; this use case checks that the
person may answer, records the answer on the record with the usual conditional save, and says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from leftovers.core import answers
from leftovers.core.deadlines import with_deadline
from leftovers.core.model import Answer, Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.core.ports import Store
from leftovers.service.batches import save_recomputed

KEEP_DAYS: Final = "keep_days"
KEEP_UNTIL: Final = "keep_until"
KEEP_FOREVER: Final = "keep_forever"
NOT_MINE: Final = "not_mine"


@dataclass(frozen=True, slots=True)
class Request:
    """One answer asked for: by ``user`` (a chat user id), identified by ``ref`` (the click's own id).

    ``addressed`` says the notice was a direct message to this user, whom it named as the owner; ``owner`` is the
    chat user id a not-mine answer hands the resource to (``None``: the channel).
    """

    key: ResourceKey
    user: str
    ref: str
    what: str
    day: date | None = None
    owner: str | None = None
    addressed: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What answering did: ``refused`` says why nothing changed; ``repeated`` marks a click already recorded."""

    record: Resource | None
    answer: Answer | None = None
    refused: str | None = None
    repeated: bool = False


Builder = Callable[[Request, Policy, answers.Rules, datetime], Answer]


def _keep(until: Callable[[Request, date, answers.Rules], date | None]) -> Builder:
    def build(r: Request, policy: Policy, rules: answers.Rules, now: datetime) -> Answer:
        today = now.astimezone(ZoneInfo(policy.timezone)).date()  # days are the policy's, as in keep tags
        return answers.keep(now, r.user, r.ref, until(r, today, rules), today, rules)

    return build


def _not_mine(r: Request, policy: Policy, rules: answers.Rules, now: datetime) -> Answer:
    if r.owner is None:
        return answers.not_mine(now, r.user, r.ref)
    names = [name for name, user in policy.slack_users.items() if user == r.owner]
    if not names:
        raise answers.AnswerRefused(f"user {r.owner} is not in the [slack_users] map: add them there first")
    return answers.not_mine(now, r.user, r.ref, names[0])


def _chosen_day(r: Request, today: date, rules: answers.Rules) -> date:
    if r.day is None:
        raise answers.AnswerRefused("no day was chosen")
    return r.day


BUILDERS: dict[str, Builder] = {
    KEEP_DAYS: _keep(lambda r, today, rules: today + timedelta(days=rules.keep_days)),
    KEEP_UNTIL: _keep(_chosen_day),
    KEEP_FOREVER: _keep(lambda r, today, rules: None),
    NOT_MINE: _not_mine,
}
"""How each kind of request becomes an answer."""


def may_answer(policy: Policy, rules: answers.Rules, record: Resource, request: Request) -> bool:
    """An admin, the user a direct message about it went to, or the owner's mapped chat user may answer; a resource
    nobody owns (no owner tag, no known creator, or handed to the channel) is anyone's who sees it."""
    if request.user in rules.admins or request.addressed:
        return True
    owner = policy.owner(record)
    return owner is None or policy.slack_user(owner) == request.user


def answer(store: Store, policy: Policy, rules: answers.Rules, request: Request, now: datetime) -> Outcome:
    """Check, record (once per click, conditionally) and recompute the deadline; refusals change nothing."""
    build = BUILDERS.get(request.what)
    if build is None:
        return Outcome(None, refused=f"unknown answer {request.what!r}")
    found = store.load([request.key]).get(request.key)
    if found is None or not found.active:
        return Outcome(None, refused="Leftovers no longer tracks this resource (deleted already?)")
    if not may_answer(policy, rules, found, request):
        return Outcome(found, refused="Only the resource's owner or an admin can answer for it")
    try:
        given = build(request, policy, rules, now)
    except answers.AnswerRefused as exc:
        return Outcome(found, refused=str(exc))
    if answers.recorded(found, given) is found:
        return Outcome(found, given, repeated=True)
    saved = save_recomputed(
        store, [found], lambda r: with_deadline(answers.recorded(r, given), policy), "recording an answer"
    )
    return Outcome(saved[0] if saved else found, given, repeated=not saved)
