"""The deployed path in app mode: the bot token as an SSM SecureString (moto) named by the template's variable,
the notify handler DMs the owner through the local Slack Web API fake, the mark handler marks what was accepted."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime

import boto3
import pytest
from moto.ses.models import ses_backends

from leftovers.adapters.notifiers.slack import actions
from leftovers.core.errors import SettingsError
from leftovers.handlers import ingest, mark, notify
from leftovers.handlers._wiring import build
from tests.support.moto_server import aws, lambda_env, load_template, moto_server, unique
from tests.support.slack_api import TOKEN, SlackApi
from tests.support.synthetic import config_event

__all__ = ["aws", "lambda_env", "moto_server"]  # fixtures used by this module

AT = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
CHANNEL = "C0LEFTOVERS"


@pytest.fixture
def app_mode(lambda_env: str, slack_api: SlackApi, monkeypatch: pytest.MonkeyPatch) -> SlackApi:
    """The token in SSM and the variables the template sets when SlackBotTokenParameterName is given."""
    name = f"/leftovers/{unique('bot-token')}"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=TOKEN)
    variables = load_template()["Resources"]["NotifyFunction"]["Properties"]["Environment"]["Variables"]
    assert {"LEFTOVERS_SLACK_BOT_TOKEN_PARAMETER", "LEFTOVERS_SLACK_CHANNEL"} <= set(variables)
    monkeypatch.setenv("LEFTOVERS_SLACK_BOT_TOKEN_PARAMETER", name)
    monkeypatch.setenv("LEFTOVERS_SLACK_CHANNEL", CHANNEL)
    monkeypatch.setenv("LEFTOVERS_SLACK_API_URL", slack_api.url)
    slack_api.add_user("hanako@example.com", "U0HANAKO")
    return slack_api


def test_the_owner_gets_a_dm_and_exactly_the_accepted_rows_are_marked(
    app_mode: SlackApi, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    bodies = [json.dumps(config_event(1, Owner="hanako@example.com")), json.dumps(config_event(2))]
    records = [{"messageId": f"m-{n}", "body": b, "eventSource": "aws:sqs"} for n, b in enumerate(bodies)]
    assert ingest.handler({"Records": records}, None) == {"batchItemFailures": []}
    app_mode.script("chat.postMessage", 200, {"ok": False, "error": "fatal_error"}, after=1)  # hanako's DM fails
    refused = notify.handler({"at": AT.isoformat()}, None)
    assert mark.handler({"at": refused["at"], "sent": refused["sent"]}, None) == 1  # the channel's one
    accepted = notify.handler({"at": AT.isoformat()}, None)  # the next run: only hanako's is still due
    assert mark.handler({"at": accepted["at"], "sent": accepted["sent"]}, None) == 1
    assert refused["error"] == "Slack refused chat.postMessage to U0HANAKO: fatal_error"
    assert accepted["error"] is None
    dm = [p for p in app_mode.posts() if p["channel"] == "U0HANAKO"]
    assert len(dm) == 1
    assert "synthetic-1" in json.dumps(dm[0])
    assert actions.KEEP_7_DAYS in json.dumps(dm[0])
    assert [k.rsplit("|", 1)[-1] for k in refused["sent"] + accepted["sent"]] == [
        f"i-{2:017x}",  # the channel's, in the first run
        f"i-{1:017x}",  # hanako's, in the second
    ]
    logged = caplog.text + "".join(capsys.readouterr())
    assert TOKEN not in logged + json.dumps([refused, accepted])


def test_notify_via_email_sends_with_ses(lambda_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sender, owner = f"{unique('leftovers')}@example.com", f"{unique('hanako')}@example.com"
    boto3.client("ses").verify_email_identity(EmailAddress=sender)
    monkeypatch.setenv("LEFTOVERS_NOTIFY_TO", "email")
    monkeypatch.setenv("LEFTOVERS_EMAIL_SENDER", sender)
    body = json.dumps(config_event(1, Owner=owner))
    assert ingest.handler({"Records": [{"messageId": "m", "body": body, "eventSource": "aws:sqs"}]}, None)
    result = notify.handler({"at": AT.isoformat()}, None)
    assert result["error"] is None
    assert len(result["sent"]) == 1
    sent = [m for m in ses_backends["123456789012"]["ap-northeast-1"].sent_messages if m.source == sender]
    assert [m.destinations["ToAddresses"] for m in sent] == [[owner]]
    assert "synthetic-1" in sent[0].body


def test_an_unknown_channel_fails_the_cold_start(lambda_env: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEFTOVERS_NOTIFY_TO", "pigeon")
    with pytest.raises(SettingsError, match="LEFTOVERS_NOTIFY_TO: must be slack or email, not 'pigeon'"):
        build(dict(os.environ))
