"""The e-mail rendering: the digest's own lines in both parts, user text escaped, only https links linked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from leftovers.adapters.notifiers.email.render import bodies, render_email
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.rich_text import Owner, neutralise, plain_line

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def entry(rid: str, owner: str | None = None, url: str | None = None, created_by: str | None = None) -> DigestEntry:
    key = ResourceKey("123456789012", "us-east-1", "AWS::S3::Bucket", rid)
    resource = Resource(key=key, created_at=AT - timedelta(days=2), created_by=created_by)
    return DigestEntry(resource, Owner(owner) if owner else None, console_url=url)


def test_plain_text_carries_every_line_of_the_digest() -> None:
    digest = Digest(at=AT, timezone="UTC", entries=(entry("a"), entry("b\nforged line")))
    text, _ = bodies(digest)
    for e in digest.entries:
        assert f"- {neutralise(plain_line(digest.line(e)))}" in text
    assert "\nforged line" not in text


def test_html_escapes_user_text_and_links_only_https() -> None:
    evil = entry('"><img src=x onerror=alert(1)>', owner="<b>mallory</b>", url="javascript:alert(1)")
    good = entry("fine", url="https://console.aws.amazon.com/s3/buckets/fine?a=1&b=2")
    _, page = bodies(Digest(at=AT, timezone="UTC", entries=(evil, good), group_by="owner"))
    assert "<img" not in page
    assert "<b>mallory" not in page
    assert "&lt;b&gt;mallory&lt;/b&gt;" in page
    assert 'href="javascript' not in page
    assert '<a href="https://console.aws.amazon.com/s3/buckets/fine?a=1&amp;b=2">fine</a>' in page


def test_recipients_from_the_map_the_owner_and_the_session_name() -> None:
    sso = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_1/hanako@example.com"
    entries = (entry("m", owner="taro"), entry("t", owner="jiro@example.com"), entry("s", owner="x", created_by=sso),
               entry("n"))  # fmt: skip
    digest = Digest(at=AT, timezone="UTC", entries=entries)
    messages = render_email(digest, {"taro": "taro@example.com"}, None)
    assert [(m.payload["to"], [k.resource_id for k in m.keys]) for m in messages] == [
        ("taro@example.com", ["m"]),
        ("jiro@example.com", ["t"]),
        ("hanako@example.com", ["s"]),
        (None, ["n"]),  # no address and no fallback: a last message that cannot be delivered
    ]
