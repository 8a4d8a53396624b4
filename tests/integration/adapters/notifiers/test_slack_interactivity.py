"""The interactivity endpoint on signed requests built as Slack builds them; the message update goes over real HTTP
to the local sink standing in for the click's response_url."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

import pytest

from leftovers.adapters.notifiers.slack import actions
from leftovers.adapters.notifiers.slack.endpoint import Endpoint
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.answers import Rules
from leftovers.core.deadlines import with_deadline
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.policy import Policy
from leftovers.core.report import report_row
from tests.support.slack_interactions import NOW, SECRET, app_message, click, signed
from tests.support.slack_sink import SlackSink, slack_sink

__all__ = ["slack_sink"]
POLICY = Policy(timezone="Asia/Tokyo", slack_users={"alice": "U0ALICE"})
KEY = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Instance", "i-0alice")
OTHER = KEY._replace(resource_id="i-0other")
CREATED = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


@pytest.fixture
def store() -> MemoryStore:
    store = MemoryStore()
    records = [Resource(k, name=k.resource_id, tags={"Owner": "alice"}, created_at=CREATED) for k in (KEY, OTHER)]
    store.save([with_deadline(r, POLICY) for r in records])
    return store


def endpoint(store: MemoryStore, rules: Rules | None = None, clock: float = NOW) -> Endpoint:
    return Endpoint(
        lambda: SECRET, store, POLICY, rules or Rules(), clock=lambda: clock, response_urls="http://127.0.0.1:"
    )


def post(ep: Endpoint, payload: dict[str, Any], **signing: Any) -> int:
    headers, body = signed(payload, **signing)
    return ep.handle(headers, body).status


def test_a_click_on_keep_7_days_keeps_it_and_replaces_its_line_in_the_message(
    store: MemoryStore, slack_sink: SlackSink
) -> None:
    message = app_message(str(KEY), str(OTHER))
    assert post(endpoint(store), click(str(KEY), response_url=slack_sink.url, message=message)) == 200
    record = store.load([KEY])[KEY]
    assert POLICY.kept_until(record) == date(2026, 12, 7)  # 14:00 on 2026-11-30 in Tokyo, plus 7 days
    assert record.next_due_at == datetime(2026, 12, 6, 15, 0, tzinfo=UTC)
    assert report_row(record)["actions"] == [
        {"by": "U0ALICE", "action": "keep", "at": "2026-11-30T05:00:00Z", "until": "2026-12-07"}
    ]
    (sent,) = slack_sink.requests
    assert sent.json["replace_original"] is True
    blocks = sent.json["blocks"]
    assert blocks[0] == message["blocks"][0]
    assert blocks[1] == {
        "type": "section",
        "text": {"type": "mrkdwn", "text": "*i-0alice* kept until 2026-12-07 by <@U0ALICE>"},
    }
    assert blocks[2:] == message["blocks"][3:]  # the other resource's line and buttons, untouched
    assert store.load([OTHER])[OTHER].actions == ()


def test_a_day_from_the_date_picker_in_the_owners_direct_message(store: MemoryStore, slack_sink: SlackSink) -> None:
    """The key rides in the picker's block_id; a DM went only to its addressee, so no [slack_users] entry is needed."""
    payload = click(
        str(KEY),
        actions.KEEP_UNTIL,
        user="U0NOTMAPPED",
        channel="D0DM",
        selected_date="2026-12-24",
        response_url=slack_sink.url,
    )
    assert post(endpoint(store), payload) == 200
    assert POLICY.kept_until(store.load([KEY])[KEY]) == date(2026, 12, 24)
    assert "kept until 2026-12-24 by <@U0NOTMAPPED>" in slack_sink.requests[0].json["blocks"][1]["text"]["text"]


