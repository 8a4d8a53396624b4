"""Meta-tests over every declared resource type (as Custodian's test_policy.py): each declaration against botocore's
service models, AWS Config's type enum, IAM's action syntax and its own fixture event."""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import botocore.model
import botocore.session
import pytest

import leftovers.resources
from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.adapters.sources.cloudtrail.paths import locate
from leftovers.core.model import ChangeKind
from leftovers.resources import ResourceType, TrailCall, all_calls, all_types, arn_rows, key_of, service_modules
from tests.support.events import EVENTS, load_event

SESSION = botocore.session.get_session()
TYPES = all_types()
CALLS = [(t, call) for t in TYPES for call in t.calls]
ANY_TYPE_CALLS = [call for call in all_calls() if call.resource_type == "*"]  # the tagging API's
IAM_ACTION = re.compile(r"[a-z0-9-]+:[A-Za-z0-9]+")
# CloudTrail names a few request fields unlike the API model does (S3 says bucketName for the Bucket member).
CLOUDTRAIL_NAMES = {"bucketname": "bucket"}


def _type_id(t: ResourceType) -> str:
    return t.type


def _call_id(pair: tuple[ResourceType, TrailCall]) -> str:
    return f"{pair[1].service}:{pair[1].event}->{pair[0].type}"


@cache
def _services_by_prefix() -> dict[str, list[str]]:
    """CloudTrail event source prefix -> botocore service names (``es`` is both ``es`` and ``opensearch``)."""
    found: dict[str, list[str]] = {}
    for name in SESSION.get_available_services():
        metadata = SESSION.get_service_model(name).metadata
        prefixes = {metadata.get("endpointPrefix", name).rsplit(".", 1)[-1], metadata.get("signingName", name)}
        for prefix in prefixes:  # "api.ecr" signs as "ecr", as CloudTrail names the source
            found.setdefault(prefix, []).append(name)
    return found


def _operations(t: ResourceType | None, call: TrailCall) -> list[botocore.model.OperationModel]:
    """The operations the call may be, the type's own describe service first (ELB v1/v2 share an event source)."""
    services = list(_services_by_prefix().get(call.service, []))
    if t is not None and t.check is not None and t.check.service in services:
        services.remove(t.check.service)
        services.insert(0, t.check.service)
    name = re.sub(r"\d{8}(v\d+)?$", "", call.event)  # Lambda's event names carry the API version
    models = [SESSION.get_service_model(s) for s in services]
    return [m.operation_model(name) for m in models if name in m.operation_names]


def _norm(name: str) -> str:
    name = name.lower()
    name = CLOUDTRAIL_NAMES.get(name, name)
    return name.removesuffix("set").removesuffix("s")  # CloudTrail renders EC2 lists as "xxxSet"


def _step(
    shape: botocore.model.Shape, step: str, operation: str, parent: botocore.model.Shape | None = None
) -> botocore.model.Shape | None:
    """The shape a path step reaches, following CloudTrail's renderings; ``None`` when it reaches nothing."""
    if isinstance(parent, botocore.model.ListShape) and not isinstance(shape, botocore.model.StructureShape):
        # EC2 renders a list of scalars as items named after the list, {"items": [{"resourceId": "i-..."}]}, or
        # (wrapped calls) as {"tag": 1, "content": "vpce-..."}
        return shape if step == "content" or _norm(step) == _norm(parent.serialization.get("name", "-")) else None
    if isinstance(shape, botocore.model.ListShape):
        shape = shape.member
        if step in ("items", "item") or _norm(step) == _norm(shape.serialization.get("name", "-")):
            return shape  # CloudTrail's XML list wrappers ({"items": [...]}, S3's {"Tag": [...]})
        if step == "content" and not isinstance(shape, botocore.model.StructureShape):
            return shape  # a wrapped EC2 call's list item: {"tag": 1, "content": "vpce-..."}
    if not isinstance(shape, botocore.model.StructureShape):
        return None
    if step in (f"{operation}Request", f"{operation}Response"):  # EC2 wraps some calls in the shape's name
        return shape
    for member_name, member in shape.members.items():
        names = {_norm(member_name), _norm(member.serialization.get("name", member_name))}
        if _norm(step) in names:
            return member
    wrappers = [m for m in shape.members.values() if isinstance(m, botocore.model.StructureShape)]
    if len(shape.members) == 1 and wrappers:  # CloudTrail flattens a single wrapping member (RDS's DBInstance)
        return _step(wrappers[0], step, operation)
    return None


def _path_exists(operation: botocore.model.OperationModel, path: str) -> bool:
    """True when every alternative of ``path`` walks the operation's input or output shape."""
    for alternative in path.split("|"):
        part, _, rest = alternative.partition(".")
        shape = {"requestParameters": operation.input_shape, "responseElements": operation.output_shape}[part]
        parent = None
        for step in rest.split("."):
            if isinstance(shape, botocore.model.MapShape):
                break  # tag maps and attribute maps name their keys in documentation only
            found = _step(shape, step.removesuffix("[]"), operation.name, parent) if shape is not None else None
            if found is None:
                return False
            parent, shape = shape, found
    return True


def _paths(call: TrailCall) -> list[str]:
    return [
        p
        for p in (call.ids, call.name, call.arn_path, call.tags, call.when, call.skip_if, call.untags,
                  *call.details.values())
        if p
    ]  # fmt: skip


EVERY_CALL = [*CALLS, *((None, call) for call in ANY_TYPE_CALLS)]


def _any_call_id(pair: tuple[ResourceType | None, TrailCall]) -> str:
    return f"{pair[1].service}:{pair[1].event}->{pair[0].type if pair[0] else '*'}"


