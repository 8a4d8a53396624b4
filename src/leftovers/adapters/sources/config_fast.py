"""A fast reader for a JSON line that holds an EventBridge Config change: only the fields the Config parser reads.

A Config event is mostly configuration, relationships and supplementary data the parser never reads. msgspec
decodes the few fields it does read (any JSON value, so odd ones still reach the parser's checks) and skips the
rest without building it. The result is the event with only those fields, which ``parse_event`` turns into exactly
what it makes of the whole event. Whatever this reader is not sure of (another source, SNS, invalid UTF-8,
anything msgspec refuses) it leaves to the general path: ``None``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from leftovers.adapters.sources.config import CLOUDTRAIL_DETAIL_TYPE, EVENT_SOURCE
from leftovers.adapters.sources.config_details import DETAILS

UNSET: Any = msgspec.UNSET


def _configuration_fields() -> dict[str, Any]:
    """Every top-level configuration key a detail path starts with (``ClusterConfig``, ``instanceType``...)."""
    keys = sorted({path.split(".", 1)[0] for paths in DETAILS.values() for path in paths})
    return {key: UNSET for key in keys}


# A Struct per level: the fields named are decoded as any JSON value; every other field is skipped unbuilt.
_Configuration = msgspec.defstruct(
    "_Configuration", [(k, Any, v) for k, v in _configuration_fields().items()], omit_defaults=True
)


class _Item(msgspec.Struct, omit_defaults=True):
    configurationItemStatus: Any = UNSET
    awsAccountId: Any = UNSET
    awsRegion: Any = UNSET
    resourceType: Any = UNSET
    resourceId: Any = UNSET
    configurationItemCaptureTime: Any = UNSET
    resourceName: Any = UNSET
    ARN: Any = UNSET
    arn: Any = UNSET
    tags: Any = UNSET
    configuration: _Configuration | None = UNSET  # type: ignore[valid-type]


class _Detail(msgspec.Struct, omit_defaults=True):
    messageType: Any = UNSET
    configurationItem: _Item = UNSET
    configurationItemSummary: _Item = UNSET


class _Envelope(msgspec.Struct, omit_defaults=True):
    source: Any = UNSET
    detail_type: Any = msgspec.field(name="detail-type", default=UNSET)
    id: Any = UNSET
    resources: Any = UNSET
    detail: _Detail = UNSET
    Type: Any = UNSET  # present: perhaps SNS, which the general path unwraps


_DECODER = msgspec.json.Decoder(_Envelope)


def config_change_fields(line: bytes) -> dict[str, Any] | None:
    """The fields of an EventBridge Config change event the parser reads, or ``None``: use the general path."""
    if not line.isascii():
        try:
            line.decode("utf-8")  # msgspec does not check the bytes of the fields it skips; json.loads does
        except UnicodeDecodeError:
            return None
    try:
        envelope = _DECODER.decode(line)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None
    if envelope.source != EVENT_SOURCE or envelope.Type is not UNSET:
        return None
    if not isinstance(envelope.detail_type, str) or envelope.detail_type == CLOUDTRAIL_DETAIL_TYPE:
        return None  # the CloudTrail parser's, or not what is_config_event would take
    # Values are json.loads' own: msgspec reads integers to the same 4,300-digit limit, floats correctly rounded,
    # and refuses (leaving the line to the general path) the ones json.loads reads as infinity, NaN, lone surrogates.
    return msgspec.to_builtins(envelope)  # type: ignore[no-any-return]
