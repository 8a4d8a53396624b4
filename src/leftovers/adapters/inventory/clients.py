"""AWS clients for the inventory: created lazily per (service, region), called through one rate limiter, and their
errors sorted into "gone", "unknown, because ..." or a run-stopping InventoryError."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from leftovers.core.errors import InventoryError

# botocore's standard mode retries throttling with backoff; what is still throttled after that is "unknown".
RETRIES = Config(retries={"mode": "standard", "max_attempts": 5})
GLOBAL_REGION = "us-east-1"  # where "global" resources (IAM, Route 53) are asked about
ACCESS_DENIED = frozenset(
    {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError",
     "AuthFailure", "403", "Forbidden", "UnrecognizedClientException", "InvalidClientTokenId"}
)  # fmt: skip
THROTTLED = frozenset(
    {"Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "ThrottledException",
     "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException"}
)  # fmt: skip
NOT_HERE = frozenset({"OptInRequired", "SubscriptionRequiredException", "InvalidAction", "UnknownOperationException"})

ClientFactory = Callable[[str, str], Any]


class RateLimiter:
    """A token bucket: at most ``rate`` calls a second on average, ``burst`` at once; thread-safe."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate, self.burst, self.clock, self.sleep = rate, burst, clock, sleep
        self._tokens = float(burst)
        self._at = clock()
        self._lock = threading.Lock()
        self.waited = 0.0  # total seconds slept, for reports and tests

    def wait(self) -> None:
        """Take one token, sleeping until one is available."""
        with self._lock:
            now = self.clock()
            self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
            self._at = now
            if self._tokens < 1:
                pause = (1 - self._tokens) / self.rate
                self.sleep(pause)
                self.waited += pause
                self._at = self.clock()
                self._tokens = 1.0
            self._tokens -= 1


def boto3_client(service: str, region: str) -> Any:
    import boto3  # only when a check runs: importing the CLI never needs it

    return boto3.client(service, region_name=region, config=RETRIES)  # type: ignore[call-overload]


class Clients:
    """One client per (service, region), built on first use; every call waits for the rate limiter."""

    def __init__(
        self,
        factory: ClientFactory = boto3_client,
        limiter: RateLimiter | None = None,
        account: str | None = None,
    ) -> None:
        self.factory = factory
        self.limiter = limiter or RateLimiter(rate=10.0, burst=10)
        self._account = account
        self._clients: dict[tuple[str, str], Any] = {}
        self.calls = 0

    def client(self, service: str, region: str) -> Any:
        """The client for ``service`` in ``region`` ("global" means us-east-1)."""
        region = GLOBAL_REGION if region in ("global", "") else region
        key = (service, region)
        if key not in self._clients:
            self._clients[key] = self.factory(service, region)
        return self._clients[key]

    def call(self, service: str, region: str, operation: str, **params: Any) -> dict[str, Any]:
        """One rate-limited call; BotoCoreError (credentials, endpoint) becomes InventoryError."""
        client = self.client(service, region)
        self.limiter.wait()
        self.calls += 1
        try:
            result: dict[str, Any] = getattr(client, operation)(**params)
        except BotoCoreError as exc:
            raise InventoryError(f"cannot ask {service} in {region}: {exc}") from None
        return result

    def pages(self, service: str, region: str, operation: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every page of a call (one page when the operation is not paginated), each page rate-limited."""
        client = self.client(service, region)
        if not client.can_paginate(operation):
            yield self.call(service, region, operation, **params)
            return
        pages = iter(client.get_paginator(operation).paginate(**params))
        while True:
            self.limiter.wait()  # spent before knowing whether a page remains: at most one token per call
            try:
                page = next(pages)
            except StopIteration:
                return
            except BotoCoreError as exc:
                raise InventoryError(f"cannot ask {service} in {region}: {exc}") from None
            self.calls += 1
            yield page

    def account(self) -> str:
        """The account the credentials belong to (STS GetCallerIdentity, asked once)."""
        if self._account is None:
            try:
                self._account = str(self.call("sts", GLOBAL_REGION, "get_caller_identity")["Account"])
            except ClientError as exc:
                raise InventoryError(f"cannot tell which account the credentials are for: {error_code(exc)}") from None
        return self._account


def error_code(error: ClientError) -> str:
    """The AWS error code of a ClientError."""
    return str(error.response.get("Error", {}).get("Code", "Unknown"))


def is_gone(error: ClientError, gone: Mapping[str, str]) -> bool:
    """True when the error is one of ``gone``'s codes and its message matches the code's pattern."""
    code = error_code(error)
    if code not in gone:
        return False
    message = str(error.response.get("Error", {}).get("Message", ""))
    return re.search(gone[code], message, re.IGNORECASE) is not None


def unknown_reason(error: ClientError, what: str) -> str:
    """Why a check could not tell, in a few words naming the call (``what``, e.g. ``ec2:DescribeVolumes``)."""
    code = error_code(error)
    if code in ACCESS_DENIED:
        return f"access denied ({what})"
    if code in THROTTLED:
        return f"throttled ({what}), retries exhausted"
    if code in NOT_HERE:
        return f"not available here ({what}: {code})"
    return f"{code} ({what})"
