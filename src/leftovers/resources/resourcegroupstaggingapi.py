"""The Resource Groups Tagging API: TagResources and UntagResources name resources of any type by ARN."""

from __future__ import annotations

from leftovers.resources import ResourceType, TrailCall, tagged

TAGGING = "tagging.amazonaws.com"
_ARNS = "requestParameters.resourceARNList[]"

TYPES: tuple[ResourceType, ...] = ()
CALLS: tuple[TrailCall, ...] = (
    tagged(TAGGING, "TagResources", "*", _ARNS, tags="requestParameters.tags"),
    tagged(TAGGING, "UntagResources", "*", _ARNS, untags="requestParameters.tagKeys[]"),
)
