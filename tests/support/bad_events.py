"""One bad event per class the issue names, as raw JSON Lines bytes, with what its rejection must name."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from tests.support.events import load_event
from tests.support.synthetic import config_event


def _config(edit: Callable[[dict[str, Any]], None]) -> bytes:
    event = config_event(900)
    edit(event)
    return json.dumps(event).encode()


def _volume(edit: Callable[[dict[str, Any]], None]) -> bytes:
    event = copy.deepcopy(load_event("cloudtrail_create_volume"))
    edit(event)
    return json.dumps(event).encode()


def _item(event: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = event["detail"]["configurationItem"]
    return item


def _group_name(event: dict[str, Any]) -> None:
    event["detail"]["requestParameters"]["groupName"] = 1


def _surrogate(event: dict[str, Any]) -> None:
    _item(event)["resourceName"] = "SURROGATE"


def _deleted_far_ahead(event: dict[str, Any]) -> None:
    _item(event).update(configurationItemStatus="ResourceDeleted", configurationItemCaptureTime="9999-12-31T00:00:00Z")


def _tag(value: str) -> Callable[[dict[str, Any]], None]:
    return lambda event: _item(event)["tags"].update({"leftovers:expires": value})


def _size(digits: int) -> Callable[[dict[str, Any]], None]:
    return lambda event: event["detail"]["responseElements"].update(size="SIZE" + str(digits))


def _with_number(line: bytes, digits: int) -> bytes:
    return line.replace(b'"SIZE' + str(digits).encode() + b'"', b"1" + b"0" * (digits - 1))


def _security_group_with_numeric_name() -> bytes:
    event = copy.deepcopy(load_event("cloudtrail_create_security_group"))
    _group_name(event)
    return json.dumps(event).encode()


def _volume_with_size(digits: int) -> bytes:
    return _with_number(_volume(_size(digits)), digits)


def _config_volume_size(digits: int) -> bytes:
    event = copy.deepcopy(load_event("config_discovered_ebs_volume"))
    event["detail"]["configurationItem"]["configuration"]["size"] = "SIZE" + str(digits)
    return _with_number(json.dumps(event).encode(), digits)


BAD: dict[str, tuple[bytes, str]] = {
    "nested 5,000 deep": (b'{"detail": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested too deeply"),
    "a 5,000-digit integer": (_config_volume_size(5000), "configuration.size: out of range: a number of 5000 digits"),
    "a lone surrogate escape": (_config(_surrogate).replace(b"SURROGATE", b"\\ud800"), "resourceName"),
    "a deletion dated 9999-12-31": (_config(_deleted_far_ahead), "configurationItemCaptureTime: out of range"),
    "a capture time in year 1": (
        _config(lambda e: _item(e).update(configurationItemCaptureTime="0001-01-01T00:00:00Z")),
        "configurationItemCaptureTime: out of range",
    ),
    "a 400-digit volume size": (_config_volume_size(401), "configuration.size: out of range"),
    "an infinite volume size": (_config_volume_size(401).replace(b"1" + b"0" * 400, b"1e400"), "configuration.size"),
    "a CloudTrail groupName 1": (_security_group_with_numeric_name(), "requestParameters.groupName: not a string"),
    "a 5,000-digit responseElements.size": (_volume_with_size(5000), "responseElements.size: out of range"),
    "a 400-digit responseElements.size": (_volume_with_size(400), "responseElements.size: out of range"),
    "invalid UTF-8": (_config(_surrogate).replace(b"SURROGATE", b"\xff\xfe"), "not valid UTF-8"),
}
"""name -> (the line, what its one-line rejection must contain)."""

WARNED: dict[str, tuple[bytes, str]] = {
    "leftovers:expires=99999y": (_config(_tag("99999y")), "leftovers:expires"),
    "leftovers:expires=3000000d": (_config(_tag("3000000d")), "leftovers:expires"),
}
"""Events about a real resource with a tag Leftovers cannot read: tracked (the tag counts as absent), and named."""
