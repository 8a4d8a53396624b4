"""Bare CloudTrail records (a trail log file's entries, LookupEvents' ``CloudTrailEvent``), as real sources give
them: no EventBridge envelope, ``errorCode: ""``, ``responseElements: null``, floats, no ``recipientAccountId``."""

from __future__ import annotations

import copy

import pytest

from leftovers.adapters.sources import mapped_event_names, parse_cloudtrail_record, parse_event
from leftovers.core.errors import EventRejected
from leftovers.core.model import ChangeKind
from tests.support.events import load_event


def test_a_bare_record_gives_what_its_eventbridge_envelope_gives() -> None:
    bare = parse_event(load_event("trail_record_create_volume"))
    wrapped = parse_event(load_event("cloudtrail_create_volume"))
    assert bare == wrapped
    assert bare.changes[0].key.resource_id == "vol-0123456789abcdef0"


def test_an_empty_error_code_is_a_success() -> None:
    [change] = parse_cloudtrail_record(load_event("trail_record_empty_error_code")).changes
    assert (change.kind, change.key.resource_id) == (ChangeKind.CREATED, "acme-ml-empty-error-code")


def test_a_null_response_falls_back_to_the_ids_the_request_names() -> None:
    changes = parse_cloudtrail_record(load_event("trail_record_null_response")).changes
    assert [(c.kind, c.key.resource_id) for c in changes] == [
        (ChangeKind.DELETED, "i-0a1b2c3d4e5f60718"),
        (ChangeKind.DELETED, "i-0a1b2c3d4e5f60719"),
    ]


def test_a_null_response_without_an_id_in_the_request_is_rejected_by_name() -> None:
    record = load_event("trail_record_create_volume")
    record["responseElements"] = None
    with pytest.raises(EventRejected, match=r"^responseElements: .*responseElements is null"):
        parse_cloudtrail_record(record)


def test_whole_floats_are_read_as_integers() -> None:
    [change] = parse_cloudtrail_record(load_event("trail_record_numbers_as_floats")).changes
    assert change.details == {"size": 500, "volumeType": "gp3"}
    assert type(change.details["size"]) is int


def test_a_missing_recipient_account_comes_from_the_hint_else_from_the_caller() -> None:
    record = load_event("trail_record_no_recipient_account")
    assert parse_cloudtrail_record(record, account_hint="111122223333").changes[0].key.account == "111122223333"
    assert parse_cloudtrail_record(record).changes[0].key.account == "123456789012"
    del record["userIdentity"]["accountId"]
    with pytest.raises(EventRejected, match=r"^recipientAccountId: missing"):
        parse_cloudtrail_record(record)


def test_the_recipient_account_wins_over_the_hint() -> None:
    record = load_event("trail_record_create_volume")
    assert parse_cloudtrail_record(record, account_hint="111122223333").changes[0].key.account == "123456789012"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r.pop("eventName"), "eventName"),
        (lambda r: r.update(eventTime="yesterday"), "eventTime"),
        (lambda r: r.update(awsRegion=7), "awsRegion"),
    ],
)
def test_a_malformed_record_is_rejected_naming_the_field(change, field: str) -> None:  # type: ignore[no-untyped-def]
    record = copy.deepcopy(load_event("trail_record_create_volume"))
    change(record)
    with pytest.raises(EventRejected) as caught:
        parse_cloudtrail_record(record)
    assert caught.value.field == field


def test_mapped_event_names_hold_the_creates_and_deletes() -> None:
    names = mapped_event_names()
    assert {"RunInstances", "TerminateInstances", "CreateBucket", "DeleteVolume"} <= names
    assert "DescribeInstances" not in names
