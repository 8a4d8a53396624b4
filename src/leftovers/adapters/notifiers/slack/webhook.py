"""Slack incoming-webhook notifier: Block Kit messages inside Slack's limits, sent with slack_sdk's retry handlers."""

from __future__ import annotations

from collections.abc import Mapping
from http.client import HTTPException
from typing import Any, Protocol
from urllib.error import URLError
from urllib.parse import urlsplit

from slack_sdk.errors import SlackClientError

from leftovers.adapters.notifiers.slack.blocks import DEFAULT_MESSAGE_CHARS, MIN_MESSAGE_CHARS, render_messages
from leftovers.adapters.notifiers.slack.client import NoRedirectWebhookClient
from leftovers.adapters.notifiers.slack.retry import Redactor, RetryCount, retry_after, retry_handlers
from leftovers.adapters.notifiers.slack.url import url_problem
from leftovers.core.digest import Digest
from leftovers.core.errors import NotifyError, SettingsError
from leftovers.core.ports import Message

# What urllib and slack_sdk raise once the retry handlers give up on a transport failure.
_TRANSPORT_ERRORS = (OSError, HTTPException, SlackClientError)
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class WebhookResponse(Protocol):
    """The part of slack_sdk's WebhookResponse the notifier reads."""

    @property
    def status_code(self) -> int:
        """The HTTP status Slack answered with."""
        ...

    @property
    def body(self) -> str:
        """Slack's answer: ``ok``, or an error code such as ``channel_not_found``."""
        ...

    @property
    def headers(self) -> Mapping[str, Any]:
        """The response headers (``Retry-After`` on 429)."""
        ...


class WebhookSender(Protocol):
    """What the notifier needs from a webhook client (slack_sdk's WebhookClient, or a fake)."""

    def send_dict(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> WebhookResponse:
        """POST ``body`` as JSON and return Slack's answer (after the client's own retries)."""
        ...


class SlackWebhookNotifier:
    """Posts a digest to one Slack incoming webhook; the URL is a secret and never leaves this object."""

    def __init__(
        self,
        url: str,
        *,
        client: WebhookSender | None = None,
        max_retries: int = 3,
        backoff_factor: float = 0.5,
        timeout: int = 10,
        max_retry_after: float = 60.0,
        message_chars: int = DEFAULT_MESSAGE_CHARS,
    ) -> None:
        problem = url_problem(url)
        if problem:  # checked first: urllib would quote the bad URL in its error, escapes and all
            raise SettingsError("slack webhook URL", problem)
        parts = urlsplit(url)
        host = parts.hostname or ""
        if not host or not (parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK)):
            # Never echo the value: a mistyped webhook URL is still mostly secret.
            raise SettingsError("slack webhook URL", "must be an https:// URL with a host")
        if max_retries < 0 or backoff_factor < 0 or timeout <= 0:
            raise SettingsError("slack retries", "max_retries and backoff_factor must be >= 0, timeout > 0")
        if message_chars < MIN_MESSAGE_CHARS:
            raise SettingsError("slack message size", f"must be at least {MIN_MESSAGE_CHARS} characters")
        self._host = host
        self._redact = Redactor(url)
        self._retries = RetryCount()  # stays 0 with an injected client: its retries are its own business
        self._max_retry_after = max_retry_after
        self._message_chars = message_chars
        self._client: WebhookSender = client or NoRedirectWebhookClient(
            url,
            timeout=timeout,
            logger=self._redact.logger(f"{__name__}.sdk"),
            retry_handlers=retry_handlers(self._retries, max_retries, backoff_factor, max_retry_after),
        )

    def __repr__(self) -> str:
        return f"SlackWebhookNotifier(host={self._host!r})"

    def render(self, digest: Digest) -> list[Message]:
        """Block Kit messages inside Slack's limits; every entry in exactly one, in digest order."""
        return render_messages(digest, message_chars=self._message_chars)

    def deliver(self, message: Message) -> None:
        """POST one message; raise NotifyError with a one-line reason once the retries are spent."""
        failure: NotifyError | None = None
        cause: BaseException | None = None
        self._retries.value = 0
        try:
            response = self._client.send_dict(dict(message.payload))
        except _TRANSPORT_ERRORS as e:
            failure = NotifyError(f"could not reach Slack at {self._host}: {self._reason(e)}{self._after()}")
            cause = e if self._redact.clean_chain(e) else None
        # Raised outside the except block so a URL-bearing exception is not attached as __context__.
        if failure is not None:
            raise failure from cause
        if not 200 <= response.status_code < 300:
            raise NotifyError(self._refusal(response))

    def _refusal(self, response: WebhookResponse) -> str:
        status = response.status_code
        body = self._redact(" ".join((response.body or "").split()))[:200]
        text = f"Slack answered {status}" + (f" ({body})" if body else "")
        wait = retry_after(response.headers) if status == 429 else None
        if wait is not None and wait > self._max_retry_after:
            return f"{text}: it asked to wait {wait:g}s, longer than the {self._max_retry_after:g}s allowed"
        return text + self._after()

    def _reason(self, error: BaseException) -> str:
        reason = error.reason if isinstance(error, URLError) else error
        return self._redact(str(reason) or type(reason).__name__)

    def _after(self) -> str:
        n = self._retries.value
        return f" after {n} retr{'y' if n == 1 else 'ies'}" if n else ""
