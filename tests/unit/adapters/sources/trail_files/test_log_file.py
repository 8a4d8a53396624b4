"""One log file: the records that can matter decoded whole, the rest counted, a broken file named."""

from __future__ import annotations

import gzip
import json

import pytest

from leftovers.adapters.sources import mapped_event_names
from leftovers.adapters.sources.trail_files.log_file import log_records
from leftovers.core.errors import LeftoversError
from tests.support.events import EVENTS

LOG = (EVENTS / "trail_log_file.json").read_bytes()


@pytest.mark.parametrize("data", [LOG, gzip.compress(LOG)], ids=["json", "json.gz"])
def test_read_only_and_failed_calls_are_skipped_before_a_full_parse(data: bytes) -> None:
    found = log_records(data, "f.json", mapped_event_names())
    assert found.total == 9
    assert found.skipped == 2  # DescribeInstances (read-only), RunInstances (errorCode); CreateTags is a tag call
    assert [i for i, _ in found.wanted] == [1, 3, 4, 5, 7, 8]
    assert found.wanted[0][1] == json.loads(LOG)["Records"][1]
    assert found.bad == [(6, "not a JSON object")]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"Records": [{"eventName": "RunInstances"}', "not valid JSON"),
        (b'{"digestStartTime": "2026-09-14T01:10:00Z"}', "not a CloudTrail log file"),
        (gzip.compress(LOG)[:-20], "not a readable gzip file"),
    ],
)
def test_a_broken_file_is_one_error_naming_it(data: bytes, problem: str) -> None:
    with pytest.raises(LeftoversError, match=f"^logs/f.json.gz: {problem}"):
        log_records(data, "logs/f.json.gz", mapped_event_names())
