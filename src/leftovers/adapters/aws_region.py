"""The one way the CLI's AWS clients get their region: the settings' region (``--region``, ``AWS_REGION``,
``AWS_DEFAULT_REGION``), else the AWS profile's; never botocore's NoRegionError traceback."""

from __future__ import annotations

from typing import Any

from leftovers.core.errors import SettingsError

NO_REGION = "no AWS region: pass --region or set AWS_REGION (or AWS_DEFAULT_REGION, or a region in your AWS profile)"


def profile_region() -> str | None:
    """The region the AWS profile (``~/.aws/config``) names, if any."""
    import boto3

    return boto3.session.Session().region_name or None


def require_region(region: str | None) -> str:
    """``region`` if given, else the profile's; SettingsError in one line when there is none."""
    found = region or profile_region()
    if not found:
        raise SettingsError("--region", NO_REGION)
    return found


def aws_client(service: str, region: str | None, **options: Any) -> Any:
    """A boto3 client for ``service`` in the resolved region (endpoint and credentials from the environment)."""
    import boto3

    return boto3.client(service, region_name=require_region(region), **options)  # type: ignore[call-overload]
