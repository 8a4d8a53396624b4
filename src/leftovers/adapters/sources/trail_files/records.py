"""Bare CloudTrail records as real-world sources render them, brought to the shape the CloudTrail parser reads.

Trail log files, LookupEvents and third-party exports differ from the EventBridge ``detail`` in small ways:
``errorCode: ""`` for a success, ``responseElements: null`` (large or omitted responses), whole numbers written as
floats, ``readOnly`` as a string, and no ``recipientAccountId``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from leftovers.adapters.sources.base import Parsed
from leftovers.core.errors import EventRejected

RecordParser = Callable[[Mapping[str, Any], str | None], Parsed]
_BOOLEANS = {"true": True, "false": False}


def is_cloudtrail_record(event: Mapping[str, Any]) -> bool:
    """Cheap detection: a bare CloudTrail record (no EventBridge envelope)."""
    return "detail-type" not in event and "eventVersion" in event and "eventSource" in event


def parse_bare_record(record: Mapping[str, Any], account_hint: str | None, parse: RecordParser) -> Parsed:
    """``parse`` (the CloudTrail record parser) on ``record`` made regular; a null response falls back to the
    request's parameters, which name the id for every call that acts on an existing resource."""
    if type(record) is not dict and not isinstance(record, Mapping):
        raise EventRejected("record", f"expected a JSON object, got {type(record).__name__}")
    regular = normalise(record, account_hint)
    try:
        return parse(regular, None)
    except EventRejected as rejected:
        if regular.get("responseElements") is not None or not rejected.field.startswith("responseElements"):
            raise
        field, problem = rejected.field, rejected.problem
    request = regular.get("requestParameters")
    if not isinstance(request, Mapping):
        raise EventRejected(field, f"{problem} (responseElements is null)")
    try:
        return parse({**regular, "responseElements": request}, None)
    except EventRejected:
        raise EventRejected(field, f"{problem} (responseElements is null, requestParameters do not name it)") from None


def normalise(record: Mapping[str, Any], account_hint: str | None = None) -> dict[str, Any]:
    """A copy of ``record`` with the real-world variations above made regular (nothing else is touched)."""
    regular: dict[str, Any] = _whole_numbers(record)
    if regular.get("errorCode") == "":
        del regular["errorCode"]
    if isinstance(regular.get("readOnly"), str):
        regular["readOnly"] = _BOOLEANS.get(regular["readOnly"].lower(), regular["readOnly"])
    if not regular.get("recipientAccountId"):
        identity = regular.get("userIdentity")
        caller = identity.get("accountId") if isinstance(identity, Mapping) else None
        account = account_hint or caller
        if account:
            regular["recipientAccountId"] = account
    return regular


def _whole_numbers(value: Any) -> Any:
    """``value`` with every float that is a whole number turned into an int (JSON tools that read every number as
    a double write ``8.0`` for a volume of 8 GiB); dicts and lists are copied, never changed in place."""
    if type(value) is dict:
        return {k: _whole_numbers(v) for k, v in value.items()}
    if type(value) is list:
        return [_whole_numbers(v) for v in value]
    if type(value) is float and value.is_integer():
        return int(value)
    return value
