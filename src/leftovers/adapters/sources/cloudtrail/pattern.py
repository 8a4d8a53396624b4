"""The EventBridge event pattern that forwards the CloudTrail calls the call table maps, built from the table.

template.yaml spells the same pattern out (CloudFormation cannot import Python); a test holds the two equal, so
adding a row for a new service or a new verb fails until the template's rule says it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from leftovers.adapters.sources.cloudtrail.records import DETAIL_TYPE
from leftovers.adapters.sources.cloudtrail.table import CALLS
from leftovers.resources import TrailCall

# Listing all ~100 mapped event names (with the sources) takes ~2,300 characters, over EventBridge's default limit
# of 2,048 for a pattern; most names start with these verbs, so a prefix stands for them and for future rows.
VERBS = ("Create", "Delete")
# The default quota on an event pattern's size, in characters (raising it to 4,096 takes a quota request).
PATTERN_LIMIT = 2048


def eventbridge_source(event_source: str) -> str:
    """The EventBridge ``source`` of a CloudTrail ``eventSource``: ``ec2.amazonaws.com`` -> ``aws.ec2``."""
    return "aws." + event_source.split(".", 1)[0]


def event_name_matchers(names: Iterable[str], verbs: tuple[str, ...] = VERBS) -> list[Any]:
    """The prefix matchers for ``verbs``, then every name no prefix covers (sorted, so the output is stable)."""
    rest = sorted({name for name in names if not name.startswith(verbs)})
    return [*({"prefix": verb} for verb in verbs), *rest]


def cloudtrail_pattern(calls: Iterable[TrailCall] = CALLS) -> dict[str, Any]:
    """The rule's pattern: successful management calls from the table's services whose names the table maps."""
    rows = list(calls)
    return {
        "source": sorted({eventbridge_source(row.source) for row in rows}),
        "detail-type": [DETAIL_TYPE],
        "detail": {
            "eventName": event_name_matchers(row.event for row in rows),
            # Data events (S3 DeleteObject, SQS DeleteMessage on this very queue) would flood or loop through Delete*.
            "eventCategory": ["Management"],
            "errorCode": [{"exists": False}],
        },
    }
