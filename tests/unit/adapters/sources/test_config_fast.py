"""The fast Config line reader gives exactly what the general path gives: the same change, or the same rejection."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leftovers.adapters.sources import files, parse_event
from leftovers.adapters.sources.config import KEY_FIELDS, STATUS_KIND
from leftovers.adapters.sources.config_details import DETAILS
from leftovers.adapters.sources.config_fast import config_change_fields
from leftovers.core.errors import EventRejected

EVENTS = Path(__file__).resolve().parents[4] / "tests" / "events"
TEMPLATE = json.loads((EVENTS / "config_discovered_ec2_instance.json").read_text())


def outcomes(lines: list[bytes], tmp_path: Path) -> list[object]:
    """What ``ingest`` makes of each line, through the real reader: the parse, the rejection or the read error."""
    path = tmp_path / "events.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    found: list[object] = []
    for raw in files.read_events(str(path)):
        try:
            found.append(("error", raw.error) if raw.error else ("parsed", parse_event(raw.event)))
        except EventRejected as exc:
            found.append(("rejected", str(exc)))
    return found


def both_paths(lines: list[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """The outcomes with the fast reader, then with it switched off (the general path alone)."""
    fast = outcomes(lines, tmp_path)
    with monkeypatch.context() as m:
        m.setattr(files, "config_change_fields", lambda line: None)
        general = outcomes(lines, tmp_path)
    return fast, general


def fixture_lines() -> list[bytes]:
    found = []
    for path in sorted(EVENTS.glob("*.json")):
        event = json.loads(path.read_text())
        found += [json.dumps(e).encode() for e in (event if isinstance(event, list) else [event])]
    return found


def test_every_fixture_event_gives_the_same_outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = fixture_lines()
    fast, general = both_paths(lines, tmp_path, monkeypatch)
    assert fast == general
    taken = [line for line in lines if config_change_fields(line) is not None]
    assert len(taken) >= 20  # the Config fixtures do go the fast way


def with_item(change: Callable[[dict[str, Any]], None], top: dict[str, Any] | None = None) -> bytes:
    event = json.loads(json.dumps(TEMPLATE))
    change(event["detail"]["configurationItem"])
    event.update(top or {})
    return json.dumps(event).encode()


EDGES = {
    "invalid UTF-8 in a field the reader skips": with_item(
        lambda i: i.update(supplementaryConfiguration="\udcff")
    ).replace(b"\\udcff", b"\xff"),
    "a lone surrogate escape in a skipped field": with_item(lambda i: i.update(relationships="\ud800")),
    "a lone surrogate in the name": with_item(lambda i: i.update(resourceName="\ud800")),
    "NaN in a skipped field": with_item(lambda i: None).replace(b'"version": "1.3"', b'"version": NaN'),
    "infinity in a detail": with_item(lambda i: i["configuration"].update(instanceType=1)).replace(
        b'"instanceType": 1', b'"instanceType": 1e400'
    ),
    "an integer of 5,000 digits in a skipped field": with_item(lambda i: i.update(x=1)).replace(
        b'"x": 1', b'"x": ' + b"9" * 5000
    ),
    "an integer of 5,000 digits in a detail": with_item(lambda i: i["configuration"].update(instanceType=1)).replace(
        b'"instanceType": 1', b'"instanceType": ' + b"9" * 5000
    ),
    "a detail past the parser's range": with_item(lambda i: i["configuration"].update(instanceType=10**16)),
    "a duplicate status, the last one counting": with_item(lambda i: None).replace(
        b'"configurationItemStatus": "ResourceDiscovered"',
        b'"configurationItemStatus": "ResourceDiscovered", "configurationItemStatus": "ResourceDeleted"',
    ),
    "an escaped key": with_item(lambda i: None).replace(b'"detail-type"', b'"detail\\u002dtype"'),
    "nested too deeply in a skipped field": with_item(lambda i: i.update(x=1)).replace(
        b'"x": 1', b'"x": ' + b"[" * 5000 + b"]" * 5000
    ),
    "an SNS envelope": with_item(lambda i: None, {"Type": "Notification", "Message": json.dumps(TEMPLATE)}),
    "a CloudTrail detail type": with_item(lambda i: None, {"detail-type": "AWS API Call via CloudTrail"}),
    "a configuration that is a string": with_item(lambda i: i.update(configuration="x")),
    "a null configuration": with_item(lambda i: i.update(configuration=None)),
    "a detail that is a list": with_item(lambda i: None, {"detail": []}),
    "only the older 'arn' spelling": with_item(lambda i: i.update(arn=i.pop("ARN")), {"resources": []}),
    "no ARN anywhere but the envelope": with_item(lambda i: i.pop("ARN")),
    "a null name and a Name tag": with_item(lambda i: i.update(resourceName=None, tags={"Name": "web"})),
    "a stack keyed by the name in its ARN": with_item(
        lambda i: i.update(resourceType="AWS::CloudFormation::Stack", resourceId="arn:aws:cloudformation:x:1:stack/s/u")
    ),
    "a route table's nested detail": with_item(
        lambda i: i.update(resourceType="AWS::EC2::RouteTable", configuration={"associations": [{"main": True}]})
    ),
    "trailing garbage": with_item(lambda i: None) + b" x",
    "a control character in a skipped string": with_item(lambda i: i.update(x="a")).replace(b'"a"', b'"\x01"'),
}


@pytest.mark.parametrize("line", EDGES.values(), ids=EDGES.keys())
def test_an_odd_line_gives_the_same_outcome(line: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, general = both_paths([line], tmp_path, monkeypatch)
    assert fast == general


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
ABSENT = object()


def maybe(common: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes any JSON value, sometimes absent."""
    return st.one_of(common, common, common, JSON, st.just(ABSENT))


