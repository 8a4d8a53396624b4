"""Per-account policy: the first override whose accounts or OUs select a record's account applies its grace,
reminder, tag keys and ignore rules; every other account gets the base policy, memos kept apart per account."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leftovers.core.errors import SettingsError
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.core.policy_rules import IgnoreRule
from leftovers.core.policy_scopes import Override
from leftovers.core.policy_tags import TagKeys

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
SANDBOX, PROD, NESTED = "111111111111", "222222222222", "333333333333"
PATHS = {
    SANDBOX: ("r-ab12",),
    PROD: ("r-ab12", "ou-ab12-prod0000"),
    NESTED: ("r-ab12", "ou-ab12-sand0000", "ou-ab12-team0000"),
}


def bucket(account: str, name: str = "scratch-1", **tags: str) -> Resource:
    key = ResourceKey(account, "us-east-1", "AWS::S3::Bucket", name)
    return Resource(key=key, name=name, tags=tags, created_at=T0)


class Regex:
    """A stand-in for a compiled pattern (the core takes any object with ``pattern`` and ``search``)."""

    def __init__(self, prefix: str) -> None:
        self.pattern = prefix

    def search(self, text: str) -> object | None:
        return text if text.startswith(self.pattern) else None


SCRATCH_RULE = IgnoreRule("scratch buckets", types=("AWS::S3::Bucket",), name_regex=Regex("scratch-"))


def sandboxes(**changes: object) -> Override:
    return Override("sandboxes", accounts=(SANDBOX,), changes=changes)


def test_an_override_changes_grace_reminder_and_keep_tags_for_its_accounts_only() -> None:
    policy = Policy(
        grace=timedelta(days=7),
        overrides=(
            sandboxes(grace=timedelta(days=1), reminder=timedelta(days=3), tag_keys=TagKeys(keep=("sandbox:keep",))),
        ),
    )
    assert policy.first_due(bucket(SANDBOX)) == T0 + timedelta(days=1)
    assert policy.first_due(bucket(PROD)) == T0 + timedelta(days=7)
    noticed = {"last_notified_at": T0, "notify_count": 1}
    assert policy.reminder_due(replace(bucket(SANDBOX), **noticed)) == T0 + timedelta(days=3)  # type: ignore[arg-type]
    assert policy.reminder_due(replace(bucket(PROD), **noticed)) == T0 + timedelta(days=7)  # type: ignore[arg-type]
    # The same tag means "keep" in the sandbox only; the base's key no longer does there.
    assert policy.kept_until(bucket(SANDBOX, **{"sandbox:keep": "true"})) == "forever"
    assert policy.kept_until(bucket(PROD, **{"sandbox:keep": "true"})) is None
    assert policy.kept_until(bucket(SANDBOX, **{"leftovers:keep": "true"})) is None
    assert policy.deadline(bucket(SANDBOX, **{"sandbox:keep": "true"})) is None
    assert policy.tag_problem(bucket(SANDBOX, **{"sandbox:keep": "maybe"})) is not None
    assert policy.tag_problem(bucket(PROD, **{"sandbox:keep": "maybe"})) is None


def test_the_same_type_in_two_accounts_gets_each_accounts_rules_whatever_the_order_asked() -> None:
    """The per-type memo (rules and grace by type) and the tag and ignore memos are kept per account."""
    policy = Policy(
        grace=timedelta(days=7),
        type_grace=(("AWS::S3::*", timedelta(days=30)),),
        overrides=(sandboxes(ignore=(SCRATCH_RULE,), type_grace=(("AWS::S3::*", timedelta(days=2)),)),),
    )
    for _ in range(2):
        for account, ignored, due in ((PROD, None, 30), (SANDBOX, "scratch buckets", None), (PROD, None, 30)):
            assert policy.ignored_by(bucket(account)) == ignored
            assert policy.first_due(bucket(account)) == (None if due is None else T0 + timedelta(days=due))
    assert policy.first_due(bucket(SANDBOX, name="data")) == T0 + timedelta(days=2)
    same = bucket(PROD)
    with policy.remembering():
        assert [policy.ignored_by(same), policy.ignored_by(replace(same, key=same.key._replace(account=SANDBOX)))] == [
            None,
            "scratch buckets",
        ]
        assert policy.is_reportable(same, T0)
        assert not policy.is_reportable(bucket(SANDBOX), T0)


def test_an_ou_selects_the_accounts_under_it_nested_ones_too_and_the_first_match_wins() -> None:
    asked: list[str] = []

    def units(account: str) -> tuple[str, ...]:
        asked.append(account)
        return PATHS.get(account, ())

    policy = Policy(
        grace=timedelta(days=7),
        overrides=(
            Override("production", ous=("ou-ab12-prod0000",), changes={"grace": timedelta(days=30)}),
            Override("sandbox units", ous=("ou-ab12-sand0000",), changes={"grace": timedelta(days=1)}),
            Override("whole org", ous=("r-ab12",), changes={"grace": timedelta(days=3)}),
        ),
        units=units,
    )
    assert policy.first_due(bucket(PROD)) == T0 + timedelta(days=30)
    assert policy.first_due(bucket(NESTED)) == T0 + timedelta(days=1)
    assert policy.first_due(bucket(SANDBOX)) == T0 + timedelta(days=3)  # at the root, under no other OU
    assert policy.first_due(bucket("444444444444")) == T0 + timedelta(days=7)  # outside the organization
    assert policy.override_for(NESTED) == "sandbox units"
    assert policy.override_for("444444444444") is None


def test_the_effective_policy_follows_an_account_moved_to_another_ou() -> None:
    paths = dict(PATHS)
    policy = Policy(
        overrides=(Override("production", ous=("ou-ab12-prod0000",), changes={"grace": timedelta(days=30)}),),
        units=lambda account: paths.get(account, ()),
    )
    assert policy.first_due(bucket(SANDBOX)) == T0
    paths[SANDBOX] = PATHS[PROD]  # what AccountUnits answers once its hour is up
    assert policy.first_due(bucket(SANDBOX)) == T0 + timedelta(days=30)


def test_an_ou_override_without_an_organization_reader_fails_rather_than_applying_the_base() -> None:
    policy = Policy(overrides=(Override("production", ous=("ou-ab12-prod0000",), changes={}),))
    assert policy.needs_units
    with pytest.raises(SettingsError, match="override production names an OU"):
        policy.first_due(bucket(PROD))


def test_an_override_must_select_and_may_set_only_per_account_keys() -> None:
    with pytest.raises(ValueError, match="selects no account"):
        Override("nothing", changes={"grace": timedelta(days=1)})
    with pytest.raises(ValueError, match="cannot set timezone"):
        Override("tz", accounts=(SANDBOX,), changes={"timezone": "Asia/Tokyo"})
    with pytest.raises(ValueError, match="grace period must not be negative"):
        Policy(overrides=(sandboxes(grace=timedelta(days=-1)),))


def test_flags_replacing_the_base_reach_every_override_that_does_not_set_the_key() -> None:
    base = Policy(overrides=(sandboxes(reminder=None),))
    flagged = replace(base, grace=timedelta(days=5))  # what --grace / LEFTOVERS_GRACE do (settings.py)
    assert flagged.first_due(bucket(SANDBOX)) == flagged.first_due(bucket(PROD)) == T0 + timedelta(days=5)
    assert flagged.reminder_due(replace(bucket(SANDBOX), last_notified_at=T0, notify_count=1)) is None


def test_every_tag_key_any_account_reads_is_known_so_ingest_keeps_it() -> None:
    policy = Policy(overrides=(sandboxes(tag_keys=TagKeys(keep=("sandbox:keep",), owner=("team",))),))
    assert {"sandbox:keep", "team", "leftovers:keep", "Owner", "leftovers:expires"} <= policy.read_tag_keys()
    assert policy.tag_keys_for(SANDBOX).keep == ("sandbox:keep",)
    assert policy.tag_keys_for(PROD).keep == ("leftovers:keep",)


ACCOUNTS = st.sampled_from([SANDBOX, PROD, NESTED, "444444444444"])
TAGS = st.dictionaries(
    st.sampled_from(["leftovers:keep", "leftovers:expires", "Owner", "sandbox:keep", "env"]),
    st.sampled_from(["true", "no", "2026-12-01", "3d", "maybe", "alice", "prod"]),
    max_size=3,
)
RESOURCES = st.builds(
    lambda account, name, tags, notified, kind: Resource(
        key=ResourceKey(account, "us-east-1", kind, name),
        name=name,
        tags=tags,
        created_at=T0,
        last_notified_at=T0 + timedelta(days=notified) if notified is not None else None,
        notify_count=0 if notified is None else 1,
    ),
    ACCOUNTS,
    st.sampled_from(["scratch-1", "data", "scratch-tmp"]),
    TAGS,
    st.none() | st.integers(0, 40),
    st.sampled_from(["AWS::S3::Bucket", "AWS::EC2::Instance"]),
)


@given(st.lists(RESOURCES, min_size=1, max_size=6))
def test_overrides_that_select_no_account_behave_exactly_as_the_base(resources: list[Resource]) -> None:
    base = Policy(
        grace=timedelta(days=7),
        reminder=timedelta(days=2),
        ignore=(SCRATCH_RULE,),
        type_grace=(("AWS::EC2::*", timedelta(days=1)),),
    )
    idle = replace(
        base,
        overrides=(
            Override("elsewhere", accounts=("999999999999",), changes={"grace": timedelta(0), "ignore": ()}),
            Override("unused ou", ous=("ou-zz99-none0000",), changes={"tag_keys": TagKeys(keep=("sandbox:keep",))}),
        ),
        units=lambda account: PATHS.get(account, ()),
    )
    for r in resources:
        assert idle.first_due(r) == base.first_due(r)
        assert idle.reminder_due(r) == base.reminder_due(r)
        assert idle.ignored_by(r) == base.ignored_by(r)
        assert idle.tags(r) == base.tags(r)
        assert idle.owner(r) == base.owner(r)


def test_only_a_policy_with_overrides_dispatches_per_account_and_replace_keeps_that_straight() -> None:
    """A policy without overrides is a plain Policy, so the common case runs its methods directly."""
    from leftovers.core.policy_accounts import PerAccountPolicy

    plain = Policy()
    scoped = replace(plain, overrides=(sandboxes(grace=timedelta(days=1)),))
    assert type(plain) is Policy
    assert type(scoped) is PerAccountPolicy
    assert type(replace(scoped, grace=timedelta(days=2))) is PerAccountPolicy
    assert type(replace(scoped, overrides=())) is Policy
    assert all(type(scoped.for_account(a)) is Policy for a in (SANDBOX, PROD))
    assert replace(scoped, overrides=()) == plain
