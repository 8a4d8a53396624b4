"""The resource-type registry: every AWS resource type Leftovers knows, declared once, one module per AWS service.

Each service module (``ec2.py``, ``rds.py``...) holds ``TYPES``, a tuple of ``ResourceType`` declarations (and may
hold ``CALLS``, CloudTrail calls about resources of any type, as the tagging API's); modules are found automatically
(names starting with ``_`` hold the declaration API). Every other table is derived from
the declarations: the CloudTrail call table and its EventBridge pattern, the describe table, the ARN patterns, the
Config details, the README coverage table and the reconcile role's IAM actions (``make regen``).

Adding a resource type
----------------------
1. In the service's module (or a new ``src/leftovers/resources/<service>.py`` with ``TYPES = (...)``), add one
   ``ResourceType``: its Config type name, ``config=`` whether botocore's Config ``ResourceType`` enum lists it,
   ``id_pattern`` (AWS Config's resourceId convention), the CloudTrail ``calls`` (``created``/``deleted``/``tagged``
   with the paths to id, name, ARN, tags and cost details), its ``arn`` shape, and a ``check`` (a describe row;
   leave it out to use Cloud Control).
2. Save one real-format EventBridge event per call as ``tests/events/cloudtrail_<event_in_snake_case>.json``
   (``TrailCall.fixture_name``; set ``fixture=`` when two services share the event name), account 123456789012.
3. Run ``make regen`` (README coverage table, template IAM list and event pattern), then
   ``.venv/bin/pytest -q tests/unit/resources`` (the meta-tests check every declaration against botocore's models
   and its fixture) and ``make lint``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

from leftovers.resources._arns import arn_rows, key_of
from leftovers.resources._calls import TrailCall, created, deleted, tagged
from leftovers.resources._checks import Describe, ec2_describe, gone_on, one, states
from leftovers.resources._declare import Arn, ResourceType

__all__ = [
    "Arn",
    "Describe",
    "ResourceType",
    "TrailCall",
    "all_calls",
    "all_types",
    "arn_rows",
    "by_type",
    "created",
    "deleted",
    "ec2_describe",
    "gone_on",
    "key_of",
    "one",
    "service_modules",
    "states",
    "tagged",
]


@cache
def service_modules() -> tuple[str, ...]:
    """The names of the service modules in this package (every module whose name does not start with ``_``)."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


@cache
def all_types() -> tuple[ResourceType, ...]:
    """Every declared type, service module by module; a type declared twice is an error."""
    found: dict[str, ResourceType] = {}
    for name in service_modules():
        for declared in getattr(_module(name), "TYPES", ()):
            if declared.type in found:
                raise ValueError(f"{declared.type} is declared twice (again in resources/{name}.py)")
            found[declared.type] = declared
    return tuple(found.values())


@cache
def all_calls() -> tuple[TrailCall, ...]:
    """Every declared CloudTrail call: each type's, then the calls about any type (module-level ``CALLS``)."""
    general = (call for name in service_modules() for call in getattr(_module(name), "CALLS", ()))
    return (*(call for declared in all_types() for call in declared.calls), *general)


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


@cache
def by_type() -> dict[str, ResourceType]:
    """Every declared type by its type name."""
    return {t.type: t for t in all_types()}
