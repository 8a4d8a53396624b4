"""Stored fields are bounded at ingest: a creator's 77 KB of tags and names cannot outgrow a row."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from leftovers.adapters.stores.sqlite import SQLiteStore
from leftovers.cli import cli
from leftovers.core.limits import CUT, MAX_NAME, MAX_TAG_CHARS, MAX_TAG_KEY, MAX_TAG_VALUE, MAX_TAGS, bounded
from tests.support.changes import change
from tests.support.synthetic import config_event, jsonl

WIDE = "𝕏"  # four bytes in UTF-8


def oversized_event() -> dict[str, object]:
    """The issue's event: 50 tags of 128/256 four-byte characters, plus a name and the tags Leftovers reads."""
    event = config_event(7)
    tags = {f"{n:03d}" + WIDE * 125: WIDE * 256 for n in range(46)}
    tags |= {"Name": WIDE * 300, "Owner": "alice", "leftovers:keep": "2099-01-01", "leftovers:expires": "30d"}
    event["detail"]["configurationItem"].update(tags=tags, resourceName=WIDE * 1000)  # type: ignore[index]
    return event


def test_an_oversized_resource_is_stored_bounded_with_the_cut_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in [v for v in os.environ if v.startswith("LEFTOVERS_")]:
        monkeypatch.delenv(var)
    db = tmp_path / "store.db"
    result = CliRunner().invoke(cli, ["--store", str(db), "ingest", "-"], input=jsonl([oversized_event()]))
    assert result.exit_code == 0, result.output
    (record,) = SQLiteStore(db).scan()
    assert record.name is not None
    assert len(record.name) == MAX_NAME
    assert record.name.endswith(CUT)
    tags = dict(record.tags or {})
    assert {k: tags[k] for k in ("Owner", "leftovers:keep", "leftovers:expires")} == {
        "Owner": "alice",
        "leftovers:keep": "2099-01-01",
        "leftovers:expires": "30d",
    }
    assert tags["Name"] == WIDE * (MAX_TAG_VALUE - 1) + CUT
    assert len(tags) <= MAX_TAGS
    assert sum(len(k) + len(v) for k, v in tags.items()) <= MAX_TAG_CHARS + 6 * (MAX_TAG_KEY + MAX_TAG_VALUE)
    assert tags[CUT].endswith("more tag(s) not kept")
    assert all(len(k) <= MAX_TAG_KEY for k in tags)
    assert len(json.dumps({"name": record.name, "tags": tags}).encode()) < 40_000  # was ~150 KB as JSON


def test_text_within_bounds_is_the_same_object() -> None:
    normal = change("created", 0, name="web", tags={"Owner": "alice"}, created_by="arn:aws:iam::1:user/alice")
    assert bounded(normal) is normal
