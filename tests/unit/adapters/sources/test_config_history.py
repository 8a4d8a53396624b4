"""Config history files and GetResourceConfigHistory output, item by item through the Config parser."""

from __future__ import annotations

import pytest

from leftovers.adapters.sources import parse_event
from leftovers.adapters.sources.config_history import history_items, is_config_history, parse_config_item
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind
from tests.support.events import load_event


def test_a_history_file_item_parses_as_its_notification_does() -> None:
    document = load_event("history_config_file")
    assert is_config_history(document)
    [(_, first), *_] = history_items(document)
    assert parse_config_item(first) == parse_event(load_event("config_discovered_ebs_volume")["detail"])


def test_every_item_of_a_history_file() -> None:
    kinds = []
    for _, item in history_items(load_event("history_config_file")):
        try:
            kinds.append(parse_config_item(item).changes[0].kind)
        except EventRejected as exc:
            kinds.append(exc.field)
    assert kinds == [
        ChangeKind.CREATED,
        ChangeKind.CREATED,
        ChangeKind.UPDATED,
        ChangeKind.DELETED,
        "configurationItem.resourceType",
    ]


def test_the_api_shape_gives_the_same_change_as_the_file_shape() -> None:
    api = dict(history_items(load_event("history_get_resource_config_history")))
    file = dict(history_items(load_event("history_config_file")))
    from_api, from_file = parse_config_item(api[1]).changes[0], parse_config_item(file[0]).changes[0]
    assert from_api == from_file
    assert from_api.details
    newest = parse_config_item(api[0]).changes[0]
    assert newest.tags == {"Name": "bench-runner", "Owner": "hanako", "keep": "2026-12-31"}


def test_a_cloudtrail_log_is_not_config_history() -> None:
    assert not is_config_history({"Records": []})
    assert not is_config_history([])


@pytest.mark.parametrize("item", ["text", {"configuration": "{not json", "resourceType": "AWS::EC2::Volume"}])
def test_a_bad_item_is_rejected_by_name(item: object) -> None:
    with pytest.raises(EventRejected, match=r"^configurationItem"):
        parse_config_item(item)
