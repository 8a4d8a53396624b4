"""AWS Config history: the configuration history files Config delivers to S3 and ``GetResourceConfigHistory``'s
output, both ``{"configurationItems": [...]}``, read item by item through the Config source's own parser.

History files hold items in the shape change notifications carry. The API (and ``aws configservice
get-resource-config-history``) renames a few fields (``accountId``, ``arn``), gives times as epoch seconds or ISO
text, and the configuration as a JSON string; each item is brought to the notification shape first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.base import Parsed
from leftovers.core.errors import EventRejected

MESSAGE_TYPE = "ConfigurationItemChangeNotification"
RENAMED = {"accountId": "awsAccountId", "arn": "ARN", "version": "configurationItemVersion"}
TIMES = ("configurationItemCaptureTime", "resourceCreationTime")


def is_config_history(document: object) -> bool:
    """A history file or a GetResourceConfigHistory answer (no CloudTrail ``Records``)."""
    return isinstance(document, Mapping) and isinstance(document.get("configurationItems"), list)


def history_items(document: Mapping[str, Any]) -> Iterator[tuple[int, Any]]:
    """(index, item) for every configuration item of the document."""
    yield from enumerate(document["configurationItems"])


def parse_config_item(item: object) -> Parsed:
    """The change one configuration item records, as if Config had just notified it."""
    if not isinstance(item, Mapping):
        raise EventRejected("configurationItem", f"expected a JSON object, got {type(item).__name__}")
    return parse_event({"messageType": MESSAGE_TYPE, "configurationItem": notification_item(item)})


def notification_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """``item`` in the notification's field names and types (an item already in that shape is unchanged)."""
    regular = {RENAMED.get(key, key): value for key, value in item.items()}
    for field in TIMES:
        value = regular.get(field)
        if isinstance(value, int | float) and not isinstance(value, bool):
            regular[field] = datetime.fromtimestamp(value, UTC).isoformat().replace("+00:00", "Z")
    configuration = regular.get("configuration")
    if isinstance(configuration, str):
        try:
            regular["configuration"] = json.loads(configuration)
        except ValueError:
            raise EventRejected("configurationItem.configuration", "not JSON") from None
    return regular
