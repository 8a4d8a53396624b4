"""No log line and no step output of a whole run shows the Slack webhook URL, whatever the log level.

The functions run as on AWS: the URL is an SSM SecureString (on the moto server) named to them by the template's
variable, events come in through the ingest handler (a poison message included), and the daily run's notify and
mark steps post to a local Slack sink that first refuses, then accepts. Every log record of every logger at DEBUG
(caplog on the root logger) and Powertools' JSON lines on stdout (capsys) are searched for the URL and its path.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import boto3
import pytest

from leftovers.handlers import _wiring, ingest, mark, notify
from tests.support.moto_server import aws, lambda_env, moto_server, unique
from tests.support.slack_sink import SlackSink, slack_sink
from tests.support.synthetic import config_event

__all__ = ["aws", "lambda_env", "moto_server", "slack_sink"]  # fixtures used by this module

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)


@pytest.fixture
def webhook(lambda_env: str, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch) -> SlackSink:
    """The sink's URL stored as an SSM SecureString, named to the functions as the template does."""
    name = f"/leftovers/{unique('webhook')}"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=slack_sink.url)
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_PARAMETER", name)
    return slack_sink


class CurrentStdout:
    """Writes to whatever ``sys.stdout`` is when a line is logged (capsys swaps it between test phases)."""

    def write(self, text: str) -> int:
        """Write to the current stdout."""
        return sys.stdout.write(text)

    def flush(self) -> None:
        """Flush the current stdout."""
        sys.stdout.flush()


@pytest.fixture(
    params=[
        pytest.param(logging.INFO, id="botocore-at-INFO"),
        # botocore logs every response body at DEBUG, GetParameter's decrypted value included: the adapter mutes it.
        pytest.param(logging.DEBUG, id="botocore-at-DEBUG"),
    ]
)
def everything_logged(
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[int]:
    """Every logger at DEBUG into caplog (botocore at the level given); Powertools' JSON lines into capsys."""
    caplog.set_level(logging.DEBUG)  # the root logger and caplog's handler
    levels = {"leftovers": logging.DEBUG, "slack_sdk": logging.DEBUG, "urllib3": logging.DEBUG,
              "werkzeug": logging.DEBUG, "boto3": request.param, "botocore": request.param}  # fmt: skip
    before = {name: logging.getLogger(name).level for name in levels}
    for name, level in levels.items():  # also the loggers that set their own level (Powertools, the moto server)
        logging.getLogger(name).setLevel(level)
    # The JSON handler writes to the stdout of the moment it was built: point it at capsys.
    monkeypatch.setattr(_wiring.log_handler, "stream", CurrentStdout())
    yield request.param
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


def sqs_batch(bodies: list[str]) -> dict[str, object]:
    """Lambda's SQS event for these bodies."""
    return {"Records": [{"messageId": f"m-{n}", "body": b, "eventSource": "aws:sqs"} for n, b in enumerate(bodies)]}


def test_a_whole_run_with_a_refused_message_never_shows_the_webhook_url(
    webhook: SlackSink, everything_logged: int, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [json.dumps(config_event(n)) for n in range(12)]
    assert ingest.handler(sqs_batch(["{poison", *events]), None) == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}
    webhook.script(429, headers={"Retry-After": "0"})  # retried
    webhook.script(403)  # refused: the run fails, nothing is marked
    refused = notify.handler({"at": AT.isoformat()}, None)
    unmarked = mark.handler({"at": refused["at"], "sent": refused["sent"]}, None)
    accepted = notify.handler({"at": AT.isoformat()}, None)  # the next run: Slack accepts
    marked = mark.handler({"at": accepted["at"], "sent": accepted["sent"]}, None)

    assert (refused["error"] is not None, refused["sent"], unmarked) == (True, [], 0)
    assert (accepted["error"], len(accepted["sent"]), marked) == (None, 12, 12)
    assert [r.status for r in webhook.requests] == [429, 403, 200]
    captured = capsys.readouterr()
    logged = [caplog.text, captured.out, captured.err]
    logged += [f"{r.getMessage()} {r.exc_text or ''} {r.__dict__}" for r in caplog.records]
    outputs = json.dumps([refused, unmarked, accepted, marked])  # what the state machine's history keeps
    secrets = (webhook.url, webhook.path, webhook.path.rsplit("/", 1)[1])
    leaks = [s for s in secrets for text in [*logged, outputs] if s in text]
    assert leaks == []
    # Not vacuous: the run's own JSON lines, slack_sdk's rewritten request lines and botocore's lines are there.
    assert all(f'"message":"{m}"' in captured.out for m in ("rejected event", "notified", "marked"))
    assert "url: [webhook URL]" in caplog.text + captured.out
    assert any(r.name.startswith("botocore") and r.levelno == everything_logged for r in caplog.records)
