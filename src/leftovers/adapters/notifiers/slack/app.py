"""Slack app mode: a bot token posts the digest with ``chat.postMessage``: DMs to owners, the rest to a channel."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.errors import SlackApiError, SlackClientError

from leftovers.adapters.notifiers.slack.app_client import NoRedirectWebClient
from leftovers.adapters.notifiers.slack.app_render import META, Layout, render_app, summary
from leftovers.adapters.notifiers.slack.owners import OwnerResolver
from leftovers.adapters.notifiers.slack.refusals import hint
from leftovers.adapters.notifiers.slack.retry import Redactor, RetryCount, retry_after, retry_handlers
from leftovers.adapters.notifiers.slack.token import token_problem
from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.ports import Message

DEFAULT_API_URL = "https://slack.com/api/"
TOKEN_LABEL = "[bot token]"
# chat.postMessage errors that mean "this person cannot get a DM from the app": their lines go to the channel.
DM_REFUSALS = frozenset(
    {"channel_not_found", "user_not_found", "user_disabled", "cannot_dm_bot", "messages_tab_disabled", "not_allowed"}
)
_TRANSPORT_ERRORS = (OSError, HTTPException, SlackClientError, ValueError)  # ValueError: a body that is not JSON
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
log = logging.getLogger(__name__)


class SlackAppNotifier:
    """Posts a digest as a Slack app; the token is a secret and never leaves this object."""

    def __init__(
        self,
        token: str,
        layout: Layout,
        *,
        api_url: str = DEFAULT_API_URL,
        addresses: Mapping[str, str] | None = None,
        client: Any = None,
        max_retries: int = 3,
        backoff_factor: float = 0.5,
        timeout: int = 10,
        max_retry_after: float = 60.0,
    ) -> None:
        problem = token_problem(token)
        if problem:
            raise SettingsError("slack bot token", problem)
        parts = urlsplit(api_url)
        if not parts.hostname or not (
            parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
        ):
            raise SettingsError("slack API URL", "must be an https:// URL with a host (the bot token is sent there)")
        if not layout.channel.strip():
            raise SettingsError("slack channel", "is empty: pass --slack-channel (a channel id such as C0123ABCD)")
        self._layout = layout
        self._addresses = dict(addresses or {})  # owner name -> e-mail, from [email_addresses]
        self._redact = Redactor(token, TOKEN_LABEL)
        self._retries = RetryCount()
        self._max_retry_after = max_retry_after
        self._refused: set[str] = set()  # users whose DM Slack refused (their lines went to the channel)
        self._threads: dict[str, str] = {}  # a thread's reference -> the ts of its parent message, once posted
        self._client = client or NoRedirectWebClient(
            token=token,
            base_url=api_url if api_url.endswith("/") else api_url + "/",
            timeout=timeout,
            logger=self._redact.logger(f"{__name__}.sdk"),
            retry_handlers=retry_handlers(self._retries, max_retries, backoff_factor, max_retry_after),
        )

    def __repr__(self) -> str:
        return f"SlackAppNotifier(channel={self._layout.channel!r})"

    def render(self, digest: Digest) -> list[Message]:
        """DMs to owners Slack knows (looked up by e-mail once each), the rest to the channel; buttons on lines."""
        return render_app(digest, self._layout, OwnerResolver(self._lookup, self._addresses))

    def deliver(self, message: Message) -> None:
        """Post one message (a DM that Slack refuses goes to the channel); NotifyError once retries are spent."""
        payload = dict(message.payload)
        meta: Mapping[str, Any] = payload.pop(META, {})
        if "summary" in meta:  # say who really got a DM: a refused one went to the channel
            counts = {u: n for u, n in meta["summary"]["counts"].items() if u not in self._refused}
            said = meta["summary"]
            payload = {**summary(payload["channel"], counts, said["closing"], said["sent"]).payload}
            payload.pop(META)
            if not payload["text"]:
                return  # every DM went to the channel and there is no total: nothing left to say
        if "reply_to" in meta:
            parent = self._threads.get(meta["reply_to"])
            if parent is None:
                raise NotifyError("the thread's first message was not posted, so its replies were not sent")
            payload["thread_ts"] = parent
        error, answer = self._post(payload)
        if error in DM_REFUSALS and meta.get("fallback"):
            log.info("direct message refused (%s): posting to the channel instead", error)
            self._refused.add(payload["channel"])
            note = {"type": "context", "elements": [{"type": "mrkdwn", "text": f"<@{payload['channel']}>: {error}"}]}
            payload = {**payload, "channel": meta["fallback"], "blocks": [note, *payload.get("blocks", [])]}
            error, answer = self._post(payload)
        if error is not None:
            raise NotifyError(self._refusal(payload["channel"], error, answer))
        if "parent" in meta:
            self._threads[meta["parent"]] = str(answer.get("ts", ""))

    def _post(self, payload: dict[str, Any]) -> tuple[str | None, Any]:
        """(None, Slack's answer) when accepted; (error code, the answer or None) when refused."""
        self._retries.value = 0
        try:
            return None, self._client.chat_postMessage(**payload)
        except SlackApiError as e:
            return str(e.response.get("error") or "error"), e.response
        except _TRANSPORT_ERRORS as e:
            reason = self._redact(str(e) or type(e).__name__)
        # Raised outside the except block: the exception's response holds the request, token header and all.
        raise NotifyError(f"could not reach Slack: {reason}{self._after()}")

    def _refusal(self, channel: str, error: str, answer: Any) -> str:
        status = getattr(answer, "status_code", None)
        text = f"Slack refused chat.postMessage to {channel}: {self._redact(error)[:100]}{hint(error)}"
        if status not in (None, 200, 429):
            text += f" (HTTP {status})"
        if status == 429:
            wait = retry_after(getattr(answer, "headers", {}) or {})
            if wait is not None and wait > self._max_retry_after:
                return f"{text}: it asked to wait {wait:g}s, longer than the {self._max_retry_after:g}s allowed"
        return text + self._after()

    def _after(self) -> str:
        n = self._retries.value
        return f" after {n} retr{'y' if n == 1 else 'ies'}" if n else ""

    def _lookup(self, email: str) -> str | None:
        """``users.lookupByEmail``: the active person's id; ``None`` when unknown, a bot, deleted, or Slack fails."""
        try:
            user = self._client.users_lookupByEmail(email=email).get("user") or {}
        except SlackApiError as e:
            log.info("no Slack user for an owner address: %s", e.response.get("error"))
            return None
        except _TRANSPORT_ERRORS as e:
            # The lookup only chooses DM or channel: when it fails, the lines go to the channel, never nowhere.
            log.warning("Slack user lookup failed: %s", self._redact(str(e) or type(e).__name__))
            return None
        if user.get("deleted") or user.get("is_bot"):
            return None
        user_id = user.get("id")
        return user_id if isinstance(user_id, str) else None
