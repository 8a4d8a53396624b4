"""End to end on the moto server: a click on *Keep 7 days* in the owner's DM reaches the actions function as a
function URL event, is recorded in DynamoDB, updates the message; the daily digest then leaves the resource out until
the day kept, and names it again from that day on. The signing secret is an SSM SecureString, as deployed."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import boto3
import pytest

from leftovers.adapters.stores.dynamodb import DynamoDBStore
from leftovers.core.deadlines import with_deadline
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.handlers import actions, notify
from tests.support.moto_server import REGION, unique
from tests.support.slack_interactions import SECRET, click, function_url_event, signed
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["slack_sink"]
KEY = ResourceKey("123456789012", REGION, "AWS::EC2::Volume", "vol-0forgotten")


@pytest.fixture
def deployed(lambda_env: str, slack_sink: SlackSink, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The functions' environment as the template sets it: the signing secret and webhook in SSM."""
    ssm = boto3.client("ssm")
    secret, webhook = f"/leftovers/{unique('signing')}", f"/leftovers/{unique('webhook')}"
    ssm.put_parameter(Name=secret, Type="SecureString", Value=SECRET)
    ssm.put_parameter(Name=webhook, Type="SecureString", Value=slack_sink.url)
    monkeypatch.setenv("LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER", secret)
    monkeypatch.setenv("LEFTOVERS_SLACK_WEBHOOK_PARAMETER", webhook)
    monkeypatch.setenv("LEFTOVERS_SLACK_RESPONSE_URLS", "http://127.0.0.1:")  # the sink stands in for Slack
    actions.endpoint.cache_clear()
    yield lambda_env
    actions.endpoint.cache_clear()


def digest_names(sink: SlackSink, at: datetime) -> str:
    """Run the notify step at ``at`` and return what it posted (empty when nothing was due)."""
    before = len(sink.requests)
    notify.handler({"at": at.isoformat()}, None)
    return " ".join(r.body.decode() for r in sink.requests[before:])


def test_keep_7_days_from_the_owners_dm_holds_the_resource_back_until_then(
    deployed: str, slack_sink: SlackSink
) -> None:
    now = datetime.now(UTC)
    store = DynamoDBStore(deployed)
    store.save([with_deadline(Resource(KEY, name="vol-0forgotten", created_at=now - timedelta(days=10)), Policy())])
    assert "vol-0forgotten" in digest_names(slack_sink, now)

    payload = click(str(KEY), user="U0TARO", channel="D0TARO", response_url=slack_sink.url, action_ts=f"{time.time()}")
    event = function_url_event(*signed(payload, at=int(time.time())))
    assert base64.b64decode(event["body"]).startswith(b"payload=")
    answer = actions.handler(event, None)
    assert answer["statusCode"] == 200

    until = datetime.now(ZoneInfo("Asia/Tokyo")).date() + timedelta(days=7)
    record = store.load([KEY])[KEY]
    assert [(a.by, a.kind, a.until) for a in record.actions] == [("U0TARO", "keep", until)]
    update = slack_sink.requests[-1].json
    assert update["replace_original"] is True
    assert f"*vol-0forgotten* kept until {until.isoformat()} by <@U0TARO>" in str(update["blocks"])

    kept_from = datetime.combine(until, datetime.min.time(), ZoneInfo("Asia/Tokyo")).astimezone(UTC)
    assert "vol-0forgotten" not in digest_names(slack_sink, now + timedelta(days=1))
    assert "vol-0forgotten" not in digest_names(slack_sink, kept_from - timedelta(minutes=1))
    assert "vol-0forgotten" in digest_names(slack_sink, kept_from + timedelta(minutes=1))


def test_the_same_click_twice_through_the_function_is_recorded_once(deployed: str, slack_sink: SlackSink) -> None:
    store = DynamoDBStore(deployed)
    store.save([Resource(KEY, name="vol-0forgotten", created_at=datetime.now(UTC) - timedelta(days=1))])
    event = function_url_event(*signed(click(str(KEY), channel="D0TARO", user="U0TARO"), at=int(time.time())))
    assert actions.handler(event, None)["statusCode"] == 200
    version = store.load([KEY])[KEY].version
    assert actions.handler(event, None)["statusCode"] == 200
    assert store.load([KEY])[KEY].version == version


def test_a_forged_request_through_the_function_is_a_401_and_changes_nothing(deployed: str) -> None:
    store = DynamoDBStore(deployed)
    store.save([Resource(KEY, created_at=datetime.now(UTC))])
    event = function_url_event(*signed(click(str(KEY), channel="D0TARO"), secret="forged", at=int(time.time())))
    answer = actions.handler(event, None)
    assert answer["statusCode"] == 401
    assert SECRET not in str(answer)
    assert store.load([KEY])[KEY].actions == ()
    get = {**event, "requestContext": {"http": {"method": "GET"}}}
    assert actions.handler(get, None)["statusCode"] == 405


def test_a_function_without_its_signing_secret_parameter_fails_its_cold_start_loudly(
    deployed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leftovers.core.errors import SettingsError

    monkeypatch.delenv("LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER")
    actions.endpoint.cache_clear()
    with pytest.raises(SettingsError, match=r"^LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER: not set"):
        actions.handler(function_url_event(*signed(click(str(KEY)))), None)


def test_a_signing_secret_pasted_with_a_newline_is_refused_naming_the_parameter_not_the_value(
    deployed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leftovers.core.errors import SettingsError

    name = f"/leftovers/{unique('signing')}"
    boto3.client("ssm").put_parameter(Name=name, Type="SecureString", Value=SECRET + "\n")
    monkeypatch.setenv("LEFTOVERS_SLACK_SIGNING_SECRET_PARAMETER", name)
    actions.endpoint.cache_clear()
    with pytest.raises(SettingsError, match=f"^SSM parameter {name}: contains spaces") as error:
        actions.handler(function_url_event(*signed(click(str(KEY)), at=int(time.time()))), None)
    assert SECRET not in str(error.value)
