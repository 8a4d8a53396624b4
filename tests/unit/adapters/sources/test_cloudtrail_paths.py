"""The path language the CloudTrail table is written in, and the tag shapes services use."""

from __future__ import annotations

import pytest

from leftovers.adapters.sources.cloudtrail.paths import PathMissing, locate, to_tags, values_or_empty

RECORD = {
    "responseElements": {
        # CloudTrail renders a one-element XML list as a lone object, a longer one as a list.
        "one": {"item": {"snapshotId": "snap-1"}},
        "two": {"item": [{"snapshotId": "snap-1"}, {"snapshotId": "snap-2"}]},
        "empty": {"item": []},
    },
    "requestParameters": {"keyId": "k-1", "ids": ["j-1", "j-2"]},
}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("responseElements.one.item[].snapshotId", [("snap-1", "detail.responseElements.one.item[0].snapshotId")]),
        (
            "responseElements.two.item[].snapshotId",
            [
                ("snap-1", "detail.responseElements.two.item[0].snapshotId"),
                ("snap-2", "detail.responseElements.two.item[1].snapshotId"),
            ],
        ),
        (
            "requestParameters.ids[]",
            [("j-1", "detail.requestParameters.ids[0]"), ("j-2", "detail.requestParameters.ids[1]")],
        ),
        ("responseElements.keyId|requestParameters.keyId", [("k-1", "detail.requestParameters.keyId")]),
    ],
)
def test_locate(path: str, expected: list[tuple[str, str]]) -> None:
    assert locate(RECORD, path) == expected


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("responseElements.empty.item[].snapshotId", "detail.responseElements.empty.item"),
        ("responseElements.missing.x", "detail.responseElements.missing"),
        ("requestParameters.keyId.deeper", "detail.requestParameters.keyId.deeper"),
        # The first alternative's failure is the more telling one.
        ("responseElements.nope|requestParameters.nope", "detail.responseElements.nope"),
    ],
)
def test_a_path_that_finds_nothing_names_the_first_missing_step(path: str, where: str) -> None:
    with pytest.raises(PathMissing) as caught:
        locate(RECORD, path)
    assert caught.value.where == where
    assert values_or_empty(RECORD, path) == []


@pytest.mark.parametrize(
    ("found", "resource_type", "expected"),
    [
        ([{"team": "data", "owner": "carol"}], None, {"team": "data", "owner": "carol"}),
        ([[{"key": "a", "value": "1"}, {"Key": "b", "Value": "2"}]], None, {"a": "1", "b": "2"}),
        ([[{"tagKey": "app", "tagValue": "orders"}]], None, {"app": "orders"}),
        ([[{"key": "flag"}]], None, {"flag": ""}),
        ([], None, None),
        ([{"resourceType": "volume", "tags": [{"key": "a", "value": "1"}]}], "instance", None),
        ([{"resourceType": "instance", "tags": []}], "instance", {}),
    ],
)
def test_to_tags(found: list[object], resource_type: str | None, expected: dict[str, str] | None) -> None:
    assert to_tags(found, resource_type) == expected
