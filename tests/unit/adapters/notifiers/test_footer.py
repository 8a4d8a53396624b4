"""The estimated monthly total closes the digest in both notifiers."""

from __future__ import annotations

from datetime import timedelta

from leftovers.adapters.notifiers.slack.blocks import MAX_BLOCKS, render_messages
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from tests.support.changes import T0


def digest(n: int, types: int = 1) -> Digest:
    entries = tuple(
        DigestEntry(
            Resource(ResourceKey("123456789012", "us-east-1", f"AWS::T{i % types}::X", f"id-{i}"), created_at=T0),
            monthly_cost_usd=1.5 if i % 2 else None,
        )
        for i in range(n)
    )
    return Digest(at=T0 + timedelta(hours=1), timezone="UTC", entries=entries, show_cost=True)


def test_terminal_prints_the_total_last() -> None:
    (message,) = TerminalNotifier().render(digest(4))
    assert message.text.splitlines()[-1] == digest(4).footer()
    assert "3.00" in message.text.splitlines()[-1]


def test_slack_adds_the_total_to_the_last_message_only() -> None:
    messages = render_messages(digest(3))
    blocks = messages[-1].payload["blocks"]
    assert blocks[-1]["type"] == "context"
    assert blocks[-1]["elements"][0]["text"] == digest(3).footer()


def test_slack_footer_never_breaks_the_block_limit() -> None:
    # 49 single-line type groups fill a message to exactly 50 blocks: the total must go in a message of its own.
    messages = render_messages(digest(49, types=49))
    assert all(len(m.payload["blocks"]) <= MAX_BLOCKS for m in messages)
    assert messages[-1].payload["blocks"][-1]["type"] == "context"
    assert sum(len(m.keys) for m in messages) == 49


def test_no_total_without_costs() -> None:
    plain = Digest(at=T0, timezone="UTC", entries=digest(2).entries)
    assert plain.footer() is None
    assert all(b["type"] != "context" for m in render_messages(plain) for b in m.payload["blocks"][2:])
