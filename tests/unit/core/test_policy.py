"""The policy's deadlines from tags, per-type grace periods, reminders and owners."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from leftovers.core.deadlines import Deadlines, Schedule, with_deadline
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy, principal_name
from leftovers.core.policy_rules import IgnoreRule
from leftovers.core.policy_tags import TagKeys

T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0abc")


def resource(tags: dict[str, str] | None = None, key: ResourceKey = KEY, **attrs: object) -> Resource:
    return Resource(key=key, tags=tags or {}, created_at=T0, **attrs)  # type: ignore[arg-type]


def test_a_policy_is_a_deadlines_and_defaults_behave_like_the_schedule() -> None:
    policy: Deadlines = Policy()
    plain = resource()
    assert policy.first_due(plain) == Schedule().first_due(plain) == T0
    noticed = replace(plain, last_notified_at=T0, notify_count=1)
    assert policy.reminder_due(noticed) == Schedule().reminder_due(noticed) == T0 + timedelta(days=7)
    assert policy.tombstone_ttl == Schedule().tombstone_ttl


def test_an_expiry_duration_counts_from_creation_and_replaces_the_grace_period() -> None:
    policy = Policy(grace=timedelta(days=1))
    assert policy.deadline(resource({"leftovers:expires": "2w"})) == T0 + timedelta(days=14)
    assert policy.deadline(resource({"leftovers:expires": "12h"})) == T0 + timedelta(hours=12)


def test_an_expiry_date_starts_at_midnight_in_the_policy_time_zone() -> None:
    tagged = resource({"leftovers:expires": "2026-12-01"})
    assert Policy().deadline(tagged) == datetime(2026, 12, 1, tzinfo=UTC)
    assert Policy(timezone="Asia/Tokyo").deadline(tagged) == datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def test_keep_true_means_never_due_and_keep_date_means_due_that_day() -> None:
    policy = Policy()
    forever = resource({"leftovers:keep": "true"})
    assert policy.kept_until(forever) == "forever"
    assert policy.first_due(forever) is None
    assert policy.reminder_due(replace(forever, last_notified_at=T0, notify_count=1)) is None
    until = resource({"leftovers:keep": "2027-01-15"})
    assert policy.kept_until(until) == date(2027, 1, 15)
    assert policy.deadline(until) == datetime(2027, 1, 15, tzinfo=UTC)
    assert not policy.is_reportable(until, datetime(2027, 1, 14, 23, 59, tzinfo=UTC))
    assert policy.is_reportable(until, datetime(2027, 1, 15, tzinfo=UTC))


def test_keep_false_is_an_answer_not_a_problem() -> None:
    tagged = resource({"leftovers:keep": "false"})
    assert Policy().kept_until(tagged) is None
    assert Policy().tag_problem(tagged) is None
    assert Policy().deadline(tagged) == T0


def test_a_keep_date_before_the_expiry_does_not_shorten_it() -> None:
    both = resource({"leftovers:keep": "2026-11-25", "leftovers:expires": "30d"})
    assert Policy().deadline(both) == T0 + timedelta(days=30)


def test_bad_tag_values_count_as_absent_and_say_why() -> None:
    policy = Policy(grace=timedelta(hours=2))
    bad = resource({"leftovers:keep": "until the demo", "leftovers:expires": "soonish"})
    assert policy.deadline(bad) == T0 + timedelta(hours=2)  # as if untagged: a bad tag must not hide a leftover
    problem = policy.tag_problem(bad)
    assert problem is not None
    assert "leftovers:keep" in problem
    assert "leftovers:expires" in problem
    assert "\n" not in problem
    assert policy.tag_problem(resource({"leftovers:expires": "7d"})) is None


def test_a_teams_own_tag_keys_are_used_first() -> None:
    policy = Policy(tag_keys=TagKeys(expires=("ttl", "leftovers:expires"), keep=("do-not-delete",)))
    assert policy.deadline(resource({"ttl": "3d", "leftovers:expires": "30d"})) == T0 + timedelta(days=3)
    assert policy.first_due(resource({"do-not-delete": "yes"})) is None
    assert policy.first_due(resource({"leftovers:keep": "true"})) == T0  # no longer a keep key for this team


def test_per_type_grace_first_matching_glob_wins_over_the_global_grace() -> None:
    policy = Policy(
        grace=timedelta(days=1),
        type_grace=(("AWS::EC2::NatGateway", timedelta(0)), ("AWS::S3::*", timedelta(days=30))),
    )
    bucket = resource(key=KEY._replace(resource_type="AWS::S3::Bucket", resource_id="logs"))
    nat = resource(key=KEY._replace(resource_type="AWS::EC2::NatGateway", resource_id="nat-1"))
    assert policy.deadline(bucket) == T0 + timedelta(days=30)
    assert policy.deadline(nat) == T0
    assert policy.deadline(resource()) == T0 + timedelta(days=1)


def test_reminders_wait_for_a_later_keep_date_or_expiry() -> None:
    noticed = {"last_notified_at": T0 + timedelta(days=1), "notify_count": 1}
    policy = Policy()
    assert policy.reminder_due(resource(**noticed)) == T0 + timedelta(days=8)
    kept = resource({"leftovers:keep": "2027-02-01"}, **noticed)
    assert policy.reminder_due(kept) == datetime(2027, 2, 1, tzinfo=UTC)
    extended = resource({"leftovers:expires": "60d"}, **noticed)
    assert policy.reminder_due(extended) == T0 + timedelta(days=60)
    assert Policy(reminder=None).reminder_due(resource(**noticed)) is None


def test_ignored_resources_have_no_deadline_and_are_not_reportable() -> None:
    policy = Policy(ignore=(IgnoreRule("sandbox", accounts=("123456789012",)),))
    r = resource()
    assert policy.ignored_by(r) == "sandbox"
    assert policy.deadline(r) is None
    assert policy.first_due(r) is None
    assert not policy.is_reportable(r, T0 + timedelta(days=365))


def test_is_due_uses_todays_policy_not_the_stored_deadline() -> None:
    stored = with_deadline(resource(), Schedule())  # due at T0 under the old settings
    assert stored.next_due_at == T0
    kept_now = replace(stored, tags={"leftovers:keep": "true"})
    at = T0 + timedelta(hours=1)
    assert Policy().is_due(stored, at)
    assert not Policy().is_due(kept_now, at)
    assert not Policy(grace=timedelta(days=2)).is_due(stored, at)


def test_owner_from_tags_in_key_order_else_the_creator() -> None:
    policy = Policy()
    assert policy.owner(resource({"owner": "b", "Owner": "a"})) == "a"
    assert policy.owner(resource({"CreatedBy": "arn:aws:iam::123456789012:user/carol"})) == "carol"
    creator = "arn:aws:sts::123456789012:assumed-role/Developer/dave@example.com"
    assert policy.owner(resource(created_by=creator)) == "dave@example.com"
    assert policy.owner(resource({"Owner": "erin"}, created_by=creator)) == "erin"
    assert policy.owner(resource()) is None
    assert Policy(tag_keys=TagKeys(owner=("team",))).owner(resource({"Owner": "x", "team": "data"})) == "data"


def test_slack_users_map_owners_to_mentions() -> None:
    policy = Policy(slack_users={"hanako": "U012ABCDEF"})
    assert policy.slack_user("hanako") == "U012ABCDEF"
    assert policy.slack_user("taro") is None
    assert policy.slack_user(None) is None


@pytest.mark.parametrize(
    ("principal", "name"),
    [
        ("arn:aws:sts::123456789012:assumed-role/Admin/alice", "alice"),
        ("arn:aws:iam::123456789012:user/path/bob", "bob"),
        ("arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:root"),
        ("hanako", "hanako"),
    ],
)
def test_principal_names(principal: str, name: str) -> None:
    assert principal_name(principal) == name


@pytest.mark.parametrize(
    "kwargs",
    [
        {"grace": timedelta(days=-1)},
        {"reminder": timedelta(0)},
        {"language": "fr"},
        {"type_grace": (("AWS::*", timedelta(hours=-1)),)},
    ],
)
def test_bad_policies_fail_at_construction(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the loader turns each into a positioned SettingsError
        Policy(**kwargs)  # type: ignore[arg-type]
