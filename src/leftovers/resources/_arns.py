"""ARN -> resource key, for listings that give ARNs only (the tagging API): one row per declared ARN shape.

A row's ``id`` group is AWS Config's resourceId for the type; a row without one keys the resource by its whole ARN
(as Config and the sources do for those types). The shapes are the registry's ``ResourceType.arn``; types whose
Config id is not in the ARN (RDS instances and clusters, keyed by their resource id; SageMaker, whose ARNs lower-case
the name) declare none: they are not adopted.
"""

from __future__ import annotations

import re
from functools import cache

from leftovers.core.model import ResourceKey


@cache
def arn_rows() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled ARN shape, type) per declared type; anchored at both ends, so no two shapes match one ARN (the
    registry's meta-tests check it on the fixtures)."""
    from leftovers.resources import all_types  # late: the package imports this module

    return tuple((pattern, t.type) for t in all_types() if (pattern := t.arn_pattern) is not None)


def key_of(arn: str, account: str, region: str) -> ResourceKey | None:
    """The resource key an ARN names, or ``None`` for an ARN shape without a row; empty ARN parts are filled in."""
    for pattern, resource_type in arn_rows():
        hit = pattern.match(arn)
        if hit is None:
            continue
        groups = hit.groupdict()
        resource_id = groups.get("id") or arn
        return ResourceKey(groups["account"] or account, groups["region"] or region, resource_type, resource_id)
    return None