def test_keep_forever_and_not_mine(store: MemoryStore, slack_sink: SlackSink) -> None:
    ep = endpoint(store)
    assert post(ep, click(str(KEY), actions.KEEP_FOREVER, response_url=slack_sink.url)) == 200
    assert POLICY.kept_until(store.load([KEY])[KEY]) == "forever"
    assert post(ep, click(str(OTHER), actions.NOT_MINE, response_url=slack_sink.url)) == 200
    moved = store.load([OTHER])[OTHER]
    assert POLICY.owner(moved) is None  # to the channel
    assert "goes to the channel" in slack_sink.requests[1].json["blocks"][1]["text"]["text"]


def unchanged(store: MemoryStore, before: dict[ResourceKey, Resource]) -> bool:
    after = store.load([KEY, OTHER])
    return after == before and all(after[k].version == before[k].version for k in before)


@pytest.mark.parametrize(
    ("signing", "why"),
    [
        ({"secret": "not-the-signing-secret-at-all00"}, "does not match"),
        ({"at": NOW - 301}, "more than 5 minutes"),
        ({"at": NOW + 301}, "more than 5 minutes"),
    ],
    ids=["forged", "stale", "future"],
)
def test_a_forged_or_stale_request_is_refused_and_changes_nothing(
    store: MemoryStore, slack_sink: SlackSink, signing: dict[str, Any], why: str
) -> None:
    before = store.load([KEY, OTHER])
    headers, body = signed(click(str(KEY), response_url=slack_sink.url), **signing)
    answer = endpoint(store).handle(headers, body)
    assert answer.status == 401
    assert why in answer.body
    assert unchanged(store, before)
    assert slack_sink.requests == []


def test_a_tampered_body_or_missing_headers_are_refused(store: MemoryStore, slack_sink: SlackSink) -> None:
    before = store.load([KEY, OTHER])
    headers, body = signed(click(str(KEY), response_url=slack_sink.url))
    assert endpoint(store).handle(headers, body.replace(b"keep_7d", b"keep_forever")).status == 401
    assert endpoint(store).handle({}, body).status == 401
    assert endpoint(store).handle({**headers, "X-Slack-Request-Timestamp": "soon"}, body).status == 401
    assert unchanged(store, before)
    assert slack_sink.requests == []


def test_a_replayed_or_double_clicked_request_applies_once(store: MemoryStore, slack_sink: SlackSink) -> None:
    ep = endpoint(store)
    payload = click(str(KEY), response_url=slack_sink.url)
    assert post(ep, payload) == 200
    after_first = store.load([KEY, OTHER])
    assert post(ep, payload) == 200  # the same click again, still within the 5 minutes
    assert post(ep, payload, at=NOW + 2) == 200  # re-signed later: Slack's own retry carries the same action_ts
    assert unchanged(store, after_first)
    assert len(store.load([KEY])[KEY].actions) == 1
    assert len(slack_sink.requests) == 1


def test_an_unknown_action_id_is_refused_and_changes_nothing(store: MemoryStore, slack_sink: SlackSink) -> None:
    before = store.load([KEY, OTHER])
    answer = endpoint(store).handle(*signed(click(str(KEY), "leftovers.delete_it", response_url=slack_sink.url)))
    assert (answer.status, answer.body) == (400, "unknown action id 'leftovers.delete_it'")
    assert unchanged(store, before)
    assert slack_sink.requests == []


def test_a_user_who_is_not_the_owner_is_told_so_and_nothing_changes(store: MemoryStore, slack_sink: SlackSink) -> None:
    before = store.load([KEY, OTHER])
    assert post(endpoint(store), click(str(KEY), user="U0MALLORY", response_url=slack_sink.url)) == 200
    assert unchanged(store, before)
    (sent,) = slack_sink.requests
    assert sent.json == {
        "response_type": "ephemeral",
        "replace_original": False,
        "text": "Only the resource's owner or an admin can answer for it",
    }


