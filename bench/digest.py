"""Digest at scale: N leftovers rendered by the real Slack and terminal notifiers, next to one naive message.

The baseline is what the original did: one message with every line in it. Slack truncates a message's text past
40,000 characters, refuses a section over 3,000 and blocks adding up to ~12,000 (msg_blocks_too_long), so at scale
the naive message cannot be delivered whole. Target: every Slack message within 50 blocks, 3,000 characters per
section, 12,000 characters in all; every leftover in exactly one message; rendering under 1 s.

    .venv/bin/python bench/digest.py [--leftovers 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from leftovers.adapters.notifiers.slack.blocks import MAX_BLOCKS, MAX_HEADER_CHARS, MAX_SECTION_CHARS
from leftovers.adapters.notifiers.slack.text import width
from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier
from leftovers.adapters.notifiers.terminal import TerminalNotifier
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.ports import Message
from leftovers.core.rich_text import Owner, plain_line

SLACK_MESSAGE_CHARS = 12_000  # undocumented per-message total (slackapi/bolt-js#2509)
SLACK_TEXT_CHARS = 40_000  # api.slack.com/changelog/2018-04-truncating-really-long-messages
SLACK_MESSAGES_PER_SECOND = 1  # incoming webhooks: about one message a second (docs.slack.dev rate limits)
AT = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
RENDER_TARGET_AT = 10_000  # leftovers: the render target is set for this size
ACCOUNTS = ("123456789012", "210987654321", "555566667777")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1")
OWNERS = ("alice", "bob", "chen", "dmitri", "emi", "farah", "ci-bot", "たなか")
PURPOSES = ("test", "poc", "demo", "loadtest", "tmp", "debug", "spike", "migration", "bench", "scratch")
# Resource types weighted roughly as a busy sandbox account leaves them, each with its way of naming ids.
TYPES: dict[str, tuple[int, Callable[[random.Random], str]]] = {
    "AWS::EC2::Instance": (30, lambda r: f"i-{r.getrandbits(68):017x}"),
    "AWS::EC2::Volume": (15, lambda r: f"vol-{r.getrandbits(68):017x}"),
    "AWS::EC2::EIP": (8, lambda r: f"eipalloc-{r.getrandbits(68):017x}"),
    "AWS::EC2::NatGateway": (4, lambda r: f"nat-{r.getrandbits(68):017x}"),
    "AWS::S3::Bucket": (12, lambda r: f"bucket-{r.getrandbits(32):08x}"),
    "AWS::RDS::DBInstance": (5, lambda r: f"db-{r.getrandbits(100):026X}"),
    "AWS::Lambda::Function": (10, lambda r: f"fn-{r.getrandbits(32):08x}"),
    "AWS::DynamoDB::Table": (6, lambda r: f"table-{r.getrandbits(32):08x}"),
    "AWS::ElasticLoadBalancingV2::LoadBalancer": (4, lambda r: f"app/lb/{r.getrandbits(64):016x}"),
    "AWS::SageMaker::Endpoint": (2, lambda r: f"ep-{r.getrandbits(32):08x}"),
    "AWS::ECS::Cluster": (4, lambda r: f"cluster-{r.getrandbits(32):08x}"),
}


def synthetic_entries(n: int, seed: int = 11) -> tuple[DigestEntry, ...]:
    """``n`` due leftovers of mixed types, regions and accounts, named the way people name experiments."""
    rng = random.Random(seed)
    types = list(TYPES)
    weights = [TYPES[t][0] for t in types]
    entries = []
    for i in range(n):
        rtype = rng.choices(types, weights)[0]
        rid = TYPES[rtype][1](rng)
        owner = rng.choice(OWNERS)
        name = None if rng.random() < 0.15 else f"{owner}-{rng.choice(PURPOSES)}-{rtype.split('::')[-1].lower()}-{i}"
        created = AT - timedelta(minutes=rng.randrange(60, 60 * 24 * 90))
        resource = Resource(
            key=ResourceKey(rng.choice(ACCOUNTS), rng.choice(REGIONS), rtype, rid),
            name=name,
            tags={"Owner": owner} if name else {},
            created_at=created,
            notify_count=rng.choice((0, 0, 0, 1, 2, 5)),
            next_due_at=AT,
            sources=frozenset({"config"}),
        )
        entries.append(DigestEntry(resource, owner=Owner(owner) if rng.random() < 0.7 else None))
    return tuple(entries)


def median_seconds(render: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        render()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def slack_sizes(message: Message) -> dict[str, int]:
    """Blocks, characters as Slack counts them (all block texts, largest section) and JSON bytes of one message."""
    blocks: list[dict[str, Any]] = message.payload["blocks"]
    texts = [width(b["text"]["text"]) for b in blocks if "text" in b]
    sections = [width(b["text"]["text"]) for b in blocks if b["type"] == "section"]
    header = max((width(b["text"]["text"]) for b in blocks if b["type"] == "header"), default=0)
    return {
        "blocks": len(blocks),
        "chars": sum(texts),
        "section": max(sections, default=0),
        "header": header,
        "bytes": len(json.dumps(message.payload, ensure_ascii=False).encode()),
    }


def naive_message(digest: Digest) -> str:
    """The original's single message: the title, then every leftover on its own line."""
    return "\n".join([digest.title(), *(plain_line(digest.line(e)) for _, es in digest.groups() for e in es)])


