"""Tag calls from CloudTrail: which resources they name, and what they do to those resources' tags."""

from __future__ import annotations

from leftovers.adapters.sources.cloudtrail import parse_cloudtrail_event
from leftovers.core.model import ChangeKind
from leftovers.resources import all_types
from tests.support.events import load_event


def _changes(name: str) -> dict[str, object]:
    parsed = parse_cloudtrail_event(load_event(name))
    assert all(c.kind is ChangeKind.UPDATED and c.source == "cloudtrail" for c in parsed.changes)
    return {c.key.resource_id: c.tag_delta if c.tag_delta is not None else c.tags for c in parsed.changes}


def test_one_create_tags_call_updates_every_tracked_type_it_names() -> None:
    changes = parse_cloudtrail_event(load_event("cloudtrail_create_tags")).changes
    with_create_tags = {t.type for t in all_types() if any(c.event == "CreateTags" for c in t.calls)}
    assert {c.key.resource_type for c in changes} == with_create_tags
    assert {c.tag_delta["leftovers:keep"] for c in changes if c.tag_delta} == {"true"}


def test_the_tagging_api_names_resources_by_arn_and_leaves_out_those_it_failed_to_tag() -> None:
    """The events rule is no covered type; acme-locked-archive is in failedResourcesMap."""
    assert _changes("cloudtrail_tag_resources") == {
        "acme-ml-scratch-2024": {"leftovers:keep": "2024-09-30", "team": "ml"},
        "thumbnailer": {"leftovers:keep": "2024-09-30", "team": "ml"},
    }
    assert _changes("cloudtrail_untag_resources") == {
        "acme-ml-scratch-2024": {"leftovers:keep": None},
        "thumbnailer": {"leftovers:keep": None},
    }


def test_put_bucket_tagging_replaces_the_whole_set_and_delete_bucket_tagging_empties_it() -> None:
    assert _changes("cloudtrail_put_bucket_tagging") == {
        "acme-ml-scratch-2024": {"owner": "alice", "leftovers:expires": "30d"}
    }
    assert _changes("cloudtrail_delete_bucket_tagging") == {"acme-ml-scratch-2024": {}}


def test_a_tag_call_naming_nothing_tracked_is_ignored_with_a_reason() -> None:
    event = load_event("cloudtrail_tag_resources")
    event["detail"]["requestParameters"]["resourceARNList"] = ["arn:aws:events:us-east-1:123456789012:rule/x"]
    parsed = parse_cloudtrail_event(event)
    assert parsed.changes == ()
    assert parsed.ignored == "TagResources names no resource of a covered type"
