"""Fault tests: Slack down, rate limited, or a crash between sending and marking; nothing is lost or doubled."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

import pytest

from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.errors import StoreError
from leftovers.core.model import Resource, ResourceKey
from leftovers.service import notify
from leftovers.service.ingest import ingest
from tests.support.changes import T0, change
from tests.support.slack_sink import SlackSink

SCHEDULE = Schedule()
NIGHT = T0 + timedelta(hours=14)


def key(n: int) -> ResourceKey:
    return ResourceKey("123456789012", "us-east-1", f"AWS::EC2::T{n % 7}", f"id-{n:05d}-" + "x" * 60)


def tracked(n: int, store: MemoryStore | None = None) -> MemoryStore:
    store = store or MemoryStore()
    ingest(store, [change("created", 0, key=key(i), name=f"leftover-{i}-" + "y" * 80) for i in range(n)], SCHEDULE)
    return store


def slack(sink: SlackSink) -> SlackWebhookNotifier:
    return SlackWebhookNotifier(sink.url, max_retries=2, backoff_factor=0.01)


def run(store: MemoryStore, sink: SlackSink, minutes: int = 0) -> notify.NotifyResult:
    return notify.run(store, slack(sink), SCHEDULE, NIGHT + timedelta(minutes=minutes), "UTC")


def named(sink: SlackSink) -> list[str]:
    """Every leftover name in the accepted messages, in order."""
    text = "".join(str(r.json) for r in sink.accepted)
    return [w.split("-y")[0] for w in text.split("leftover-")[1:]]


def test_slack_down_for_a_whole_run_marks_nothing_and_the_next_run_sends_all(slack_sink: SlackSink) -> None:
    store = tracked(200)
    slack_sink.script(503, times=3)  # the first message and both its retries: the run gives up there
    down = run(store, slack_sink)
    assert down.sent == ()
    assert len(down.unsent) == 200
    assert len(slack_sink.requests) == 3
    assert all(r.notify_count == 0 for r in store.scan())
    back = run(store, slack_sink, minutes=30)  # the outage is over
    assert back.error is None
    assert len(back.sent) == 200
    assert sorted(named(slack_sink)) == sorted(f"{i}" for i in range(200))


def test_rate_limited_then_ok_sends_each_message_once(slack_sink: SlackSink) -> None:
    store = tracked(200)
    slack_sink.script(429, headers={"Retry-After": "1"})
    result = run(store, slack_sink)
    assert result.error is None
    assert result.messages >= 2
    assert len(slack_sink.accepted) == result.messages
    names = named(slack_sink)
    assert len(names) == len(set(names)) == 200


class CrashOnMark(MemoryStore):
    """A store that dies on the first save after a message was sent (the process is killed mid-run)."""

    def __init__(self) -> None:
        super().__init__()
        self.crash = False

    def save(self, records: Sequence[Resource]) -> None:
        if self.crash:
            self.crash = False
            raise StoreError("the process died between sending and marking")
        super().save(records)


def test_crash_between_sending_and_marking_sends_again_next_run(slack_sink: SlackSink) -> None:
    store = tracked(3, CrashOnMark())
    store.crash = True
    with pytest.raises(StoreError):
        run(store, slack_sink)
    assert len(slack_sink.accepted) == 1
    assert all(r.notify_count == 0 for r in store.scan())  # sent, not marked: at least once, never lost
    again = run(store, slack_sink, minutes=10)
    assert len(again.sent) == 3
    assert len(slack_sink.accepted) == 2
    assert all(r.notify_count == 1 for r in store.scan())


def test_no_log_line_of_a_failing_run_holds_the_webhook_url(
    slack_sink: SlackSink, caplog: pytest.LogCaptureFixture
) -> None:
    store = tracked(120)
    slack_sink.script(200)
    slack_sink.script(500, times=10)
    with caplog.at_level(logging.DEBUG):
        result = run(store, slack_sink)
    assert result.error is not None
    assert caplog.records, "the run logged nothing: the check would be vacuous"
    secret = slack_sink.path
    assert all(secret not in r.getMessage() for r in caplog.records)
    assert secret not in result.error
