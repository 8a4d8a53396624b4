"""Tag calls change some keys of a resource's tags (``ResourceChange.tag_delta``), never the whole map."""

from __future__ import annotations

from leftovers.core.deadlines import Schedule
from leftovers.core.lifecycle import Outcome, apply
from leftovers.core.model import Resource, ResourceChange
from tests.support.changes import change

SCHEDULE = Schedule()


def fold(changes: list[ResourceChange]) -> Resource:
    record = None
    for c in changes:
        record, _ = apply(record, c, SCHEDULE)
    assert record is not None
    return record


def test_a_delta_adds_and_removes_keys_and_keeps_the_others() -> None:
    created = fold([change("created", 0, source="cloudtrail", name="web", tags={"Name": "web", "env": "dev"})])
    tagged, outcome = apply(created, change("updated", 5, source="cloudtrail", tag_delta={"keep": "true", "env": None}),
                            SCHEDULE)  # fmt: skip

    assert outcome is Outcome.UPDATED
    assert dict(tagged.tags) == {"Name": "web", "keep": "true"}
    assert tagged.name == "web"


def test_a_delta_older_than_what_is_known_is_left_to_the_next_full_read() -> None:
    """Add keep at minute 5, remove it at minute 9, delivered in reverse: keep stays removed."""
    created = change("created", 0, source="cloudtrail", tags={"Name": "web"})
    add = change("updated", 5, source="cloudtrail", tag_delta={"keep": "true"})
    remove = change("updated", 9, source="cloudtrail", tag_delta={"keep": None})

    assert dict(fold([created, remove, add]).tags) == {"Name": "web"}
    assert dict(fold([created, add, remove]).tags) == {"Name": "web"}


def test_a_delta_repeated_changes_nothing() -> None:
    tagged = fold([change("created", 0, tags={"a": "1"}), change("updated", 5, tag_delta={"b": "2"})])
    again, outcome = apply(tagged, change("updated", 5, tag_delta={"b": "2"}), SCHEDULE)
    assert outcome is Outcome.UNCHANGED
    assert again == tagged


def test_a_newer_full_tag_map_replaces_what_a_delta_added() -> None:
    record = fold([
        change("created", 0, tags={"a": "1"}),
        change("updated", 5, tag_delta={"keep": "true"}),
        change("updated", 9, tags={"a": "1"}),  # Config's item after someone removed keep in the console
    ])  # fmt: skip
    assert dict(record.tags) == {"a": "1"}
