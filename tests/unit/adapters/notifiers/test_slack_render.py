"""Rendering a digest as Slack Block Kit messages: limits, partition of the keys, order, headings, time zones."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leftovers.adapters.notifiers.slack.blocks import (
    DEFAULT_MESSAGE_CHARS,
    MAX_BLOCKS,
    MAX_FALLBACK_CHARS,
    MAX_HEADER_CHARS,
    MAX_SECTION_CHARS,
    MIN_MESSAGE_CHARS,
    render_line,
    render_messages,
)
from leftovers.adapters.notifiers.slack.text import width
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Message
from tests.support.examples import examples

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
TYPES = ("AWS::EC2::Instance", "AWS::S3::Bucket", "AWS::Lambda::Function", "AWS::EC2::Volume", "AWS::RDS::DBInstance")
REGIONS = ("us-east-1", "ap-northeast-1", "eu-west-1")
ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")


def entry(i: int, rtype: str, name: str | None = None, created: datetime | None = None) -> DigestEntry:
    """A leftover with a stable, distinct key."""
    key = ResourceKey("123456789012", REGIONS[i % 3], rtype, f"id-{i:05d}")
    created = created or AT - timedelta(hours=i % 500, minutes=i % 60)
    return DigestEntry(Resource(key=key, name=name, created_at=created, notify_count=i % 3))


def digest_of(n: int, types: tuple[str, ...] = TYPES, zone: str = "UTC", name: str = "experiment-{i}") -> Digest:
    """``n`` leftovers spread over ``types``."""
    entries = tuple(entry(i, types[i % len(types)], name.format(i=i)) for i in range(n))
    return Digest(at=AT, timezone=zone, entries=entries)


def digest_order(digest: Digest) -> list[ResourceKey]:
    return [e.resource.key for _, group in digest.groups() for e in group]


def sections(message: Message) -> list[str]:
    return [b["text"]["text"] for b in message.payload["blocks"] if b["type"] == "section"]


def check(digest: Digest, messages: list[Message], budget: int = DEFAULT_MESSAGE_CHARS) -> None:
    """Every Slack limit holds, the keys partition the digest in order, and each message shows exactly its keys."""
    assert [k for m in messages for k in m.keys] == digest_order(digest)
    lines = {e.resource.key: render_line(digest, e) for e in digest.entries}
    for m in messages:
        blocks = m.payload["blocks"]
        json.dumps(m.payload)
        assert 2 <= len(blocks) <= MAX_BLOCKS
        assert all(width(b["elements"][0]["text"]) <= MAX_HEADER_CHARS for b in blocks[1:2] if b["type"] == "context")
        assert blocks[0]["type"] == "header"
        assert blocks[0]["text"]["type"] == "plain_text"
        assert width(blocks[0]["text"]["text"]) <= MAX_HEADER_CHARS
        assert all(width(s) <= MAX_SECTION_CHARS for s in sections(m))
        assert sum(width(b["text"]["text"]) for b in blocks if "text" in b) <= budget
        assert m.payload["text"] == m.text
        assert width(m.text) <= MAX_FALLBACK_CHARS
        shown = [line for s in sections(m) for line in s.split("\n") if line.startswith("• ")]
        assert shown == [lines[k] for k in m.keys]
        assert not any(ENTITY.search(s) for s in sections(m))


@pytest.mark.parametrize("n", [0, 1, 49, 50, 51, 1000, 10_000])
def test_limits_hold_and_keys_partition_the_digest(n: int) -> None:
    digest = digest_of(n)
    messages = render_messages(digest)
    check(digest, messages)
    assert (n == 0) == (messages == [])


def test_one_message_has_no_part_number_and_groups_by_type() -> None:
    [message] = render_messages(digest_of(7))
    header = message.payload["blocks"][0]["text"]["text"]
    assert header.startswith("7 leftovers still exist (2026-11-20 03:00 UTC)")
    assert "part" not in header
    headings = [s.split("\n")[0] for s in sections(message)]
    assert headings == [f"*{t}* ({n})" for t, n in sorted({t: 2 if i < 2 else 1 for i, t in enumerate(TYPES)}.items())]


def test_a_group_that_spills_over_repeats_its_heading_as_continued() -> None:
    digest = digest_of(1000, types=("AWS::EC2::Instance",))
    messages = render_messages(digest)
    assert len(messages) > 2
    firsts = [sections(m)[0].split("\n")[0] for m in messages]
    assert firsts == ["*AWS::EC2::Instance* (1000)"] + ["*AWS::EC2::Instance* (continued)"] * (len(messages) - 1)
    # Within one message a second section of the same group needs no heading.
    assert all(not s.startswith("*") for m in messages for s in sections(m)[1:])
    headers = [m.payload["blocks"][0]["text"]["text"] for m in messages]
    assert headers == [
        f"1000 leftovers still exist (2026-11-20 03:00 UTC) · part {i}/{len(messages)}"
        for i in range(1, len(messages) + 1)
    ]


def test_many_small_groups_are_split_by_the_block_limit() -> None:
    types = tuple(f"AWS::Svc{i:03d}::Thing" for i in range(120))
    digest = digest_of(120, types=types, name="x{i}")
    messages = render_messages(digest)
    check(digest, messages)
    assert max(len(m.payload["blocks"]) for m in messages) == MAX_BLOCKS
    assert len(messages) == 3


def test_fallback_text_is_a_short_summary_of_the_message() -> None:
    [message] = render_messages(digest_of(3, types=("AWS::S3::Bucket",)))
    assert message.text == "3 leftovers still exist (2026-11-20 03:00 UTC): 3 AWS::S3::Bucket"


@pytest.mark.parametrize("name", ["n" * 10_000, "&<>" * 5_000, "😀" * 3_000, "a" * 1995 + "&&&&&&"])
def test_absurdly_long_names_are_cut_with_an_ellipsis(name: str) -> None:
    digest = Digest(at=AT, timezone="UTC", entries=(entry(1, "AWS::S3::Bucket", name), entry(2, "AWS::S3::Bucket")))
    messages = render_messages(digest)
    check(digest, messages)
    assert "…" in sections(messages[0])[0]


def test_long_type_names_and_titles_stay_inside_their_limits() -> None:
    digest = digest_of(60, types=("AWS::" + "X" * 5000, "AWS::S3::Bucket"))
    check(digest, render_messages(digest))


def test_mrkdwn_control_characters_are_escaped() -> None:
    digest = Digest(at=AT, timezone="UTC", entries=(entry(1, "AWS::S3::Bucket", "<!channel> & co"),))
    [message] = render_messages(digest)
    assert "&lt;!channel&gt; &amp; co" in sections(message)[0]
    assert "<!channel>" not in json.dumps(message.payload)


@pytest.mark.parametrize(("zone", "shown"), [("UTC", "2026-11-20 01:00 UTC"), ("Asia/Tokyo", "2026-11-20 10:00 JST")])
def test_created_time_is_shown_in_the_configured_zone(zone: str, shown: str) -> None:
    created = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    digest = Digest(at=AT, timezone=zone, entries=(entry(0, "AWS::S3::Bucket", "bucket", created),))
    [message] = render_messages(digest)
    assert f"created {shown} (2h 0m ago)" in sections(message)[0]
    assert zone.endswith("Tokyo") == ("JST" in message.payload["blocks"][0]["text"]["text"])


def test_a_budget_below_one_full_section_is_refused() -> None:
    with pytest.raises(ValueError, match="message_chars"):
        render_messages(digest_of(1), message_chars=MIN_MESSAGE_CHARS - 1)


@settings(max_examples=examples(75), deadline=None)
@given(
    names=st.lists(st.one_of(st.none(), st.text(min_size=1, max_size=400)), max_size=80),
    ntypes=st.integers(1, 60),
    budget=st.integers(MIN_MESSAGE_CHARS, 20_000),
)
def test_any_digest_renders_inside_the_limits(names: list[str | None], ntypes: int, budget: int) -> None:
    types = tuple(f"AWS::T{i}::R" for i in range(ntypes))
    entries = tuple(entry(i, types[i % ntypes], name) for i, name in enumerate(names))
    digest = Digest(at=AT, timezone="Asia/Tokyo", entries=entries)
    check(digest, render_messages(digest, message_chars=budget), budget)


CONSOLE = "https://console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId="


def test_console_links_come_from_the_hook_and_cannot_break_the_markup() -> None:
    from leftovers.core.policy import Policy
    from leftovers.core.policy_report import describe

    def links(resource: Resource) -> str | None:
        rid = resource.key.resource_id
        return {"id-00001": f"{CONSOLE}{rid}&x=1", "id-00002": "https://evil.example/|<!channel>"}.get(rid)

    records = [entry(i, "AWS::EC2::Instance", "llm-finetune").resource for i in (1, 2, 3)]
    digest = Digest(at=AT, timezone="UTC", entries=tuple(describe(r, Policy(), None, links) for r in records))
    [message] = render_messages(digest)
    text = sections(message)[0]
    assert f"• <{CONSOLE}id-00001&amp;x=1|llm-finetune> (id-00001)" in text
    assert "• llm-finetune (id-00002)" in text  # an unsafe URL is dropped, the name stays
    assert "• llm-finetune (id-00003)" in text  # no console URL known for it
    assert "<!channel>" not in json.dumps(message.payload)


def test_owners_render_as_mentions_only_with_a_user_id() -> None:
    from leftovers.core.rich_text import Owner

    owners = [Owner("taro", (("slack", "U0TARO1234"),)), Owner("<!here>", (("slack", "<!here>"),)), Owner("jiro")]
    entries = tuple(DigestEntry(entry(i, "AWS::S3::Bucket", f"b{i}").resource, owner) for i, owner in enumerate(owners))
    text = sections(render_messages(Digest(at=AT, timezone="UTC", entries=entries))[0])[0]
    assert "owner <@U0TARO1234>" in text
    assert "owner &lt;!here&gt;" in text
    assert "owner jiro" in text


def test_bidi_overrides_and_zero_width_characters_never_reach_slack() -> None:
    name = "invoice\u202egpj.exe\u200b\u2066x\u2069"
    digest = Digest(at=AT, timezone="UTC", entries=(entry(1, "AWS::S3::Bucket", name),))
    payload = json.dumps(render_messages(digest)[0].payload, ensure_ascii=False)
    assert not any(ch in payload for ch in "\u202e\u200b\u2066\u2069")
    assert "invoicegpj.exex" in payload


# Leftovers' own markup: a mention of a user id, or a link to an https URL with a label. Nothing else may open a "<".
MARKUP = re.compile(r"<(@[UW][A-Z0-9]+|https://[^\s<>|]+\|[^<>]*)>")


@settings(max_examples=examples(50), deadline=None)
@given(
    names=st.lists(st.text(max_size=60), min_size=1, max_size=20),
    owners=st.lists(st.tuples(st.text(min_size=1, max_size=30), st.text(max_size=20)), min_size=1, max_size=20),
    urls=st.lists(st.one_of(st.none(), st.text(max_size=40).map(lambda t: "https://" + t)), min_size=1, max_size=20),
)
def test_no_name_owner_or_url_can_add_markup(
    names: list[str], owners: list[tuple[str, str]], urls: list[str | None]
) -> None:
    from leftovers.core.rich_text import Owner

    entries = tuple(
        DigestEntry(
            entry(i, "AWS::S3::Bucket", name or None).resource,
            Owner(owners[i % len(owners)][0], (("slack", owners[i % len(owners)][1]),)),
            console_url=urls[i % len(urls)],
        )
        for i, name in enumerate(names)
    )
    for group_by in ("type", "owner"):
        digest = Digest(at=AT, timezone="UTC", entries=entries, group_by=group_by)
        messages = render_messages(digest)
        if group_by == "type":
            check(digest, messages)
        for text in (s for m in messages for s in sections(m)):
            assert "<" not in MARKUP.sub("", text), text
            assert ">" not in MARKUP.sub("", text), text