@st.composite
def config_events(draw: st.DrawFn) -> bytes:
    """The EC2 fixture with every field the parser reads drawn, plausible or not."""
    event = json.loads(json.dumps(TEMPLATE))
    item = event["detail"]["configurationItem"]
    resource_type = draw(st.sampled_from([*DETAILS, "AWS::CloudFormation::Stack", "AWS::S3::Bucket", "bad"]))
    configuration = {
        path.split(".")[0]: draw(JSON) for path in DETAILS.get(resource_type, ()) if draw(st.booleans())
    } | {"associations": [{"main": draw(JSON)}]}
    drawn = {
        "configurationItemStatus": maybe(st.sampled_from([*STATUS_KIND, "Bogus"])),
        "resourceType": st.just(resource_type),
        "awsAccountId": maybe(st.sampled_from(["123456789012", "12345"])),
        "awsRegion": maybe(st.sampled_from(["us-east-1", "global", "Bad Region"])),
        "resourceId": maybe(st.text(min_size=1, max_size=12) | st.just("arn:aws:cloudformation:x:1:stack/s/u")),
        "configurationItemCaptureTime": maybe(st.sampled_from(["2026-01-01T00:00:00Z", "2026-13-01", "1-01-01Z"])),
        "resourceName": maybe(st.text(max_size=8) | st.none()),
        "ARN": maybe(st.text(max_size=8)),
        "arn": maybe(st.text(max_size=8)),
        "tags": maybe(st.dictionaries(st.text(max_size=5), st.text(max_size=5) | st.integers(), max_size=3)),
        "configuration": maybe(st.just(configuration) | st.none()),
    }
    for field, strategy in drawn.items():
        value = draw(strategy)
        item.pop(field, None) if value is ABSENT else item.__setitem__(field, value)
    if draw(st.booleans()):
        event["detail"]["configurationItemSummary"] = event["detail"].pop("configurationItem")
        event["detail"]["messageType"] = "OversizedConfigurationItemChangeNotification"
    envelope = {"id": maybe(st.text(max_size=8)), "resources": maybe(st.lists(st.text(max_size=8)))}
    for field, strategy in envelope.items():
        value = draw(strategy)
        event.pop(field, None) if value is ABSENT else event.__setitem__(field, value)
    return json.dumps(event, ensure_ascii=draw(st.booleans())).encode()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=st.lists(config_events(), min_size=1, max_size=4))
def test_generated_events_give_the_same_outcome(
    lines: list[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, general = both_paths(lines, tmp_path, monkeypatch)
    assert fast == general


def test_key_fields_the_reader_keeps_are_the_ones_the_parser_checks() -> None:
    kept = config_change_fields(json.dumps(TEMPLATE).encode())
    assert kept is not None
    assert set(KEY_FIELDS) <= set(kept["detail"]["configurationItem"])


class Reading(Mapping[str, Any]):
    """A JSON object that notes the path of every field the parser reads (``*``: it went through all of them)."""

    def __init__(self, data: dict[str, Any], path: tuple[str, ...], read: set[tuple[str, ...]]) -> None:
        self.data, self.path, self.read = data, path, read

    def __getitem__(self, key: str) -> Any:
        self.read.add((*self.path, key))
        value = self.data[key]
        return Reading(value, (*self.path, key), self.read) if isinstance(value, dict) else value

    def __iter__(self) -> Iterator[str]:
        self.read.add((*self.path, "*"))
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def dig(event: object, path: tuple[str, ...]) -> object:
    for part in path:
        if part == "*" or not isinstance(event, dict):
            return event
        event = event.get(part, ABSENT)
    return event


@pytest.mark.parametrize("name", sorted(p.name for p in EVENTS.glob("config_*.json")))
def test_the_reader_keeps_every_field_the_parser_reads(name: str) -> None:
    """If the parser learns to read another field, this names it (the reader would otherwise drop it unseen)."""
    event = json.loads((EVENTS / name).read_text())
    kept = config_change_fields(json.dumps(event).encode())
    if kept is None:
        pytest.skip("not an EventBridge Config change: the general path reads it")
    read: set[tuple[str, ...]] = set()
    with contextlib.suppress(EventRejected):
        parse_event(Reading(event, (), read))
    # An object passed through is not read; its fields are (and "*" reads them all).
    leaves = [path for path in sorted(read) if path[-1] == "*" or not isinstance(dig(event, path), dict)]
    missing = [path for path in leaves if dig(event, path) != dig(kept, path)]
    assert not missing
    assert ("source",) in read  # the recording saw the parser at work
