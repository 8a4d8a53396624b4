"""Read-only questions ``leftovers doctor`` asks AWS: who am I, and is the table there. Each answer is one line
and never raises, so doctor reports what it can even without credentials or a network."""

from __future__ import annotations

from typing import Any

from leftovers.adapters.aws_region import aws_client
from leftovers.core.errors import SettingsError

# Doctor must answer quickly: one attempt, short timeouts (no credentials can mean an unreachable metadata service).
_QUICK: dict[str, Any] = {"connect_timeout": 3, "read_timeout": 5, "retries": {"mode": "standard", "max_attempts": 1}}
STS_FALLBACK_REGION = "us-east-1"  # STS answers in every region; the account is the same


def has_credentials() -> bool:
    """Whether boto3's usual chain (variables, profile, SSO, instance role) finds credentials."""
    import boto3

    return boto3.session.Session().get_credentials() is not None


def account(region: str | None) -> str:
    """The account id the credentials belong to, or ``unknown (why)``."""
    if not has_credentials():
        return "unknown (no AWS credentials found)"
    try:
        return str(_client("sts", region or STS_FALLBACK_REGION).get_caller_identity()["Account"])
    except Exception as exc:
        return f"unknown ({_one_line(exc)})"


def table_state(table: str, region: str | None) -> str:
    """``exists``, ``missing`` or ``unknown (why)`` for a DynamoDB table."""
    if not has_credentials():
        return "unknown (no AWS credentials found)"
    try:
        _client("dynamodb", region).describe_table(TableName=table)
    except SettingsError as exc:
        return f"unknown ({exc.problem})"
    except Exception as exc:
        code = getattr(exc, "response", {}).get("Error", {}).get("Code")
        return "missing" if code == "ResourceNotFoundException" else f"unknown ({_one_line(exc)})"
    return "exists"


def _client(service: str, region: str | None) -> Any:
    from botocore.config import Config

    return aws_client(service, region, config=Config(**_QUICK))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
