"""``leftovers ingest``: one bad event never loses the good ones around it, and is named in one line."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.cli import cli
from leftovers.core.model import Resource, ResourceKey
from tests.support.bad_events import BAD, WARNED
from tests.support.synthetic import config_event, jsonl

GOOD_BEFORE, GOOD_AFTER = jsonl([config_event(1)]).encode(), jsonl([config_event(2)]).encode()


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("LEFTOVERS_DB", str(tmp_path / "store.db"))

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def tracked_ids(run) -> set[str]:  # type: ignore[no-untyped-def]
    result = run("report", "--format", "json", "--all")
    assert result.exit_code == 0, result.output
    return {row["resource_id"] for row in json.loads(result.stdout)}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_event_between_good_ones_is_rejected_alone(run, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    line, names = BAD[case]
    path = tmp_path / "events.jsonl"
    path.write_bytes(GOOD_BEFORE + line + b"\n" + GOOD_AFTER)
    result = run("ingest", str(path))
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("2 tracked"), result.stdout
    (rejection,) = result.stderr.strip().splitlines()
    assert rejection.startswith(f"{path}:2: rejected: ")
    assert names in rejection
    assert len(rejection) < 300
    assert tracked_ids(run) == {f"i-{1:017x}", f"i-{2:017x}"}


@pytest.mark.parametrize("case", sorted(WARNED))
def test_an_unreadable_keep_or_expiry_tag_is_named_and_the_resource_still_tracked(
    run, tmp_path: Path, case: str
) -> None:  # type: ignore[no-untyped-def]
    line, names = WARNED[case]
    path = tmp_path / "events.jsonl"
    path.write_bytes(GOOD_BEFORE + line + b"\n" + GOOD_AFTER)
    result = run("ingest", str(path))
    assert "Traceback" not in result.output
    assert result.stdout.startswith("3 tracked"), result.output
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith(f"{path}:2: warning: ")
    assert names in warning
    assert len(tracked_ids(run)) == 3
    assert run("report").exit_code == 0
    assert run("notify", "--dry-run").exit_code == 0


def test_invalid_utf8_on_stdin_is_named_and_the_rest_stored(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "-", input=GOOD_BEFORE + b'{"detail": "\xff"}\n' + GOOD_AFTER)
    assert result.exit_code == 1
    assert result.stdout.startswith("2 tracked")
    assert result.stderr.strip() == "<stdin>:2: rejected: not valid UTF-8 (byte ff at column 13)"


def test_a_byte_order_mark_is_accepted(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = tmp_path / "bom.jsonl"
    lines.write_bytes(b"\xef\xbb\xbf" + GOOD_BEFORE + GOOD_AFTER)
    document = tmp_path / "bom.json"
    document.write_bytes(b"\xef\xbb\xbf" + json.dumps([config_event(3)], indent=2).encode())
    result = run("ingest", str(lines), str(document))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("3 tracked")


def test_a_file_of_blank_lines_is_named_without_a_line_that_does_not_exist(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n  \n")
    result = run("ingest", str(blank))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{blank}: rejected: no events in it (it is empty or blank)"


@pytest.mark.parametrize(
    ("value", "name"), [("null", "null"), ('"x"', "string"), ("[[1]]", "array"), ("1.5", "number"), ("true", "boolean")]
)
def test_a_value_that_is_not_an_event_is_described_by_its_json_type(run, value: str, name: str) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "-", input=f"{value}\n")
    assert result.stderr.strip().endswith(f"event: expected a JSON object, got {name}"), result.stderr


def test_a_poison_row_stored_before_the_bounds_crashes_no_command(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Rows written by an older version (no bounds at ingest) must not stop reindex, report or notify."""
    store = SQLiteStore(tmp_path / "store.db")
    key = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Instance", "i-poison")
    late = Resource(key, tags={"leftovers:expires": "3000000d"}, created_at=datetime(9999, 12, 20, tzinfo=UTC))
    store.save([late, Resource(key._replace(resource_id="i-ok"), tags={}, created_at=datetime(2026, 1, 1, tzinfo=UTC))])
    store.close()
    for args in (("--grace", "30d", "store", "reindex"), ("report",), ("report", "--due"), ("notify", "--dry-run")):
        result = run(*args)
        assert "Traceback" not in result.output
        assert result.exit_code == 0, (args, result.output)


def test_report_and_report_due_follow_one_rule_after_a_reindex_under_another_grace(run) -> None:  # type: ignore[no-untyped-def]
    """Issue 11.8: ``--grace 3d store reindex``, then both without --grace: they must agree, and say why."""
    night = "2026-11-21T00:00:00+09:00"
    run("ingest", "-", input=jsonl([config_event(1)]))
    assert run("--grace", "3d", "store", "reindex").exit_code == 0
    listed = run("report", "--format", "json", "--at", night)
    due = run("report", "--format", "json", "--due", "--at", night)
    (row,) = json.loads(listed.stdout)
    assert json.loads(due.stdout) == []  # the daily run finds it by the stored due date: in 3 days
    assert row["deadline"] == row["next_due_at"] == "2026-11-23T01:01:00Z"  # shown: when it will really be sent
    for result in (listed, due):
        assert "1 stored deadline(s) are later than this policy's: run `leftovers store reindex`" in result.stderr
    assert run("store", "reindex").exit_code == 0
    assert [r["resource_id"] for r in json.loads(run("report", "--format", "json", "--due", "--at", night).stdout)]
    assert run("report", "--at", night).stderr == ""
