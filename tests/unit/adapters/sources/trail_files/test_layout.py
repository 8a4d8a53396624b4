"""Which folders and files of a trail's layout a replay walks into."""

from __future__ import annotations

from datetime import date

import pytest

from leftovers.adapters.sources.trail_files.layout import Selection, account_of, is_log_file, order_key
from tests.support.trail_logs import digest_key, log_key

DAY = date(2026, 9, 14)
SELECTION = Selection(
    since=date(2026, 8, 30),
    until=date(2026, 10, 2),
    accounts=frozenset({"111122223333"}),
    regions=frozenset({"us-east-1"}),
)


def folders(key: str) -> list[list[str]]:
    """Every folder on the way to ``key``, as path parts (with a bucket prefix in front)."""
    parts = ["trail-prefix", *key.split("/")[:-1]]
    return [parts[:n] for n in range(1, len(parts) + 1)]


@pytest.mark.parametrize("org", [None, "o-a1b2c3d4e5"])
def test_every_folder_down_to_a_wanted_log_is_walked(org: str | None) -> None:
    for parts in folders(log_key("111122223333", "us-east-1", DAY, org=org)):
        assert SELECTION.wants_folder(parts), parts


@pytest.mark.parametrize(
    "key",
    [
        log_key("444455556666", "us-east-1", DAY),
        log_key("111122223333", "eu-west-1", DAY),
        log_key("111122223333", "us-east-1", date(2026, 8, 29)),
        log_key("111122223333", "us-east-1", date(2026, 10, 3)),
        log_key("111122223333", "us-east-1", date(2025, 9, 14)),
        log_key("444455556666", "us-east-1", DAY, org="o-a1b2c3d4e5"),
        digest_key("111122223333", "us-east-1", DAY),
    ],
)
def test_a_folder_on_the_way_to_an_unwanted_log_is_pruned(key: str) -> None:
    assert not all(SELECTION.wants_folder(parts) for parts in folders(key))


def test_month_and_year_folders_overlapping_the_range_are_walked() -> None:
    region = ["AWSLogs", "111122223333", "CloudTrail", "us-east-1"]
    assert SELECTION.wants_folder([*region, "2026", "08"])
    assert SELECTION.wants_folder([*region, "2026", "10"])
    assert not SELECTION.wants_folder([*region, "2026", "07"])
    assert not SELECTION.wants_folder([*region, "2027"])
    assert Selection().wants_folder([*region, "2027", "01", "01"])


def test_folders_outside_the_layout_are_walked_but_not_digests() -> None:
    assert Selection().wants_folder(["home", "me", "logs"])
    assert not Selection().wants_folder(["logs", "CloudTrail-Digest"])


def test_log_files_and_their_account() -> None:
    key = log_key("111122223333", "us-east-1", DAY, org="o-a1b2c3d4e5")
    assert is_log_file(key.rsplit("/", 1)[-1])
    assert account_of(key.split("/")) == "111122223333"
    assert account_of(["elsewhere", "111122223333_CloudTrail_us-east-1_20260914T0210Z_x.json.gz"]) == "111122223333"
    assert account_of(["elsewhere", "export.json"]) is None
    assert not is_log_file(digest_key("111122223333", "us-east-1", DAY).rsplit("/", 1)[-1])
    assert not is_log_file("notes.txt")


def test_a_folder_sorts_by_delivery_time() -> None:
    names = [
        "111122223333_CloudTrail_us-east-1_20260914T0215Z_b.json.gz",
        "111122223333_CloudTrail_us-east-1_20260914T0210Z_z.json.gz",
    ]
    assert sorted(names, key=order_key) == names[::-1]


def test_config_history_folders_are_walked_but_not_snapshots() -> None:
    day = ["AWSLogs", "111122223333", "Config", "us-east-1", "2026", "9", "14"]
    assert SELECTION.wants_folder(day)
    assert SELECTION.wants_folder([*day, "ConfigHistory"])
    assert not SELECTION.wants_folder([*day, "ConfigSnapshot"])
    assert not SELECTION.wants_folder(["AWSLogs", "111122223333", "Config", "us-east-1", "2026", "8", "1"])
