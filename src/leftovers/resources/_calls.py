"""How a CloudTrail-recorded API call maps to lifecycle changes: one ``TrailCall`` per (call, resource type).

Paths are relative to the CloudTrail record, in the small language of ``adapters/sources/cloudtrail/paths``:
``a.b`` walks keys, ``items[]`` fans out over a list (one change per resource), ``a|b`` tries ``a`` then ``b``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from leftovers.core.model import ChangeKind

_API_VERSION = re.compile(r"\d{8}(?:v\d+)?$")  # Lambda's event names carry the API version: TagResource20170331v2
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class TrailCall:
    """How one successful API call maps to lifecycle changes of ``resource_type``.

    ``ids`` must follow AWS Config's resourceId convention for ``resource_type`` so both sources meet in one
    record; ``note`` says where CloudTrail cannot give Config's id, and what stable id was chosen instead.
    A tag call (kind UPDATED) reads the keys it sets from ``tags`` and the keys it removes from ``untags``; its
    ``ids`` may be ARNs of any type (the type is read from the ARN) and ids of other types are passed over, so one
    call that tags an instance and a volume gives a change for each. With ``replaces_tags`` the call sets the whole
    tag set (S3's PutBucketTagging; without ``tags``: DeleteBucketTagging leaves none).
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
    untags: str | None = None  # tag calls: path to the tag keys the call removed
    replaces_tags: bool = False  # tag calls: the call replaces the whole tag set
    fixture: str | None = None  # tests/events/<fixture>.json; default cloudtrail_<event_in_snake_case>

    @property
    def fixture_name(self) -> str:
        """The realistic event under tests/events/ that the meta-tests parse for this call."""
        return self.fixture or "cloudtrail_" + snake(_API_VERSION.sub("", self.event))

    @property
    def service(self) -> str:
        """The service prefix of the event source, e.g. ``ec2``."""
        return self.source.split(".", 1)[0]


def snake(name: str) -> str:
    """``CreateDBInstance`` -> ``create_db_instance``."""
    return _CAMEL.sub("_", name).lower()


def created(source: str, event: str, resource_type: str, ids: str, **extra: Any) -> TrailCall:
    """A row for a call that creates resources."""
    return TrailCall(source, event, resource_type, ChangeKind.CREATED, ids, **extra)


def deleted(source: str, event: str, resource_type: str, ids: str, **extra: Any) -> TrailCall:
    """A row for a call that deletes resources (or schedules their deletion, which stops the cost clock)."""
    return TrailCall(source, event, resource_type, ChangeKind.DELETED, ids, **extra)


def tagged(source: str, event: str, resource_type: str, ids: str, **extra: Any) -> TrailCall:
    """A row for a call that adds (``tags``) or removes (``untags``) some tags of existing resources."""
    return TrailCall(source, event, resource_type, ChangeKind.UPDATED, ids, **extra)
