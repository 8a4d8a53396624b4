"""The EventBridge event patterns that forward the CloudTrail calls the call table maps, built from the table.

With ~100 services the one pattern that says it all is over EventBridge's size limit, so its sources are shared out
over as many patterns (one rule each) as needed, every one with the same name matchers: together they forward
exactly what the one pattern would. ``make regen`` writes them into template.yaml (CloudFormation cannot import
Python) as ``CloudTrailRule``, ``CloudTrailRule2``...; ``make lint`` fails when the template is stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from leftovers.adapters.sources.cloudtrail.records import DETAIL_TYPE
from leftovers.adapters.sources.cloudtrail.table import CALLS
from leftovers.resources import TrailCall

# Most mapped names start with these verbs: a prefix stands for them (and for future rows) in fewer characters.
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


def cloudtrail_patterns(calls: Iterable[TrailCall] = CALLS, limit: int = PATTERN_LIMIT) -> list[dict[str, Any]]:
    """The rules' patterns: ``cloudtrail_pattern``'s sources shared out in order, as many per pattern as fit in
    ``limit`` characters (measured as ``json.dumps`` spells it, with more spaces than CloudFormation sends)."""
    whole = cloudtrail_pattern(calls)
    if _size({**whole, "source": [max(whole["source"], key=len)]}) > limit:
        raise ValueError(f"the CloudTrail rule's event names alone take over {limit} characters: add a prefix to VERBS")
    groups: list[list[str]] = [[]]
    for source in whole["source"]:
        if groups[-1] and _size({**whole, "source": [*groups[-1], source]}) > limit:
            groups.append([])
        groups[-1].append(source)
    return [{**whole, "source": group} for group in groups]


def _size(pattern: dict[str, Any]) -> int:
    return len(json.dumps(pattern))
