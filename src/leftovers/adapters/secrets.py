"""Secrets read at run time from SSM Parameter Store (SecureString), cached across warm Lambda invocations."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.core.errors import SettingsError

if TYPE_CHECKING:
    from mypy_boto3_ssm import SSMClient

DEFAULT_MAX_AGE = 300.0
"""Seconds a fetched value is reused: warm invocations skip SSM, and a rotated secret is picked up within this."""


def _client() -> SSMClient:
    import boto3

    return boto3.client("ssm")


class SsmSecret:
    """One SecureString parameter, decrypted on first use and cached; its value never appears in repr or logs."""

    def __init__(
        self,
        name: str,
        client: SSMClient | None = None,
        max_age: float = DEFAULT_MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
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
            reply = self._client.get_parameter(Name=self.name, WithDecryption=True)
        except (ClientError, BotoCoreError) as exc:
            # The error names the parameter and the reason; it cannot contain the value, which was never read.
            raise SettingsError(f"SSM parameter {self.name}", f"cannot be read: {exc}") from None
        value = reply.get("Parameter", {}).get("Value")
        if not value:
            raise SettingsError(f"SSM parameter {self.name}", "is empty")
        return value
