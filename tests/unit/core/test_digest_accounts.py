"""Account names in the digest and the report: an account is shown by its name (with its id) when the caller knows
it, by its id alone otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from leftovers.adapters.sources import parse_event
from leftovers.adapters.stores.memory import MemoryStore
from leftovers.core.deadlines import Schedule
from leftovers.core.digest import Digest, DigestEntry
from leftovers.core.model import Resource
from leftovers.core.report import COLUMNS, report_row
from leftovers.core.rich_text import plain_line
from leftovers.service.ingest import ingest
from tests.support.events import load_event

A, B = "111111111111", "222222222222"
NAMES = {A: "sandbox-a", B: "sandbox-b"}


def volume_in(account: str) -> Resource:
    store = MemoryStore()
    ingest(store, parse_event(load_event("config_discovered_ebs_volume")).changes, Schedule())
    (record,) = list(store.scan())
    return replace(record, key=record.key._replace(account=account))


def digest(*accounts: str, names: dict[str, str] | None = None) -> Digest:
    entries = tuple(DigestEntry(volume_in(a)) for a in accounts)
    at = entries[0].resource.created_at + timedelta(hours=2)  # type: ignore[operator]
    return Digest(at=at, timezone="UTC", entries=entries, account_names=names or {})


def test_each_line_names_its_account_when_the_accounts_differ() -> None:
    d = digest(A, B, names=NAMES)
    lines = [plain_line(d.line(e)) for e in d.entries]
    assert f"sandbox-a ({A})" in lines[0]
    assert f"sandbox-b ({B})" in lines[1]
    scope = d.scope()  # the region they share; no account: each line names its own
    assert scope is not None
    assert A not in plain_line(scope)


def test_the_shared_account_is_named_once_under_the_title() -> None:
    d = digest(A, names=NAMES)
    scope = d.scope()
    assert scope is not None
    assert f"account sandbox-a ({A})" in plain_line(scope)
    assert A not in plain_line(d.line(d.entries[0]))


def test_an_account_without_a_known_name_is_shown_by_its_id() -> None:
    d = digest(A, B, names={A: "sandbox-a"})
    assert plain_line(d.line(d.entries[1])).count(B) == 1
    assert "(" + B not in plain_line(d.line(d.entries[1]))


def test_the_report_row_carries_the_account_name() -> None:
    assert report_row(volume_in(A), NAMES)["account_name"] == "sandbox-a"
    assert report_row(volume_in(A))["account_name"] is None
    assert COLUMNS.index("account_name") == COLUMNS.index("account") + 1
