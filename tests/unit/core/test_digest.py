"""The digest's wording: resources AWS created on someone's behalf are shown apart."""

from __future__ import annotations

from datetime import timedelta

from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.rich_text import plain_line
from leftovers.service.ingest import ingest
from tests.support.events import load_event


def digest_of(fixture: str, language: str = "en") -> tuple[Digest, DigestEntry]:
    store = MemoryStore()
    ingest(store, parse_event(load_event(fixture)).changes, Schedule())
    (record,) = list(store.scan())
    assert record.created_at is not None
    entry = DigestEntry(record)
    return Digest(at=record.created_at + timedelta(hours=2), timezone="UTC", entries=(entry,), language=language), entry


def test_a_resource_an_aws_service_made_says_who_made_it_for_you() -> None:
    digest, entry = digest_of("cloudtrail_autoscaling_run_instances")
    assert "created for you by autoscaling.amazonaws.com" in plain_line(digest.line(entry))
    ja, ja_entry = digest_of("cloudtrail_autoscaling_run_instances", "ja")
    assert "autoscaling.amazonaws.com が代理で作成" in plain_line(ja.line(ja_entry))


def test_a_resource_a_person_made_does_not() -> None:
    digest, entry = digest_of("cloudtrail_create_bucket")
    assert "for you" not in plain_line(digest.line(entry))
