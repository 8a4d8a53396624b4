"""Synthetic Config events for routing tests: an instance in a chosen account, of a chosen (priced) type."""

from __future__ import annotations

from typing import Any

from tests.support.synthetic import config_event

CHEAP, DEAR = "t3.large", "m5.4xlarge"
"""~$61 and ~$561 a month in Tokyo (the bundled prices): either side of a $100 route."""


def event(n: int, account: str = "123456789012", instance_type: str = CHEAP, **tags: str) -> dict[str, Any]:
    """Synthetic instance ``n`` (named ``synthetic-n``) in ``account``, of ``instance_type``, with ``tags``."""
    found = config_event(n, **tags)
    item = found["detail"]["configurationItem"]
    item["configuration"]["instanceType"] = instance_type
    item["awsAccountId"] = found["account"] = account
    item["ARN"] = item["ARN"].replace("123456789012", account)
    found["resources"] = [item["ARN"]]
    return found
