"""Issue 15's whole loop through the deployed path on moto: the notify function DMs the owner in app mode (bot token
in SSM, the local Slack Web API fake), the owner clicks *Keep 7 days* on the very message the fake received, the
actions function (function URL event, signing secret in SSM) records it in DynamoDB and updates the message, the
digest leaves the resource out while kept and names it again from the day the keep ends."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import boto3
import pytest

from leftovers.adapters.notifiers.slack import actions as ids
from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.handlers import actions, ingest, mark, notify
from tests.support.moto_server import aws, lambda_env, moto_server, unique
from tests.support.slack_api import TOKEN, SlackApi
from tests.support.slack_interactions import SECRET, click, function_url_event, signed
from tests.support.slack_sink import SlackSink, slack_sink
from tests.support.synthetic import config_event

__all__ = ["aws", "lambda_env", "moto_server", "slack_sink"]
OWNER, USER = "hanako@example.com", "U0HANAKO"


@pytest.fixture
def deployed(
    lambda_env: str, slack_api: SlackApi, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The functions' variables as the template sets them in app mode, the secrets in SSM."""
    ssm = boto3.client("ssm")
    token, secret = f"/leftovers/{unique('bot-token')}", f"/leftovers/{unique('signing')}"
    ssm.put_parameter(Name=token, Type="SecureString", Value=TOKEN)
    ssm.put_parameter(Name=secret, Type="SecureString", Value=SECRET)
    for name, value in {
        "LEFTOVERS_SLACK_BOT_TOKEN_PARAMETER": token, "LEFTOVERS_SLACK_CHANNEL": "C0LEFTOVERS",
        "LEFTOVERS_SLACK_API_URL": slack_api.url, "LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER": secret,
        "LEFTOVERS_SLACK_RESPONSE_URLS": "http://127.0.0.1:",  # the sink stands in for Slack's response_url
        "LEFTOVERS_REMINDER": "1d",  # daily reminders: only the keep can hold the resource back for a week
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    slack_api.add_user(OWNER, USER)
    actions.endpoint.cache_clear()
    yield lambda_env
    actions.endpoint.cache_clear()


def run_digest(slack_api: SlackApi, at: datetime) -> list[dict[str, Any]]:
    """The notify and mark steps at ``at``; the messages posted to the owner's DM."""
    before = len(slack_api.posts())
    out = notify.handler({"at": at.isoformat()}, None)
    assert out["error"] is None
    if out["sent"]:
        mark.handler({"at": out["at"], "sent": out["sent"]}, None)
    return [p for p in slack_api.posts()[before:] if p["channel"] == USER]


def keep_button(message: dict[str, Any]) -> dict[str, Any]:
    """The *Keep 7 days* button of the message's one resource line, as posted."""
    elements = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    [button] = [e for e in elements if e.get("action_id") == ids.KEEP_7_DAYS]
    return button


def test_the_owner_keeps_a_leftover_for_7_days_from_the_dm_and_it_returns_afterwards(
    deployed: str, slack_api: SlackApi, slack_sink: SlackSink
) -> None:
    body = json.dumps(config_event(1, Owner=OWNER))
    assert ingest.handler({"Records": [{"messageId": "m", "body": body, "eventSource": "aws:sqs"}]}, None)
    now = datetime.now(UTC)
    [dm] = run_digest(slack_api, now)
    assert "synthetic-1" in json.dumps(dm)

    button = keep_button(dm)
    message = {"type": "message", "text": dm["text"], "ts": "1796014000.000100", "blocks": dm["blocks"]}
    payload = click(button["value"], user=USER, channel="D0HANAKO", response_url=slack_sink.url,
                    action_ts=f"{time.time()}", message=message)  # fmt: skip
    answer = actions.handler(function_url_event(*signed(payload, at=int(time.time()))), None)
    assert answer["statusCode"] == 200

    until = datetime.now(ZoneInfo("Asia/Tokyo")).date() + timedelta(days=7)
    [record] = DynamoDBStore(deployed).scan()
    assert [(a.by, a.kind, a.until) for a in record.actions] == [(USER, "keep", until)]
    update = slack_sink.requests[-1].json
    assert update["replace_original"] is True
    assert f"kept until {until.isoformat()} by <@{USER}>" in json.dumps(update["blocks"])

    kept_from = datetime.combine(until, datetime.min.time(), ZoneInfo("Asia/Tokyo")).astimezone(UTC)
    assert run_digest(slack_api, now + timedelta(days=1, minutes=1)) == []  # the daily reminder, held back
    assert run_digest(slack_api, kept_from - timedelta(minutes=1)) == []
    [again] = run_digest(slack_api, kept_from + timedelta(minutes=1))
    assert "synthetic-1" in json.dumps(again)
    assert keep_button(again)["value"] == button["value"]  # answerable again
