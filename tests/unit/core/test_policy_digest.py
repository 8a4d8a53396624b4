"""The digest with owners and costs: totals, most expensive first, grouping by owner, Japanese wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from leftovers.core.deadlines import with_deadline
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.core.policy_report import describe, policy_fields
from leftovers.core.pricing import PriceTable
from leftovers.core.rich_text import Owner, plain_line

AT = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)


def entry(rid: str, rtype: str, hours_old: float, cost: float | None, owner: str | None = None) -> DigestEntry:
    key = ResourceKey("123456789012", "ap-northeast-1", rtype, rid)
    created = AT - timedelta(hours=hours_old)
    return DigestEntry(Resource(key=key, created_at=created), Owner(owner) if owner else None, cost)


NAT = entry("nat-0a1", "AWS::EC2::NatGateway", 50, 32.85, "hanako")
BIG = entry("i-0big", "AWS::EC2::Instance", 30, 60.74, "taro")
SMALL = entry("i-0small", "AWS::EC2::Instance", 70, 7.59, "hanako")
BUCKET = entry("logs-bucket", "AWS::S3::Bucket", 80, None)


def digest(**options: object) -> Digest:
    return Digest(AT, "UTC", (SMALL, BUCKET, NAT, BIG), **options)  # type: ignore[arg-type]


def test_defaults_keep_the_original_grouping_and_wording() -> None:
    d = digest()
    assert [(g, [e.resource.key.resource_id for e in es]) for g, es in d.groups()] == [
        ("AWS::EC2::Instance", ["i-0small", "i-0big"]),
        ("AWS::EC2::NatGateway", ["nat-0a1"]),
        ("AWS::S3::Bucket", ["logs-bucket"]),
    ]
    assert d.title() == "4 leftovers still exist (2026-11-26 00:00 UTC)"
    assert plain_line(d.line(BUCKET)) == "logs-bucket · created 2026-11-22 16:00 UTC (3d 8h ago)"
    assert d.footer() is None
    assert d.scope() == ("all in ", "ap-northeast-1 · account 123456789012")  # shared: said once, not per line


def test_costs_lines_and_the_monthly_total() -> None:
    d = digest(show_cost=True)
    assert plain_line(d.line(NAT)).endswith("· owner hanako · ~$32.85/mo")
    assert plain_line(d.line(BUCKET)).endswith("· —")  # no price: a dash, never a number
    assert d.total_monthly_cost() == 101.18
    assert d.unpriced() == 1
    assert d.footer() == "Estimated total: $101.18/month (1 without a price)"
    assert Digest(AT, "UTC", (NAT,), show_cost=True).footer() == "Estimated total: $32.85/month"


def test_most_expensive_first_groups_and_entries() -> None:
    d = digest(order="cost")
    assert [(g, [e.resource.key.resource_id for e in es]) for g, es in d.groups()] == [
        ("AWS::EC2::Instance", ["i-0big", "i-0small"]),
        ("AWS::EC2::NatGateway", ["nat-0a1"]),
        ("AWS::S3::Bucket", ["logs-bucket"]),
    ]


def test_group_by_owner_with_the_unowned_last() -> None:
    d = digest(group_by="owner", order="cost", show_cost=True)
    assert [(g, [e.resource.key.resource_id for e in es]) for g, es in d.groups()] == [
        (Owner("taro"), ["i-0big"]),  # 60.74 beats hanako's 32.85 + 7.59
        (Owner("hanako"), ["nat-0a1", "i-0small"]),
        ("(no owner)", ["logs-bucket"]),
    ]
    assert "owner" not in plain_line(d.line(NAT))  # the group already says whose it is
    by_name = digest(group_by="owner")
    assert [g for g, _ in by_name.groups()] == [Owner("hanako"), Owner("taro"), "(no owner)"]


def test_the_owner_is_a_handle_never_channel_syntax() -> None:
    mapped = replace(NAT, owner=Owner("hanako", (("slack", "U012ABCDEF"),)))
    (owner_field,) = [f for f in Digest(AT, "UTC", (mapped,)).line(mapped) if mapped.owner in f]
    assert owner_field == ("owner ", mapped.owner)  # each notifier renders the handle in its own syntax
    assert "<@" not in repr(Digest(AT, "UTC", (mapped,)).line(mapped))


def test_japanese_wording_in_the_configured_time_zone() -> None:
    d = Digest(AT, "Asia/Tokyo", (SMALL, BUCKET, NAT, BIG), language="ja", show_cost=True)
    assert d.title() == "消し忘れのリソースが 4 件残っています（2026-11-26 09:00 JST）"
    reminded = replace(NAT, resource=replace(NAT.resource, notify_count=2))
    assert plain_line(d.line(reminded)) == (
        "nat-0a1 · 作成 2026-11-24 07:00 JST（2日2時間前） · 担当 hanako · 月額 約$32.85 · リマインド 2 回目"
    )
    assert plain_line(d.line(BUCKET)).endswith("· 価格不明")
    assert d.footer() == "推定合計: 月額 $101.18（価格不明 1 件）"
    assert [g for g, _ in Digest(AT, "UTC", (BUCKET,), language="ja", group_by="owner").groups()] == ["（担当者不明）"]


def test_short_ages_in_japanese() -> None:
    young = entry("i-0new", "AWS::EC2::Instance", 0.2, None)
    assert "（12分前）" in plain_line(Digest(AT, "UTC", (young,), language="ja").line(young))
    hours = entry("i-0h", "AWS::EC2::Instance", 5.5, None)
    assert "（5時間30分前）" in plain_line(Digest(AT, "UTC", (hours,), language="ja").line(hours))


def test_bad_options_fail() -> None:
    with pytest.raises(ValueError, match="group_by"):
        digest(group_by="region")


PRICES = PriceTable(as_of="t", source="t", hourly={"flat": {"nat_gateway": 0.045}})


def test_describe_fills_owner_handle_cost_link_and_tag_problem() -> None:
    nat = replace(NAT.resource, tags={"Owner": "hanako", "leftovers:keep": "yes please"})
    policy = Policy(slack_users={"hanako": "U012ABCDEF"})
    problem = "tag leftovers:keep: 'yes please' is neither true nor an ISO date (use true or e.g. 2026-12-31)"
    handle = Owner("hanako", (("slack", "U012ABCDEF"),))
    link = "https://console.aws.amazon.com/vpc/home#NatGatewayDetails:natGatewayId=nat-0a1"
    assert describe(nat, policy, PRICES, lambda r: link) == DigestEntry(nat, handle, 32.85, link, problem)
    assert describe(nat, Policy(), None) == DigestEntry(nat, Owner("hanako"), None, None, problem)


def test_a_cost_that_overflows_is_unshown_not_a_crash() -> None:
    volume = Resource(ResourceKey("1", "us-east-1", "AWS::EC2::Volume", "vol-1"), details={"size": 10**400})
    prices = PriceTable(as_of="t", source="t", gb_month={"ebs": {"gp3": 0.08}})
    entry = describe(volume, Policy(), prices)
    assert (entry.monthly_cost_usd, entry.unshown) == (None, ("monthly_cost_usd",))
    assert Digest(AT, "UTC", (entry,)).warnings() == [
        "Could not show monthly_cost_usd of AWS::EC2::Volume vol-1: the stored value is out of range"
    ]


def test_policy_fields_for_the_report() -> None:
    # As stored: the deadline shown is when a run sends it, which is never before the stored due date.
    nat = with_deadline(replace(NAT.resource, tags={"Owner": "hanako", "leftovers:expires": "2026-12-01"}), Policy())
    assert policy_fields(nat, Policy(), PRICES) == {
        "owner": "hanako",
        "deadline": "2026-12-01T00:00:00Z",
        "kept_until": None,
        "ignored_by": None,
        "monthly_cost_usd": 32.85,
        "tag_problem": None,
        "override": None,
    }
    kept = replace(nat, tags={"leftovers:keep": "2027-01-31"})
    assert policy_fields(kept, Policy(), None)["kept_until"] == "2027-01-31"
    forever = replace(nat, tags={"leftovers:keep": "true", "leftovers:expires": "later"})
    fields = policy_fields(forever, Policy(), None)
    assert fields["kept_until"] == "forever"
    assert fields["deadline"] is None
    assert "leftovers:expires" in fields["tag_problem"]
