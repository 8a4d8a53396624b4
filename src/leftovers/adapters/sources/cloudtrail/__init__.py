"""The CloudTrail source: "AWS API Call via CloudTrail" events (and bare trail records) as lifecycle changes.

``records`` parses a record by the call table (``table``, derived from the resource registry) and the path language
(``paths``); ``tags`` turns tag calls into tag changes; ``pattern`` builds the EventBridge rule's pattern; ``lookup``
asks CloudTrail LookupEvents who created a resource no event named.
"""

from leftovers.adapters.sources.cloudtrail.records import (
    DETAIL_TYPE,
    covered_types,
    is_cloudtrail_event,
    parse_cloudtrail_event,
    parse_cloudtrail_record,
    principal,
)

__all__ = [
    "DETAIL_TYPE",
    "covered_types",
    "is_cloudtrail_event",
    "parse_cloudtrail_event",
    "parse_cloudtrail_record",
    "principal",
]
