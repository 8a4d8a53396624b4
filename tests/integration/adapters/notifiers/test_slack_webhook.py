"""The Slack notifier against a local webhook sink: real slack_sdk client, real HTTP, scripted answers."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

import pytest

from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.errors import NotifyError
from leftovers.core.model import Resource, ResourceKey
from tests.support.slack_sink import SlackSink, closed_port_url

# The slack_sink fixture (tests/conftest.py may load it for every test; naming it here keeps this module standalone).

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
FAST = {"max_retries": 3, "backoff_factor": 0.01}


def digest(n: int) -> Digest:
    entries = tuple(
        DigestEntry(
            Resource(
                key=ResourceKey("123456789012", "ap-northeast-1", "AWS::Lambda::Function", f"fn-{i:05d}"),
                created_at=AT - timedelta(hours=i),
            )
        )
        for i in range(n)
    )
    return Digest(at=AT, timezone="Asia/Tokyo", entries=entries)


def chain(error: BaseException | None) -> list[BaseException]:
    out: list[BaseException] = []
    while error is not None and error not in out:
        out.append(error)
        error = error.__cause__ or error.__context__
    return out


def leaked(secret: str, error: BaseException) -> bool:
    return any(secret in str(e) or secret in repr(e) for e in chain(error))


def test_one_message_is_posted_as_json(slack_sink: SlackSink) -> None:
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    [message] = notifier.render(digest(3))
    notifier.deliver(message)
    [request] = slack_sink.requests
    assert request.path == slack_sink.path
    assert request.headers["Content-Type"].startswith("application/json")
    assert request.json == message.payload
    assert request.json["blocks"][0]["text"]["text"] == "3 leftovers still exist (2026-11-20 12:00 JST)"


def test_rate_limit_waits_for_retry_after_then_posts_once(slack_sink: SlackSink) -> None:
    slack_sink.script(429, headers={"Retry-After": "1"})
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    notifier.deliver(notifier.render(digest(1))[0])
    first, second = slack_sink.requests
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= 1.0
    assert len(slack_sink.accepted) == 1
    assert first.json == second.json


def test_any_5xx_is_retried_with_backoff(slack_sink: SlackSink) -> None:
    slack_sink.script(502, body="bad gateway")
    slack_sink.script(503, body="unavailable")
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    notifier.deliver(notifier.render(digest(1))[0])
    assert [r.status for r in slack_sink.requests] == [502, 503, 200]


def test_server_errors_past_the_bound_raise_one_line(slack_sink: SlackSink) -> None:
    slack_sink.script(500, body="internal_error", times=10)
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    started = time.monotonic()
    with pytest.raises(NotifyError) as caught:
        notifier.deliver(notifier.render(digest(2))[0])
    assert str(caught.value) == "Slack answered 500 (internal_error) after 3 retries"
    assert len(slack_sink.requests) == 4
    assert slack_sink.accepted == []
    assert time.monotonic() - started < 2
    assert not leaked(slack_sink.path, caught.value)


@pytest.mark.parametrize(("status", "body"), [(400, "invalid_blocks"), (404, "channel_not_found"), (403, None)])
def test_client_errors_are_not_retried(slack_sink: SlackSink, status: int, body: str | None) -> None:
    slack_sink.script(status, body=body)
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    with pytest.raises(NotifyError, match=rf"^Slack answered {status} \(\w+\)$"):
        notifier.deliver(notifier.render(digest(1))[0])
    assert len(slack_sink.requests) == 1


def test_a_retry_after_beyond_the_allowed_wait_fails_at_once(slack_sink: SlackSink) -> None:
    slack_sink.script(429, headers={"Retry-After": "120"})
    notifier = SlackWebhookNotifier(slack_sink.url, max_retry_after=5, **FAST)
    with pytest.raises(NotifyError, match="asked to wait 120s, longer than the 5s allowed"):
        notifier.deliver(notifier.render(digest(1))[0])
    assert len(slack_sink.requests) == 1


def test_unreachable_webhook_raises_one_line_without_the_url() -> None:
    url = closed_port_url()
    notifier = SlackWebhookNotifier(url, **FAST)
    with pytest.raises(NotifyError) as caught:
        notifier.deliver(notifier.render(digest(1))[0])
    assert str(caught.value) == "could not reach Slack at 127.0.0.1: [Errno 111] Connection refused after 3 retries"
    assert "\n" not in str(caught.value)
    assert not leaked(url.split("/services")[1], caught.value)


def test_a_read_timeout_is_not_retried_so_nothing_is_posted_twice(slack_sink: SlackSink) -> None:
    slack_sink.script(200, delay=2)
    notifier = SlackWebhookNotifier(slack_sink.url, timeout=1, **FAST)
    with pytest.raises(NotifyError, match=r"^could not reach Slack at 127\.0\.0\.1: timed out$"):
        notifier.deliver(notifier.render(digest(1))[0])
    assert len(slack_sink.requests) == 1


def test_a_large_digest_arrives_as_several_accepted_messages(slack_sink: SlackSink) -> None:
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    messages = notifier.render(digest(400))
    for message in messages:
        notifier.deliver(message)
    assert len(messages) > 1
    assert [r.json for r in slack_sink.accepted] == [m.payload for m in messages]


def test_the_url_never_reaches_logs_errors_or_repr(slack_sink: SlackSink, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("slack_sdk", "leftovers", "urllib3"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    slack_sink.script(429, headers={"Retry-After": "0"})
    slack_sink.script(500, times=10)
    notifier = SlackWebhookNotifier(slack_sink.url, **FAST)
    message = notifier.render(digest(1))[0]
    with pytest.raises(NotifyError) as failed:
        notifier.deliver(message)
    unreachable = SlackWebhookNotifier(closed_port_url(), **FAST)
    with pytest.raises(NotifyError) as refused:
        unreachable.deliver(message)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    # slack_sdk did try to log the URL (request, retries): the placeholder proves the filter saw and rewrote it.
    assert "url: [webhook URL]" in logged
    assert "/services/" not in logged
    assert slack_sink.path not in repr(notifier) + str(failed.value) + str(refused.value)
    assert not leaked("/services/", failed.value)
    assert not leaked("/services/", refused.value)


def test_a_url_that_names_no_webhook_is_refused_like_slack_does(slack_sink: SlackSink) -> None:
    notifier = SlackWebhookNotifier(slack_sink.url + "-revoked", **FAST)
    with pytest.raises(NotifyError, match=r"^Slack answered 404 \(no_service\)$"):
        notifier.deliver(notifier.render(digest(1))[0])
    assert slack_sink.accepted == []
