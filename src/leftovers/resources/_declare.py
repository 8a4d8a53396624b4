"""The declaration of one resource type: everything Leftovers knows about it, in one place (as Custodian's TypeInfo)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from leftovers.core.pricing import Estimator
from leftovers.resources._calls import TrailCall
from leftovers.resources._checks import Describe

ARN_HEAD = r"arn:[\w-]+:{service}:(?P<region>[\w-]*):(?P<account>\d*):"


@dataclass(frozen=True, slots=True)
class Arn:
    """An ARN shape ``arn:<partition>:<service>:<region>:<account>:<resource>``.

    ``resource`` is a regex in which ``{id}`` stands for the type's id (AWS Config's resourceId); without ``{id}``
    the whole ARN is the id (as Config keys SNS topics, v2 load balancers, secrets...).
    """

    service: str  # the ARN's service part, e.g. "elasticloadbalancing"
    resource: str

    def pattern(self, id_pattern: str) -> re.Pattern[str]:
        """The compiled ARN regex, with named groups ``region``, ``account`` and (when in the ARN) ``id``."""
        resource = self.resource.replace("{id}", f"(?P<id>{id_pattern})")
        return re.compile(ARN_HEAD.format(service=re.escape(self.service)) + resource + "$")


@dataclass(frozen=True, slots=True)
class ResourceType:
    """One AWS resource type as every part of Leftovers sees it; the service modules of this package declare them.

    ``calls`` are the CloudTrail calls that create, delete or tag it; ``check`` the describe call that tells whether
    one still exists (``None``: the generic Cloud Control check); ``details`` the Config configuration paths that
    price it or tell AWS-made resources apart; ``cost`` the estimator that prices those details.
    """

    type: str  # AWS Config / CloudFormation type name, e.g. "AWS::EC2::Volume"
    config: bool  # whether AWS Config's recorder can record it (botocore's Config ResourceType enum)
    id_pattern: str  # regex every id of this type matches in full (AWS Config's resourceId convention)
    calls: tuple[TrailCall, ...] = ()
    arn: Arn | None = None  # None: ARNs of this type do not carry its id (not adoptable from the tagging API)
    check: Describe | None = None
    tagging: bool = True  # the Resource Groups Tagging API lists and tags it
    cost: Estimator | None = None
    console: str | None = None  # URL template over {id} {name} {region}
    details: tuple[str, ...] = ()  # Config ``configuration`` paths ("ClusterConfig.InstanceType")
    name_in_arn: str | None = None  # regex over Config's ARN id whose group 1 is the name CloudTrail keys it by
    # Without a ``check``: Cloud Control's identifier (its CloudFormation primary identifier), a template over {id}
    # and {name}; None when it cannot be built from the record (the type then stays unchecked).
    cloudcontrol_id: str | None = "{id}"
    read_actions: tuple[str, ...] = ()  # without a ``check``: the type's own read permissions Cloud Control uses

    @property
    def actions(self) -> tuple[str, ...]:
        """The IAM actions reconcile needs to check this type (through Cloud Control: its own read permissions
        too)."""
        if self.check is not None:
            return (self.check.action,)
        return ("cloudcontrol:GetResource", *self.read_actions) if self.cloudcontrol_id is not None else ()

    @property
    def listable(self) -> bool:
        """True when Cloud Control's ListResources names resources by this type's ids (backfill may adopt them)."""
        return self.check is None and self.cloudcontrol_id == "{id}"

    @property
    def arn_pattern(self) -> re.Pattern[str] | None:
        """The compiled ARN regex, or ``None`` when the type declares no ARN shape."""
        return None if self.arn is None else self.arn.pattern(self.id_pattern)