@pytest.mark.parametrize("pair", EVERY_CALL, ids=_any_call_id)
def test_each_call_is_an_operation_of_its_service(pair: tuple[ResourceType | None, TrailCall]) -> None:
    t, call = pair
    assert _operations(t, call), f"{call.event} is no operation of any {call.service} service in botocore"


@pytest.mark.parametrize("pair", EVERY_CALL, ids=_any_call_id)
def test_each_path_a_call_reads_is_in_the_operations_shapes(pair: tuple[ResourceType | None, TrailCall]) -> None:
    t, call = pair
    operations = _operations(t, call)
    missing = [p for p in _paths(call) if not any(_path_exists(op, p) for op in operations)]
    assert missing == [], f"{call.event}: not in {[op.name for op in operations]}'s input/output shapes"


@pytest.mark.parametrize("t", [t for t in TYPES if t.check is not None], ids=_type_id)
def test_each_describe_call_is_an_operation_of_its_service(t: ResourceType) -> None:
    assert t.check is not None
    assert t.check.operation in SESSION.get_service_model(t.check.service).operation_names


@pytest.mark.parametrize("t", TYPES, ids=_type_id)
def test_config_records_the_type_exactly_when_the_declaration_says_so(t: ResourceType) -> None:
    enum = SESSION.get_service_model("config").shape_for("ResourceType").enum
    assert (t.type in enum) is t.config


@pytest.mark.parametrize("t", TYPES, ids=_type_id)
def test_each_iam_action_is_well_formed(t: ResourceType) -> None:
    for action in t.actions:
        assert IAM_ACTION.fullmatch(action), action


@pytest.mark.parametrize("t", TYPES, ids=_type_id)
def test_each_call_reads_ids_of_this_type_and_only_calls_of_it(t: ResourceType) -> None:
    assert all(call.resource_type == t.type for call in t.calls)
    assert re.compile(t.id_pattern).pattern  # compiles
    if t.calls:
        kinds = {call.kind for call in t.calls}
        assert {ChangeKind.CREATED, ChangeKind.DELETED} <= kinds, f"{t.type} is only ever {kinds}"


def _fanned_out(record: dict[str, Any], call: TrailCall) -> int:
    return len(locate(record["detail"], call.ids)) if "[]" in call.ids else 1


@pytest.mark.parametrize("pair", CALLS, ids=_call_id)
def test_each_call_has_a_fixture_that_parses_to_ids_of_its_type(pair: tuple[ResourceType, TrailCall]) -> None:
    t, call = pair
    path = EVENTS / f"{call.fixture_name}.json"
    assert path.exists(), f"no fixture {path.name} for {call.event} ({t.type})"
    event = load_event(call.fixture_name)
    changes = parse_cloudtrail_event(event).changes

    if call.kind is ChangeKind.UPDATED:  # a tag call may name resources of several types: this type's are there
        changes = tuple(c for c in changes if c.key.resource_type == t.type)
        assert changes, f"{path.name} tags no {t.type}"
        assert all(c.tags is not None or c.tag_delta for c in changes)
    else:
        assert {(c.key.resource_type, c.kind) for c in changes} == {(t.type, call.kind)}
        assert len({c.key for c in changes}) == len(changes) == _fanned_out(event, call)  # one record per resource
    for change in changes:
        assert re.fullmatch(t.id_pattern, change.key.resource_id), f"{change.key.resource_id!r} is no {t.type} id"
        assert (change.key.account, change.key.region) == (event["account"], event["region"])
        if change.arn and t.arn is not None:
            assert key_of(change.arn, event["account"], event["region"]) == change.key, change.arn


@pytest.mark.parametrize("call", ANY_TYPE_CALLS, ids=lambda c: c.event)
def test_each_call_about_any_type_has_a_fixture_naming_covered_types(call: TrailCall) -> None:
    changes = parse_cloudtrail_event(load_event(call.fixture_name)).changes
    assert len({c.key.resource_type for c in changes}) >= 2
    assert all(c.kind is ChangeKind.UPDATED and c.tag_delta for c in changes)


def test_fan_out_calls_give_one_record_per_resource_on_a_call_with_several() -> None:
    several = {
        name: len(parse_cloudtrail_event(load_event(name)).changes)
        for name in ("cloudtrail_run_instances", "cloudtrail_create_snapshots", "cloudtrail_terminate_instances")
    }
    assert several == dict.fromkeys(several, 2)  # fmt: skip


def test_no_arn_shape_matches_an_arn_of_another_type() -> None:
    arns = [c.arn for _, call in CALLS for c in parse_cloudtrail_event(load_event(call.fixture_name)).changes if c.arn]
    for arn in arns:
        matching = [rtype for pattern, rtype in arn_rows() if pattern.match(arn)]
        assert len(matching) <= 1, f"{arn} matches {matching}"


def test_types_are_declared_once_and_cover_the_migrated_tables() -> None:
    assert len({t.type for t in TYPES}) == len(TYPES)
    assert sum(1 for t in TYPES if t.calls) >= 150  # issue 12: 150 or more types through CloudTrail
    assert sum(1 for t in TYPES if t.check is not None) >= 50


RESOURCES = Path(leftovers.resources.__file__).parent
BANNED_ROOTS = {"boto3", "botocore", "os", "urllib", "http", "click"}


@pytest.mark.parametrize("module", sorted(RESOURCES.glob("*.py")), ids=lambda p: p.name)
def test_registry_modules_are_pure_data(module: Path) -> None:
    tree = ast.parse(module.read_text())
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported & BANNED_ROOTS == set()
    if not module.name.startswith("_"):
        assert module.stem in service_modules(), "a service module is found without being listed anywhere"
        declared = importlib.import_module(f"leftovers.resources.{module.stem}")
        assert getattr(declared, "TYPES", ()) or getattr(declared, "CALLS", ()), module.name
