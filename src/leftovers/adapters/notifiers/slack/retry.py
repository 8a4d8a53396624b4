"""slack_sdk retry handlers tuned for Leftovers, and the redactor that keeps the webhook URL out of text and logs."""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from slack_sdk.http_retry import (
    BackoffRetryIntervalCalculator,
    ConnectionErrorRetryHandler,
    HttpRequest,
    HttpResponse,
    Jitter,
    RetryHandler,
    RetryState,
)
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler

REDACTED = "[webhook URL]"


class Redactor:
    """Removes a secret URL, and its path (the secret part of a Slack webhook), from any text."""

    def __init__(self, url: str, label: str = REDACTED) -> None:
        self._label = label
        path = urlsplit(url).path
        # The whole URL first: it contains the path, and the replacement must not leave the host glued to a stub.
        # Each also as repr() and JSON would escape it, so an escaped form in an error is caught too.
        raw = [s for s in (url, path if len(path) > 1 else "") if s]
        forms = (lambda s: s, lambda s: repr(s)[1:-1], lambda s: json.dumps(s)[1:-1])
        self._secrets = tuple(dict.fromkeys(form(s) for s in raw for form in forms))

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, self._label)
        return text

    def leaks(self, text: str) -> bool:
        """True if ``text`` contains the secret."""
        return any(secret in text for secret in self._secrets)

    def clean_chain(self, error: BaseException) -> bool:
        """True if no exception in the chain mentions the secret (message, repr or string attributes)."""
        seen: set[int] = set()
        todo: list[BaseException | None] = [error]
        while todo:
            e = todo.pop()
            if e is None or id(e) in seen:
                continue
            seen.add(id(e))
            texts = [str(e), repr(e), *(v for v in vars(e).values() if isinstance(v, str))]
            if any(self.leaks(t) for t in texts):
                return False
            todo += [e.__cause__, e.__context__]
        return True

    def logger(self, name: str) -> logging.Logger:
        """A private logger for slack_sdk: it logs the full URL at DEBUG and INFO, so rewrite every record."""
        logger = logging.Logger(name)
        # Unregistered (so the filter cannot leak onto a shared logger) but still propagating to our handlers.
        logger.parent = logging.getLogger(name.rpartition(".")[0] or name)
        logger.addFilter(_RedactFilter(self))
        return logger


class _RedactFilter(logging.Filter):
    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self._redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self._redact(record.getMessage())
        record.args = None
        # slack_sdk logs ERROR on every failed attempt; the notifier reports the outcome in one line, so each
        # attempt is detail (DEBUG): with no logging set up, Python's last-resort handler no longer prints them.
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def retry_after(headers: Mapping[str, Any]) -> int | None:
    """Seconds from a ``Retry-After`` header in whole seconds (what Slack sends), else None."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            text = str(value[0] if isinstance(value, list) and value else value).strip()
            return int(text) if text.isdigit() else None
    return None


class RetryCount:
    """Retries made for the request in flight: slack_sdk keeps its RetryState to itself."""

    def __init__(self) -> None:
        self.value = 0


def retry_handlers(count: RetryCount, max_retries: int, backoff_factor: float, max_wait: float) -> list[RetryHandler]:
    """Connection errors and 5xx back off exponentially; 429 waits as long as Slack's Retry-After says."""
    interval = BackoffRetryIntervalCalculator(backoff_factor=backoff_factor, jitter=ProportionalJitter())
    handlers: list[_Counting] = [
        ConnectionHandler(max_retry_count=max_retries, interval_calculator=interval),
        RateLimitHandler(max_retry_count=max_retries, max_wait=max_wait),
        ServerErrorHandler(max_retry_count=max_retries, interval_calculator=interval),
    ]
    for handler in handlers:
        handler.count = count
    return list(handlers)


class ProportionalJitter(Jitter):
    """Up to 100% extra wait: slack_sdk's RandomJitter adds up to a whole second whatever the backoff factor."""

    def recalculate(self, duration: float) -> float:
        """The backoff duration stretched by a random factor in [1, 2)."""
        return duration * (1 + random.random())


class _Counting(RetryHandler):
    count: RetryCount

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        super().prepare_for_next_attempt(state=state, request=request, response=response, error=error)
        self.count.value += 1


class ConnectionHandler(_Counting, ConnectionErrorRetryHandler):
    """slack_sdk's handler for refused or reset connections (not read timeouts: Slack may have posted already)."""


class RateLimitHandler(_Counting, RateLimitErrorRetryHandler):
    """Retries 429 after Retry-After seconds, unless Slack asks for a wait longer than ``max_wait``."""

    def __init__(self, max_retry_count: int, max_wait: float) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        has_header = any(k.lower() == "retry-after" for k in response.headers)
        wait = retry_after(response.headers)
        # slack_sdk sleeps int(Retry-After) (about a second without one): refuse a wait it cannot parse or too long.
        return not has_header or (wait is not None and wait <= self.max_wait)


class ServerErrorHandler(_Counting, ServerErrorRetryHandler):
    """Retries every 5xx (slack_sdk's own handler only knows 500 and 503)."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code >= 500
