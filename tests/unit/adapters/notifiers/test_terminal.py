"""The terminal notifier prints the same digest readably, in one message naming every entry."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.errors import NotifyError
from leftovers.core.model import Resource, ResourceKey

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def leftover(rtype: str, rid: str, name: str | None, hours: int, region: str = "ap-northeast-1") -> DigestEntry:
    key = ResourceKey("123456789012", region, rtype, rid)
    return DigestEntry(Resource(key=key, name=name, created_at=AT - timedelta(hours=hours)))


DIGEST = Digest(
    at=AT,
    timezone="Asia/Tokyo",
    entries=(
        leftover("AWS::S3::Bucket", "scratch-bucket", "scratch-bucket", 5),
        leftover("AWS::EC2::Instance", "i-0b", None, 2, "us-east-1"),
        leftover("AWS::EC2::Instance", "i-0a", "gpu-test", 30),
    ),
)


def test_digest_is_laid_out_by_type_with_indented_lines() -> None:
    stream = io.StringIO()
    notifier = TerminalNotifier(stream)
    [message] = notifier.render(DIGEST)
    notifier.deliver(message)
    assert stream.getvalue() == (
        "3 leftovers still exist (2026-11-20 12:00 JST)\n"
        "all in account 123456789012\n"
        "\n"
        "AWS::EC2::Instance (2)\n"
        "  gpu-test (i-0a) · ap-northeast-1 · created 2026-11-19 06:00 JST (1d 6h ago)\n"
        "  i-0b · us-east-1 · created 2026-11-20 10:00 JST (2h 0m ago)\n"
        "\n"
        "AWS::S3::Bucket (1)\n"
        "  scratch-bucket · ap-northeast-1 · created 2026-11-20 07:00 JST (5h 0m ago)\n"
    )
    assert message.keys == tuple(e.resource.key for _, group in DIGEST.groups() for e in group)


def test_empty_digest_renders_no_message() -> None:
    assert TerminalNotifier().render(Digest(at=AT, timezone="UTC", entries=())) == []


def test_control_characters_in_names_cannot_break_lines_or_drive_the_terminal() -> None:
    digest = Digest(at=AT, timezone="UTC", entries=(leftover("AWS::S3::Bucket", "b", "evil\n\x1b[2Jname", 1),))
    [message] = TerminalNotifier().render(digest)
    assert "\x1b" not in message.text
    assert message.text.splitlines()[-1] == "  evil [2Jname (b) · created 2026-11-20 02:00 UTC (1h 0m ago)"


def test_defaults_to_standard_output_at_delivery_time(capsys: pytest.CaptureFixture[str]) -> None:
    notifier = TerminalNotifier()
    [message] = notifier.render(DIGEST)
    notifier.deliver(message)
    assert capsys.readouterr().out.startswith("3 leftovers still exist")


def test_a_terminal_without_unicode_still_gets_the_digest() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    notifier = TerminalNotifier(stream)
    notifier.deliver(notifier.render(DIGEST)[0])
    assert b"gpu-test (i-0a) ? ap-northeast-1" in raw.getvalue()


class BrokenPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_stream_that_refuses_the_text_is_a_notify_error() -> None:
    notifier = TerminalNotifier(BrokenPipe())
    with pytest.raises(NotifyError, match="could not write the digest: Broken pipe"):
        notifier.deliver(notifier.render(DIGEST)[0])
