"""``report --due`` and ``notify --dry-run`` do each record's policy work once: linear in the due records."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from leftovers.core import policy
from tests.support.synthetic import config_event, jsonl

AT = "2026-12-31T00:00:00Z"  # long after every synthetic creation: all are due
RECORDS = 40


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the policy read a record's tags and evaluated its ignore rules."""
    counted: Counter[str] = Counter()

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            counted[name] += 1
            return real(*args)

        return wrapper

    monkeypatch.setattr(policy, "read_tags", counting("read_tags", policy.read_tags))
    monkeypatch.setattr(policy, "first_match", counting("first_match", policy.first_match))
    return counted


@pytest.mark.parametrize(
    "command",
    [("report", "--due", "--format", "json"), ("report", "--due"), ("notify", "--dry-run")],
)
def test_each_due_record_has_its_tags_read_and_ignore_rules_checked_once(
    run, calls: Counter[str], command: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    events = [config_event(n, owner=f"user-{n}", expires="30d") for n in range(RECORDS)]
    run("ingest", "-", input=jsonl(events))
    calls.clear()  # ingest reads them too: only the command under test counts
    result = run(*command, "--at", AT)
    assert result.exit_code == 0, result.output
    assert "synthetic-7" in result.stdout
    assert 0 < calls["read_tags"] <= RECORDS
    assert calls["first_match"] <= RECORDS