def test_an_admin_may_answer_for_anyone(store: MemoryStore, slack_sink: SlackSink) -> None:
    rules = Rules(admins=frozenset({"U0ADMIN"}))
    assert post(endpoint(store, rules), click(str(KEY), user="U0ADMIN", response_url=slack_sink.url)) == 200
    assert store.load([KEY])[KEY].actions[0].by == "U0ADMIN"


def test_keep_forever_can_be_turned_off(store: MemoryStore, slack_sink: SlackSink) -> None:
    before = store.load([KEY, OTHER])
    rules = Rules(keep_forever=False)
    assert post(endpoint(store, rules), click(str(KEY), actions.KEEP_FOREVER, response_url=slack_sink.url)) == 200
    assert unchanged(store, before)
    assert "Keep forever is turned off" in slack_sink.requests[0].json["text"]


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"payload=not-json", "not a form with a JSON payload"),
        (b"other=1", "not a form with a JSON payload"),
        (b'payload={"type":"view_submission"}', "is not block_actions"),
    ],
)
def test_a_signed_body_that_is_not_a_click_is_a_400(store: MemoryStore, body: bytes, why: str) -> None:
    import hashlib
    import hmac

    signature = "v0=" + hmac.new(SECRET.encode(), b"v0:%d:" % NOW + body, hashlib.sha256).hexdigest()
    headers = {"X-Slack-Request-Timestamp": str(NOW), "X-Slack-Signature": signature}
    answer = endpoint(store).handle(headers, body)
    assert answer.status == 400
    assert why in answer.body


def test_a_response_url_that_is_not_slacks_is_not_posted_to(store: MemoryStore, slack_sink: SlackSink) -> None:
    ep = Endpoint(lambda: SECRET, store, POLICY, Rules(), clock=lambda: NOW)  # only https://hooks.slack.com/
    assert post(ep, click(str(KEY), response_url=slack_sink.url)) == 200
    assert POLICY.kept_until(store.load([KEY])[KEY]) == date(2026, 12, 7)  # the answer stands
    assert slack_sink.requests == []


def test_the_signing_secret_never_appears_in_logs_or_answers(
    store: MemoryStore, slack_sink: SlackSink, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ep = endpoint(store)
    bodies = [ep.handle(*signed(click(str(KEY), response_url=slack_sink.url), **s)).body for s in ({}, {"at": 1})]
    bodies.append(ep.handle(*signed(click(str(KEY), "x", response_url=slack_sink.url))).body)
    seen = " ".join([caplog.text, *bodies, *(r.body.decode() for r in slack_sink.requests)])
    assert SECRET not in seen
    assert slack_sink.path not in caplog.text  # nor the response URL, which answers as the app


def test_a_failed_message_update_leaves_the_answer_standing(store: MemoryStore, slack_sink: SlackSink) -> None:
    slack_sink.script(500)
    assert post(endpoint(store), click(str(KEY), response_url=slack_sink.url)) == 200
    assert POLICY.kept_until(store.load([KEY])[KEY]) == date(2026, 12, 7)
    assert len(slack_sink.requests) == 1  # one try: a retry could land after Slack's 3 seconds


class DownStore(MemoryStore):
    """A store whose writes fail (DynamoDB unreachable, a locked SQLite file)."""

    def save(self, records: Any) -> None:
        from leftovers.core.errors import StoreError

        raise StoreError("dynamodb://leftovers: could not connect")


def test_a_store_that_cannot_be_written_is_a_503_and_no_message_update(slack_sink: SlackSink) -> None:
    down = DownStore()
    MemoryStore.save(down, [Resource(KEY, tags={"Owner": "alice"}, created_at=CREATED)])
    answer = endpoint(down).handle(*signed(click(str(KEY), response_url=slack_sink.url)))
    assert (answer.status, answer.body) == (503, "the answer could not be recorded; try again")
    assert down.load([KEY])[KEY].actions == ()
    assert slack_sink.requests == []
