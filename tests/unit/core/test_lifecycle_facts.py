"""An empty tag map, an empty name and a removed tag are facts: older events must not fill them in."""

from __future__ import annotations

from leftovers.core.lifecycle import apply
from leftovers.core.model import Resource, ResourceChange
from leftovers.core.policy import Policy
from tests.support.changes import change

POLICY = Policy()


def fold(changes: list[ResourceChange]) -> Resource:
    record: Resource | None = None
    for c in changes:
        record, _ = apply(record, c, POLICY)
    assert record is not None
    return record


def test_a_recreated_resource_does_not_inherit_the_old_tags_when_events_arrive_out_of_order() -> None:
    """The issue's example: created 00:16 (Owner=alice), OK 00:17 (+keep), deleted 00:18, re-created 00:19 bare."""
    created = change("created", 16, tags={"Owner": "alice"})
    kept = change("updated", 17, tags={"Owner": "alice", "leftovers:keep": "true"})
    deleted = change("deleted", 18)
    recreated = change("created", 19, tags={})
    in_order = fold([created, kept, deleted, recreated])
    late = fold([created, recreated, kept, deleted])
    assert POLICY.owner(in_order) is None
    assert (POLICY.owner(late), POLICY.kept_until(late), late.next_due_at) == (None, None, in_order.next_due_at)
    assert dict(late.tags or {}) == {}


def test_a_removed_name_stays_removed_when_the_older_update_arrives_last() -> None:
    named = change("created", 0, name="web", tags={"Name": "web"})
    renamed = change("updated", 5, name="", tags={})
    assert fold([named, renamed]).name == fold([renamed, named]).name == ""


def test_tags_never_stated_are_unknown_and_filled_by_an_older_event() -> None:
    bare = change("created", 10, source="cloudtrail")
    tagged = change("updated", 5, tags={"Owner": "alice"})
    assert fold([change("created", 0), bare]).tags is None
    assert dict(fold([change("created", 0), bare, tagged]).tags or {}) == {"Owner": "alice"}
