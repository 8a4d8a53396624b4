"""How to ask a type's own service whether resources exist (a describe row), and builders that keep rows short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

NOT_FOUND = ""  # a gone-error pattern that matches any message
# boto3 client names whose IAM action prefix differs.
IAM_PREFIX = {
    "elbv2": "elasticloadbalancing",
    "elb": "elasticloadbalancing",
    "stepfunctions": "states",
    "opensearch": "es",
    "emr": "elasticmapreduce",
    "efs": "elasticfilesystem",
    "apigatewayv2": "apigateway",
    "kinesisanalyticsv2": "kinesisanalytics",
    "opensearchserverless": "aoss",
    "cloudhsmv2": "cloudhsm",
    "mwaa": "airflow",
    "cloudcontrol": "cloudformation",
}


@dataclass(frozen=True, slots=True)
class Describe:
    """How to ask a service whether resources of one type exist.

    Batched rows put up to ``batch`` ids in ``filter`` (an EC2/RDS filter) or ``ids_param`` (a list parameter
    that leaves out ids it does not know): an id missing from the answer is gone. Other rows make one call per
    resource with ``params`` (templates over ``{id}``, ``{name}`` and ``id_regex``'s named groups; a one-item
    tuple makes a list), and an error listed in ``gone_errors`` means gone.
    """

    service: str  # boto3 client name
    operation: str  # the API (and IAM action) name, e.g. "DescribeVolumes"
    items: str  # path to the returned item(s); "" is the response itself
    item_id: str | None = None  # an item's id field: matches items to ids (and rejects a namesake)
    filter: str | None = None
    filters_param: str = "Filters"  # DescribeNatGateways alone spells it "Filter"
    ids_param: str | None = None
    params: Mapping[str, str | tuple[str]] = field(default_factory=dict)
    batch: int = 1
    id_regex: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # fixed request parameters
    state: str | None = None  # path in an item to its status
    gone_states: frozenset[str] = frozenset()  # statuses that count as gone ("*": any value at all)
    gone_errors: Mapping[str, str] = field(default_factory=dict)  # error code -> regex its message must match
    created: str | None = None  # path in an item to its creation time
    permission: str | None = None  # the IAM action, where it is not named after the call

    @property
    def batched(self) -> bool:
        """True when one call asks about many ids."""
        return self.filter is not None or self.ids_param is not None

    @property
    def call_name(self) -> str:
        """The call as IAM names its service, e.g. ``ec2:DescribeVolumes``."""
        return f"{IAM_PREFIX.get(self.service, self.service)}:{self.operation}"

    @property
    def action(self) -> str:
        """The IAM action the call needs: what an access-denied reason tells the user to allow."""
        return self.permission or self.call_name


def ec2_describe(operation: str, items: str, item_id: str, filter: str, **extra: Any) -> Describe:
    """A batched EC2 describe call by filter (filters, unlike id lists, do not fail on an unknown id)."""
    return Describe("ec2", operation, items, item_id=item_id, filter=filter, batch=100, **extra)


def one(service: str, operation: str, params: Mapping[str, str | tuple[str]], items: str, **extra: Any) -> Describe:
    """A call per resource."""
    return Describe(service, operation, items, params=params, **extra)


def gone_on(*codes: str, message: str = NOT_FOUND) -> dict[str, str]:
    """Error codes that mean the resource does not exist (when the message matches ``message``)."""
    return dict.fromkeys(codes, message)


def states(*names: str) -> frozenset[str]:
    """Statuses that count as gone."""
    return frozenset(names)
