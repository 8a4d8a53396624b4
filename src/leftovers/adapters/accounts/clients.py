"""Clients in other accounts of the organization: the member role assumed once per account (credentials cached
until shortly before they expire), and one inventory ``Clients`` per account, whose clients (one per service and
region) act in that account."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from leftovers.adapters.inventory.clients import RETRIES, Clients, RateLimiter, error_code
from leftovers.core.errors import InventoryError
from leftovers.core.times import parse_iso

DEFAULT_ROLE = "leftovers-member-read"  # member.yaml's MemberRoleName default
SESSION_NAME = "leftovers-reconcile"  # shows in each member's CloudTrail as who asked
REFRESH_MARGIN = timedelta(minutes=5)  # credentials this close to expiry are assumed again before use
STS_REGION = "us-east-1"


class AccountUnreachable(InventoryError):
    """The member role of one account cannot be assumed (missing, or its trust refuses us): that account alone is
    unknown, the others are still checked."""

    def __init__(self, account: str, reason: str) -> None:
        super().__init__(f"account {account}: cannot assume the member role ({reason})")
        self.account = account
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Assumed:
    """One account's temporary credentials."""

    access_key: str
    secret_key: str
    token: str
    expires: datetime


def boto3_sts() -> Any:
    import boto3  # only when a run asks other accounts

    return boto3.client("sts", region_name=STS_REGION, config=RETRIES)


def session_factory(credentials: Assumed) -> Callable[[str, str], Any]:
    """A client factory acting with ``credentials`` (its own boto3 session: sessions are not shared by threads)."""
    import boto3

    session = boto3.session.Session(
        aws_access_key_id=credentials.access_key,
        aws_secret_access_key=credentials.secret_key,
        aws_session_token=credentials.token,
    )
    return lambda service, region: session.client(service, region_name=region, config=RETRIES)  # type: ignore[call-overload]


class CrossAccountClients:
    """Assumes ``role_name`` in any account of the organization; hands out one ``Clients`` per account."""

    def __init__(
        self,
        role_name: str = DEFAULT_ROLE,
        *,
        partition: str = "aws",
        sts: Any = None,
        factory: Callable[[Assumed], Callable[[str, str], Any]] = session_factory,
        rate: float = 10.0,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.role_name, self.partition = role_name, partition
        self._sts, self.factory, self.rate, self.now = sts, factory, rate, now
        self._assumed: dict[str, Assumed] = {}
        self._clients: dict[str, Clients] = {}
        self._refused: dict[str, AccountUnreachable] = {}
        self._lock = threading.Lock()
        self.assume_calls = 0

    def role_arn(self, account: str) -> str:
        """The member role's ARN in ``account``."""
        return f"arn:{self.partition}:iam::{account}:role/{self.role_name}"

    def credentials(self, account: str) -> Assumed:
        """``account``'s credentials, assumed on first use and again near expiry; AccountUnreachable if refused
        (remembered for this object's life, so a run asks once per account)."""
        with self._lock:
            if account in self._refused:
                raise self._refused[account]
            held = self._assumed.get(account)
            if held is None or held.expires - self.now() <= REFRESH_MARGIN:
                held = self._assumed[account] = self._assume(account)
                self._clients.pop(account, None)  # its clients hold the old credentials
            return held

    def _assume(self, account: str) -> Assumed:
        if self._sts is None:
            self._sts = boto3_sts()
        self.assume_calls += 1
        try:
            reply = self._sts.assume_role(RoleArn=self.role_arn(account), RoleSessionName=SESSION_NAME)
        except ClientError as exc:
            self._refused[account] = AccountUnreachable(account, error_code(exc))
            raise self._refused[account] from None
        except BotoCoreError as exc:
            raise InventoryError(f"cannot reach STS to assume {self.role_arn(account)}: {exc}") from None
        c = reply["Credentials"]
        expires = c["Expiration"]
        if isinstance(expires, str):
            expires = parse_iso(expires)
        return Assumed(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"], expires.astimezone(UTC))

    def for_account(self, account: str) -> Clients:
        """The inventory clients of ``account`` (its own rate limiter: AWS throttles per account)."""
        credentials = self.credentials(account)
        with self._lock:
            if account not in self._clients:
                limiter = RateLimiter(self.rate, burst=max(1, int(self.rate)))
                self._clients[account] = Clients(self.factory(credentials), limiter, account=account)
            return self._clients[account]
