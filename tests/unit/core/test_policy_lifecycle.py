"""Keep and expiry tags through the lifecycle rules: the Policy is the Deadlines the rules already use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leftovers.adapters.sources.config import parse_config_event
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.lifecycle import Outcome, apply, is_due, mark_notified
from leftovers.core.model import Resource, ResourceChange
from leftovers.core.policy import Policy
from leftovers.core.policy_report import describer
from leftovers.core.policy_tags import TagKeys
from leftovers.service.ingest import ingest
from leftovers.service.notify import build_digest
from tests.support.events import load_event

CREATED = datetime(2025, 3, 14, 0, 12, 31, 447000, tzinfo=UTC)  # the fixtures' capture time


def change(fixture: str) -> ResourceChange:
    (parsed,) = parse_config_event(load_event(fixture)).changes
    return parsed


def fold(policy: Policy, *fixtures: str) -> Resource:
    record = None
    for fixture in fixtures:
        record, _ = apply(record, change(fixture), policy)
    assert record is not None
    return record


def test_an_expiry_tag_sets_the_stored_deadline() -> None:
    record = fold(Policy(grace=timedelta(days=1)), "config_policy_instance_expires_2w")
    assert record.created_at == CREATED
    assert record.next_due_at == CREATED + timedelta(days=14)


def test_tagging_a_leftover_keep_true_removes_it_from_the_next_digest() -> None:
    policy = Policy()
    record = fold(policy, "config_policy_instance_expires_2w")
    late = CREATED + timedelta(days=20)
    assert is_due(record, late)
    kept, outcome = apply(record, change("config_policy_instance_keep_ok"), policy)
    assert outcome is Outcome.UPDATED
    assert kept.next_due_at is None
    assert not is_due(kept, late)
    assert not policy.is_due(kept, late)


def test_keep_true_after_a_notice_stops_the_reminders() -> None:
    policy = Policy()
    record = fold(policy, "config_policy_instance_expires_2w")
    noticed = mark_notified(record, CREATED + timedelta(days=15), policy)
    assert noticed.next_due_at == CREATED + timedelta(days=22)
    kept, _ = apply(noticed, change("config_policy_instance_keep_ok"), policy)
    assert kept.next_due_at is None


def test_a_keep_date_makes_it_due_that_day_in_the_policy_time_zone() -> None:
    assert fold(Policy(), "config_policy_instance_keep_until").next_due_at == datetime(2025, 4, 1, tzinfo=UTC)
    tokyo = fold(Policy(timezone="Asia/Tokyo"), "config_policy_instance_keep_until")
    assert tokyo.next_due_at == datetime(2025, 3, 31, 15, 0, tzinfo=UTC)


def test_a_teams_ttl_tag_is_the_deadline_when_configured() -> None:
    team = Policy(tag_keys=TagKeys(expires=("ttl", "leftovers:expires")))
    assert fold(team, "config_policy_rds_team_ttl").next_due_at == datetime(2025, 3, 31, tzinfo=UTC)
    record = fold(Policy(), "config_policy_rds_team_ttl")
    assert record.next_due_at == record.created_at  # without the key, ttl is just a tag


def test_a_bad_keep_tag_leaves_the_resource_due_and_says_why() -> None:
    policy = Policy()
    record = fold(policy, "config_policy_volume_bad_keep")
    assert record.next_due_at == record.created_at
    problem = policy.tag_problem(record)
    assert problem is not None
    assert "until the demo" in problem


def test_an_ignored_resource_is_never_due() -> None:
    from leftovers.adapters.config_file import default_ignore_rules

    record = fold(Policy(ignore=default_ignore_rules()), "config_discovered_default_vpc")
    assert record.active
    assert record.next_due_at is None


def test_the_digest_built_through_the_policy_leaves_out_kept_ignored_and_extended() -> None:
    store = MemoryStore()
    old = Policy()  # the store was filled before the config file existed: every deadline is "at creation"
    fixtures = [
        "config_discovered_ec2_instance",
        "config_policy_instance_expires_2w",
        "config_policy_instance_keep_until",
        "config_policy_volume_bad_keep",
        "config_discovered_default_vpc",
    ]
    ingest(store, [change(f) for f in fixtures], old)
    at = CREATED + timedelta(days=3)
    assert len(list(store.due(at))) == 3  # the tags already count: 2w and keep-until are not due yet

    from leftovers.adapters.config_file import default_ignore_rules

    today = Policy(ignore=default_ignore_rules(), type_grace=(("AWS::EC2::Volume", timedelta(days=7)),))
    digest = build_digest(store, at, "UTC", describer(today, None, at))
    names = sorted(e.resource.display_name for e in digest.entries)
    assert names == ["bench-runner"]  # the VPC is ignored now, and the volume has a week of grace
