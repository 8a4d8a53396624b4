"""The shape of one row of the CloudTrail call table, and helpers that keep the rows short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from leftovers.core.model import ChangeKind


@dataclass(frozen=True, slots=True)
class TrailCall:
    """How one successful API call maps to lifecycle changes (paths are relative to the CloudTrail record).

    ``ids`` must follow AWS Config's resourceId convention for ``resource_type`` so both sources meet in one
    record; ``note`` says where CloudTrail cannot give Config's id, and what stable id was chosen instead.
    """

    source: str  # eventSource, e.g. "ec2.amazonaws.com"
    event: str  # eventName
    resource_type: str  # AWS Config / CloudFormation type name
    kind: ChangeKind
    ids: str  # path to the id(s); "[]" fans out: one change per resource
    name: str | None = None  # path to the name(s)
    arn: str | None = None  # template over {id} {name} {region} {account} {partition}
    arn_path: str | None = None  # path to the ARN(s), when the call returns them
    tags: str | None = None  # path to the tags the call set (map, key/value list or EC2 TagSpecifications)
    tag_resource: str | None = None  # EC2 TagSpecification resourceType that applies to this resource
    details: Mapping[str, str] = field(default_factory=dict)  # detail name -> path (same names as Config's)
    id_regex: str | None = None  # first group taken from the id when it matches (e.g. name out of an ARN)
    when: str | None = None  # the row applies only when this path is present (same event, two APIs)
    skip_if: str | None = None  # a valid call that does not delete/create the resource itself
    note: str | None = None


def created(source: str, event: str, resource_type: str, ids: str, **extra: Any) -> TrailCall:
    """A row for a call that creates resources."""
    return TrailCall(source, event, resource_type, ChangeKind.CREATED, ids, **extra)


def deleted(source: str, event: str, resource_type: str, ids: str, **extra: Any) -> TrailCall:
    """A row for a call that deletes resources (or schedules their deletion, which stops the cost clock)."""
    return TrailCall(source, event, resource_type, ChangeKind.DELETED, ids, **extra)
