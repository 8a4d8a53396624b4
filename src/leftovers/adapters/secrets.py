"""Secrets read at run time from SSM Parameter Store (SecureString), cached across warm Lambda invocations."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.core.errors import SettingsError

if TYPE_CHECKING:
    from mypy_boto3_ssm import SSMClient

# botocore logs every response body at DEBUG, GetParameter's decrypted value included.
_BODY_LOGGERS = ("botocore.parsers",)
DEFAULT_MAX_AGE = 300.0
"""Seconds a fetched value is reused: warm invocations skip SSM, and a rotated secret is picked up within this."""


def _client() -> SSMClient:
    import boto3

    return boto3.client("ssm")


class SsmSecret:
    """One SecureString parameter, decrypted on first use and cached; its value never appears in repr or logs.

    ``check`` says what is wrong with a value (without quoting it), e.g. a webhook URL pasted across two lines:
    it is refused when loaded, before any client could echo it in an error.
    """

    def __init__(
        self,
        name: str,
        client: SSMClient | None = None,
        max_age: float = DEFAULT_MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        self.name = name
        self._check = check
        self._client = client
        self._max_age = max_age
        self._clock = clock
        self._value: str | None = None
        self._fetched_at = 0.0

    def __repr__(self) -> str:
        return f"SsmSecret(name={self.name!r})"

    def value(self) -> str:
        """The decrypted value, from the cache while it is younger than ``max_age``."""
        now = self._clock()
        if self._value is None or now - self._fetched_at >= self._max_age:
            self._value = self._fetch()
            self._fetched_at = now
        return self._value

    def _fetch(self) -> str:
        if self._client is None:
            self._client = _client()
        try:
            with _muted(_BODY_LOGGERS):
                reply = self._client.get_parameter(Name=self.name, WithDecryption=True)
        except (ClientError, BotoCoreError) as exc:
            # The error names the parameter and the reason; it cannot contain the value, which was never read.
            raise SettingsError(f"SSM parameter {self.name}", f"cannot be read: {exc}") from None
        value = reply.get("Parameter", {}).get("Value")
        if not value:
            raise SettingsError(f"SSM parameter {self.name}", "is empty")
        problem = self._check(value) if self._check else None
        if problem:
            raise SettingsError(f"SSM parameter {self.name}", problem)
        return value


class _DropAll(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


@contextmanager
def _muted(names: tuple[str, ...]) -> Iterator[None]:
    """Drop these loggers' records for the duration, whatever level a user (or a debug session) set."""
    drop = _DropAll()
    loggers = [logging.getLogger(name) for name in names]
    for logger in loggers:
        logger.addFilter(drop)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(drop)