def main(argv: list[str] | None = None) -> int:
    """Render N leftovers both ways and print sizes against Slack's limits, and the render times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leftovers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    digest = Digest(at=AT, timezone="Asia/Tokyo", entries=synthetic_entries(args.leftovers))
    slack = SlackWebhookNotifier("https://hooks.slack.invalid/services/T0/B0/bench")  # rendering never sends
    terminal = TerminalNotifier()
    messages = slack.render(digest)
    slack_s = median_seconds(lambda: slack.render(digest), args.runs)
    terminal_s = median_seconds(lambda: terminal.render(digest), args.runs)
    sizes = [slack_sizes(m) for m in messages]
    worst = {k: max(s[k] for s in sizes) for k in sizes[0]}
    named = Counter(k for m in messages for k in m.keys)
    exactly_once = len(named) == args.leftovers and set(named.values()) == {1}
    naive = naive_message(digest)
    naive_chars, naive_bytes = width(naive), len(json.dumps({"text": naive}, ensure_ascii=False).encode())
    term = terminal.render(digest)[0].text

    print(f"digest: {args.leftovers:,} leftovers, {len(digest.groups())} resource types, median of {args.runs} renders")
    print(f"  slack     : {len(messages)} messages; largest: {worst['blocks']} blocks (limit {MAX_BLOCKS}), "
          f"{worst['chars']:,} chars (limit ~{SLACK_MESSAGE_CHARS:,}), section {worst['section']:,} chars "
          f"(limit {MAX_SECTION_CHARS:,}), {worst['bytes']:,} JSON bytes; render {slack_s * 1000:.0f} ms")  # fmt: skip
    print(f"              at Slack's ~{SLACK_MESSAGES_PER_SECOND} message/s, delivery takes at least "
          f"{len(messages) / SLACK_MESSAGES_PER_SECOND:.0f} s; {args.leftovers / len(messages):.0f} leftovers "
          "per message on average")  # fmt: skip
    print(f"  terminal  : 1 message, {len(term.splitlines()):,} lines, {width(term):,} chars; "
          f"render {terminal_s * 1000:.0f} ms")  # fmt: skip
    print(f"  baseline  : 1 naive message of every line: {naive_chars:,} chars, {naive_bytes:,} JSON bytes = "
          f"{naive_chars / SLACK_TEXT_CHARS:.1f}x the {SLACK_TEXT_CHARS:,}-char text truncation, "
          f"{naive_chars / MAX_SECTION_CHARS:.1f}x a {MAX_SECTION_CHARS:,}-char section")  # fmt: skip
    render = "PASS" if slack_s < 1 else "FAIL"
    if args.leftovers < RENDER_TARGET_AT:  # a fast render of fewer leftovers proves nothing about the target
        render = f"n/a at smoke size (< {RENDER_TARGET_AT:,} leftovers)"
    within = (
        worst["blocks"] <= MAX_BLOCKS
        and worst["section"] <= MAX_SECTION_CHARS
        and worst["header"] <= MAX_HEADER_CHARS
        and worst["chars"] <= SLACK_MESSAGE_CHARS
    )
    print(f"  every message within Slack's limits: {'PASS' if within else 'FAIL'}; "
          f"every leftover in exactly one message: {'PASS' if exactly_once else 'FAIL'}")  # fmt: skip
    print(f"  slack render {slack_s:.2f} s (target < 1 s at {RENDER_TARGET_AT:,}): {render}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
