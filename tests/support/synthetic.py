"""Synthetic but real-format Config events, cloned from a fixture with fresh ids."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.events import load_event

START = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def config_event(n: int, status: str = "ResourceDiscovered", minutes: int | None = None, **tags: str) -> dict[str, Any]:
    """The EC2 instance fixture as instance number ``n`` with ``status``, captured ``minutes`` after START."""
    event = copy.deepcopy(load_event("config_discovered_ec2_instance"))
    item = event["detail"]["configurationItem"]
    rid = f"i-{n:017x}"
    item.update(
        resourceId=rid,
        resourceName=f"synthetic-{n}",
        ARN=f"arn:aws:ec2:ap-northeast-1:123456789012:instance/{rid}",
        configurationItemStatus=status,
        configurationItemCaptureTime=(START + timedelta(minutes=n if minutes is None else minutes))
        .isoformat()
        .replace("+00:00", "Z"),
    )
    item["tags"] = {"Name": f"synthetic-{n}", **tags}
    event["id"] = f"synthetic-{n}-{status}"
    event["resources"] = [item["ARN"]]
    return event


def jsonl(events: list[dict[str, Any]]) -> str:
    """Events as JSON Lines."""
    return "".join(json.dumps(e) + "\n" for e in events)
