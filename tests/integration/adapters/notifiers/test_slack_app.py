"""The Slack app notifier against a local Slack Web API fake: real slack_sdk WebClient, real HTTP."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta

import pytest

from leftovers.adapters.notifiers.slack import actions
from leftovers.adapters.notifiers.slack.app import SlackAppNotifier
from leftovers.adapters.notifiers.slack.app_render import Layout
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.model import Resource, ResourceKey
from leftovers.core.rich_text import Owner
from leftovers.service.notify import send
from tests.support.slack_api import TOKEN, SlackApi

AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
CHANNEL = "C0LEFTOVERS"
FAST = {"max_retries": 2, "backoff_factor": 0.01}


def entry(rid: str, owner: Owner | None = None, created_by: str | None = None) -> DigestEntry:
    key = ResourceKey("123456789012", "ap-northeast-1", "AWS::EC2::Volume", rid)
    return DigestEntry(Resource(key=key, created_at=AT - timedelta(days=3), created_by=created_by), owner)


def digest(*entries: DigestEntry) -> Digest:
    return Digest(at=AT, timezone="UTC", entries=entries)


def notifier(api: SlackApi, **layout: object) -> SlackAppNotifier:
    return SlackAppNotifier(TOKEN, Layout(CHANNEL, **layout), api_url=api.url, **FAST)  # type: ignore[arg-type]


def keys_in(post: dict[str, object]) -> list[str]:
    return [e["value"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]  # type: ignore[index,union-attr]
            if e["action_id"] == actions.KEEP_7_DAYS]  # fmt: skip


def test_owner_gets_a_dm_with_buttons_and_the_unresolved_go_to_the_channel(slack_api: SlackApi) -> None:
    slack_api.add_user("hanako@example.com", "U0HANAKO")
    slack_api.add_user("taro@example.com", "U0TARO")
    mapped = entry("vol-mapped", Owner("taro", (("slack", "U0TARO"),)))
    by_tag = entry("vol-tagged", Owner("hanako@example.com"))
    by_session = entry("vol-sso", Owner("someone-else"),
                       "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Dev_1/hanako@example.com")  # fmt: skip
    stranger = entry("vol-stranger", Owner("nobody@example.com"))
    orphan = entry("vol-orphan")
    n = notifier(slack_api)
    result = send(n, digest(mapped, by_tag, by_session, stranger, orphan))
    assert result.error is None
    assert len(result.sent) == 5
    posts = {p["channel"]: p for p in slack_api.posts()}
    assert keys_in(posts["U0TARO"]) == [str(mapped.resource.key)]
    assert sorted(keys_in(posts["U0HANAKO"])) == sorted([str(by_tag.resource.key), str(by_session.resource.key)])
    channel = [p for p in slack_api.posts() if p["channel"] == CHANNEL]
    assert sorted(k for p in channel for k in keys_in(p)) == sorted(
        [str(stranger.resource.key), str(orphan.resource.key)]
    )
    assert "<@U0HANAKO> (2)" in channel[-1]["blocks"][0]["elements"][0]["text"]
    # One lookup per address, however many resources carry it.
    assert [c.args["email"] for c in slack_api.calls("users.lookupByEmail")] == [
        "hanako@example.com",
        "nobody@example.com",
    ]  # someone-else is no address; the session name was already asked for
    buttons = next(b for b in posts["U0TARO"]["blocks"] if b["type"] == "actions")
    assert [e["action_id"] for e in buttons["elements"]] == list(actions.ACTION_IDS)
    assert buttons["block_id"] == str(mapped.resource.key)
    assert all(c.headers["Authorization"] == f"Bearer {TOKEN}" for c in slack_api.calls())


def test_keep_forever_can_be_left_out(slack_api: SlackApi) -> None:
    n = notifier(slack_api, keep_forever=False)
    send(n, digest(entry("vol-1")))
    [post] = slack_api.posts()
    ids = [e["action_id"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ids == [actions.KEEP_7_DAYS, actions.KEEP_UNTIL, actions.NOT_MINE]


def test_a_refused_channel_post_leaves_its_rows_due(slack_api: SlackApi) -> None:
    slack_api.add_user("hanako@example.com", "U0HANAKO")
    slack_api.channels.clear()  # the bot was never invited: channel_not_found
    mine, orphan = entry("vol-mine", Owner("hanako@example.com")), entry("vol-orphan")
    result = send(notifier(slack_api), digest(mine, orphan))
    assert result.sent == ()
    assert set(result.unsent) == {mine.resource.key, orphan.resource.key}
    assert result.error == (
        f"Slack refused chat.postMessage to {CHANNEL}: channel_not_found"
        " (give the channel's id, and invite the app to it: /invite @Leftovers)"
    )


def test_a_dm_slack_refuses_goes_to_the_channel_instead(slack_api: SlackApi) -> None:
    mine = entry("vol-mine", Owner("taro", (("slack", "U0GONE"),)))  # mapped, but no longer in the workspace
    result = send(notifier(slack_api), digest(mine))
    assert result.sent == (mine.resource.key,)
    [post] = slack_api.posts()  # and no "sent by direct message" line about a DM that never arrived
    assert post["channel"] == CHANNEL
    assert keys_in(post) == [str(mine.resource.key)]
    assert post["blocks"][0]["elements"][0]["text"] == "<@U0GONE>: channel_not_found"


def test_rate_limit_waits_for_retry_after(slack_api: SlackApi) -> None:
    slack_api.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, headers={"Retry-After": "1"})
    started = time.monotonic()
    result = send(notifier(slack_api), digest(entry("vol-1")))
    assert result.error is None
    assert time.monotonic() - started >= 1.0
    assert [c.status for c in slack_api.calls("chat.postMessage")] == [429, 200]


def test_rate_limit_past_the_bound_fails_in_one_line_without_the_token(
    slack_api: SlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="leftovers")  # Powertools may have set the package's logger to INFO
    slack_api.script("chat.postMessage", 429, {"ok": False, "error": "ratelimited"},
                     headers={"Retry-After": "0"}, times=5)  # fmt: skip
    n = notifier(slack_api)
    [message, *_] = n.render(digest(entry("vol-1")))
    with pytest.raises(NotifyError) as info:
        n.deliver(message)
    assert str(info.value) == f"Slack refused chat.postMessage to {CHANNEL}: ratelimited after 2 retries"
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(n)
    assert "Sending a request" in caplog.text  # slack_sdk's debug lines went through the redacting logger


def test_a_redirect_is_not_followed(slack_api: SlackApi) -> None:
    slack_api.script("chat.postMessage", 302, {"ok": True}, headers={"Location": slack_api.url + "chat.postMessage"})
    n = notifier(slack_api)
    with pytest.raises(NotifyError, match=r"\(HTTP 302\)"):
        n.deliver(n.render(digest(entry("vol-1")))[0])
    assert len(slack_api.calls("chat.postMessage")) == 1


def test_a_long_channel_digest_gets_a_thread_per_owner(slack_api: SlackApi) -> None:
    entries = [entry(f"vol-a{i}", Owner("alice")) for i in range(4)] + [entry(f"vol-b{i}") for i in range(3)]
    result = send(notifier(slack_api, thread_after=5), digest(*entries))
    assert len(result.sent) == 7
    posts = slack_api.posts()
    parents = [p for p in posts if "thread_ts" not in p]
    replies = [p for p in posts if "thread_ts" in p]
    assert len(parents) == 2
    assert keys_in(parents[0]) == []
    assert keys_in(parents[1]) == []
    calls = slack_api.calls("chat.postMessage")
    parent_ts = {c.args["thread_ts"] for c in calls if "thread_ts" in c.args}
    assert len(parent_ts) == 2
    assert sorted(k for p in replies for k in keys_in(p)) == sorted(str(e.resource.key) for e in entries)


def test_many_resources_split_within_block_kit_limits(slack_api: SlackApi) -> None:
    slack_api.add_user("taro@example.com", "U0TARO")
    entries = [entry(f"vol-{i:03d}", Owner("taro", (("slack", "U0TARO"),))) for i in range(60)]
    messages = notifier(slack_api).render(digest(*entries))
    dms = [m for m in messages if m.payload["channel"] == "U0TARO"]
    assert len(dms) == 3
    assert all(len(m.payload["blocks"]) <= 50 for m in messages)
    assert sorted(k for m in dms for k in m.keys) == sorted(e.resource.key for e in entries)
    for m in dms:
        assert keys_in(dict(m.payload)) == [str(k) for k in m.keys]


@pytest.mark.parametrize("token", ["xoxb-12 34", "https://hooks.slack.com/x", "xoxb-\u00e9"])
def test_a_bad_token_is_refused_without_quoting_it(token: str) -> None:
    with pytest.raises(SettingsError) as info:
        SlackAppNotifier(token, Layout(CHANNEL))
    assert token not in str(info.value)


def test_a_deactivated_or_bot_user_is_not_sent_a_dm(slack_api: SlackApi) -> None:
    slack_api.add_user("gone@example.com", "U0GONE", deleted=True)
    slack_api.add_user("bot@example.com", "U0BOT", is_bot=True)
    entries = (entry("vol-gone", Owner("gone@example.com")), entry("vol-bot", Owner("bot@example.com")))
    send(notifier(slack_api), digest(*entries))
    assert {p["channel"] for p in slack_api.posts()} == {CHANNEL}


def test_a_failing_lookup_sends_the_lines_to_the_channel(slack_api: SlackApi) -> None:
    slack_api.add_user("hanako@example.com", "U0HANAKO")
    slack_api.script("users.lookupByEmail", 500, {"ok": False, "error": "fatal_error"}, times=10)
    result = send(notifier(slack_api), digest(entry("vol-1", Owner("hanako@example.com"))))
    assert result.error is None
    [post] = slack_api.posts()
    assert post["channel"] == CHANNEL
    assert keys_in(post) == [str(entry("vol-1").resource.key)]


def test_the_closing_line_stays_within_slack_limits_with_many_owners(slack_api: SlackApi) -> None:
    entries = [entry(f"vol-{i}", Owner(f"o{i}", (("slack", f"U0{i:08d}XYZABCDEFGH"),))) for i in range(300)]
    messages = notifier(slack_api).render(digest(*entries))
    closing = messages[-1].payload["blocks"][0]["elements"][0]["text"]
    assert messages[-1].keys == ()
    assert len(closing) <= 3000
    listed = closing.count("<@")
    assert closing.endswith(f", and {300 - listed} more")
    assert 0 < listed < 300


@pytest.mark.parametrize("url", ["http://slack.example.com/api/", "ftp://127.0.0.1/api/", "https:///api/"])
def test_the_token_goes_only_to_https_or_this_machine(url: str) -> None:
    with pytest.raises(SettingsError, match="slack API URL: must be an https:// URL with a host"):
        SlackAppNotifier(TOKEN, Layout(CHANNEL), api_url=url)


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        ("not_in_channel", "invite the app to the channel: /invite @Leftovers"),
        ("invalid_auth", "the bot token was not accepted: copy it again from the app's OAuth page"),
        ("missing_scope", "the app lacks a scope: update it from slack-app-manifest.yaml and reinstall it"),
    ],
)
def test_a_refusal_says_what_to_do(slack_api: SlackApi, error: str, hint: str) -> None:
    slack_api.script("chat.postMessage", 200, {"ok": False, "error": error})
    result = send(notifier(slack_api), digest(entry("vol-1")))
    assert result.error == f"Slack refused chat.postMessage to {CHANNEL}: {error} ({hint})"


def test_the_fake_answers_the_calls_the_actions_endpoint_makes(slack_api: SlackApi) -> None:
    from slack_sdk import WebClient

    client = WebClient(token=TOKEN, base_url=slack_api.url)
    posted = client.chat_postMessage(channel=CHANNEL, text="x")
    updated = client.chat_update(channel=CHANNEL, ts=posted["ts"], text="kept until 2026-12-07 by <@U0TARO>")
    opened = client.conversations_open(users="U0TARO")
    assert updated["ts"] == posted["ts"]
    assert opened["channel"]["id"] == "D0TARO"
    assert [c.method for c in slack_api.calls()] == ["chat.postMessage", "chat.update", "conversations.open"]
    assert slack_api.calls("chat.update")[0].args["text"] == "kept until 2026-12-07 by <@U0TARO>"


def test_the_closing_line_speaks_the_digests_language(slack_api: SlackApi) -> None:
    mapped = entry("vol-1", Owner("taro", (("slack", "U0TARO"),)))
    ja = Digest(at=AT, timezone="Asia/Tokyo", entries=(mapped,), language="ja")
    closing = notifier(slack_api).render(ja)[-1]
    assert closing.text == "DMで送った相手: <@U0TARO> (1)"


def test_every_block_passes_slack_sdks_block_kit_validation(slack_api: SlackApi) -> None:
    from slack_sdk.models.blocks import Block

    slack_api.add_user("taro@example.com", "U0TARO")
    entries = [entry(f"vol-{i}", Owner("taro", (("slack", "U0TARO"),)) if i % 2 else None) for i in range(30)]
    messages = notifier(slack_api, thread_after=5).render(digest(*entries))
    blocks = [b for m in messages for b in m.payload["blocks"]]
    assert {b["type"] for b in blocks} >= {"header", "section", "actions", "context"}
    for raw in blocks:
        parsed = Block.parse(raw)
        assert parsed is not None
        assert parsed.to_dict() == raw  # to_dict() runs slack_sdk's length and count validators
