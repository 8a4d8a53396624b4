"""Delivering through a fake webhook client: how Slack's answers and transport failures become one-line errors."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.error import URLError

import pytest

from leftovers.adapters.notifiers.slack.retry import Redactor, retry_after
from leftovers.adapters.notifiers.slack.webhook import SlackWebhookNotifier
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.model import ResourceKey
from leftovers.core.ports import Message

URL = "https://hooks.slack.com/services/T0FAKE0000/B0FAKE0000/s3cr3tT0k3nValue"
SECRET_PATH = "/services/T0FAKE0000/B0FAKE0000/s3cr3tT0k3nValue"
MESSAGE = Message(keys=(ResourceKey("1", "r", "t", "i"),), text="1 leftover", payload={"text": "1 leftover"})


@dataclass
class Answer:
    """What the fake client returns, shaped like slack_sdk's WebhookResponse."""

    status_code: int
    body: str
    headers: dict[str, Any] = field(default_factory=dict)


@dataclass
class FakeClient:
    """Answers from a list, or raises the exception given; records every body."""

    answers: list[Answer | Exception]
    bodies: list[dict[str, Any]] = field(default_factory=list)

    def send_dict(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> Answer:
        self.bodies.append(body)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def deliver(*answers: Answer | Exception, **options: Any) -> tuple[FakeClient, NotifyError | None]:
    client = FakeClient(list(answers))
    error = None
    try:
        SlackWebhookNotifier(URL, client=client, **options).deliver(MESSAGE)
    except NotifyError as e:
        error = e
    assert SECRET_PATH not in str(error)
    return client, error


def chain(error: BaseException | None) -> list[BaseException]:
    out = []
    while error is not None:
        out.append(error)
        error = error.__cause__ or error.__context__
    return out


def test_accepted_message_posts_the_payload_once() -> None:
    client, error = deliver(Answer(200, "ok"))
    assert error is None
    assert client.bodies == [{"text": "1 leftover"}]


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (404, "channel_not_found", "Slack answered 404 (channel_not_found)"),
        (410, "channel_is_archived", "Slack answered 410 (channel_is_archived)"),
        (400, "invalid_blocks\n", "Slack answered 400 (invalid_blocks)"),
        (502, "", "Slack answered 502"),
        (
            500,
            "<html>\n<body>Bad\n Gateway</body></html>",
            "Slack answered 500 (<html> <body>Bad Gateway</body></html>)",
        ),
    ],
)
def test_refusals_become_one_line_errors(status: int, body: str, expected: str) -> None:
    _, error = deliver(Answer(status, body))
    assert str(error) == expected


def test_a_rate_limit_longer_than_allowed_is_explained() -> None:
    _, error = deliver(Answer(429, "rate_limited", {"Retry-After": "3600"}), max_retry_after=60)
    assert str(error) == "Slack answered 429 (rate_limited): it asked to wait 3600s, longer than the 60s allowed"


def test_a_body_that_echoes_the_url_is_redacted() -> None:
    _, error = deliver(Answer(404, f"no_service for {URL}"))
    assert str(error) == "Slack answered 404 (no_service for [webhook URL])"


def test_transport_failure_is_one_line_and_keeps_a_clean_cause() -> None:
    refused = URLError(ConnectionRefusedError(111, "Connection refused"))
    _, error = deliver(refused)
    assert str(error) == "could not reach Slack at hooks.slack.com: [Errno 111] Connection refused"
    assert error is not None
    assert error.__cause__ is refused


def test_an_exception_that_names_the_url_is_not_chained() -> None:
    _, error = deliver(OSError(f"cannot open {URL}"))
    assert str(error) == "could not reach Slack at hooks.slack.com: cannot open [webhook URL]"
    assert chain(error) == [error]


def test_the_notifier_never_shows_its_url() -> None:
    notifier = SlackWebhookNotifier(URL)
    assert repr(notifier) == "SlackWebhookNotifier(host='hooks.slack.com')"
    assert SECRET_PATH not in str(notifier)


@pytest.mark.parametrize(
    "url",
    [
        "hooks.slack.com/services/T/B/secret",
        "http://hooks.slack.com/services/T/B/secret",
        "ftp://hooks.slack.com/services/T/B/secret",
        "https:///services/T/B/secret",
    ],
)
def test_bad_urls_are_refused_without_being_echoed(url: str) -> None:
    with pytest.raises(SettingsError) as caught:
        SlackWebhookNotifier(url)
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize("options", [{"max_retries": -1}, {"timeout": 0}, {"message_chars": 1000}])
def test_bad_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(SettingsError):
        SlackWebhookNotifier(URL, **options)


def test_redacting_logger_rewrites_messages_and_args(caplog: pytest.LogCaptureFixture) -> None:
    logger = Redactor(URL).logger("leftovers.adapters.notifiers.slack.sdk")
    # On the logger itself: Powertools (imported by the handler tests in the same process) sets "leftovers" to INFO.
    logger.setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    logger.debug("Sending a request - url: %s, body: {}", URL)
    logger.info(f"Going to retry the same request: POST {URL}")
    assert [r.getMessage() for r in caplog.records] == [
        "Sending a request - url: [webhook URL], body: {}",
        "Going to retry the same request: POST [webhook URL]",
    ]
    # The filter lives on a private logger, not on the shared one it propagates to.
    assert logging.getLogger("leftovers.adapters.notifiers.slack.sdk").filters == []


def test_the_redactor_knows_the_escaped_forms_of_the_secret() -> None:
    url = "https://hooks.slack.com/services/T0/B0/SEC\x01RET"
    redact = Redactor(url)
    for shown in (repr(url), json.dumps(url), repr(url.split(".com")[1]), json.dumps({"url": url})):
        assert "SEC" not in redact(shown), shown


def test_sdk_errors_per_attempt_are_demoted_to_debug(caplog: pytest.LogCaptureFixture) -> None:
    logger = Redactor(URL).logger("leftovers.adapters.notifiers.slack.sdk")
    caplog.set_level(logging.DEBUG)
    logger.error("Failed to send a request to Slack API server: refused")
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]  # the notifier says the outcome in one line


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "30"}, 30),
        ({"retry-after": ["2"]}, 2),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, None),
        ({}, None),
    ],
)
def test_retry_after_reads_whole_seconds(headers: dict[str, Any], seconds: int | None) -> None:
    assert retry_after(headers) == seconds
